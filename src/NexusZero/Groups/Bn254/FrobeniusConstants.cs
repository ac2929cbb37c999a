namespace NexusZero.Groups.Bn254;

/// <summary>
/// Setup-time constants of the tower, computed from ξ and p rather than copied: γ_i = ξ^(i(p−1)/6)
/// for the Frobenius map on Fp12, and the twist coefficient b' = 3/ξ.
/// </summary>
internal static class FrobeniusConstants
{
    /// <summary>γ_0 … γ_5; γ_2 and γ_3 also give the twist's Frobenius endomorphism ψ.</summary>
    public static readonly Fp2[] Gamma = ComputeGamma();

    /// <summary>b' = 3/(9 + u), the constant of the sextic twist y² = x³ + b'.</summary>
    public static readonly Fp2 TwistB = new Fp2(Fp.FromUInt64(3), Fp.Zero) * Fp2.Xi.Invert();

    private static Fp2[] ComputeGamma()
    {
        var pMinusOne = Limbs256.Subtract(Fp.Parameters.Modulus, new Limbs256(1, 0, 0, 0), out _);
        var gamma1 = Fp2.Xi.Power(pMinusOne.DivideBySmall(6));
        var result = new Fp2[6];
        result[0] = Fp2.One;
        for (var i = 1; i < 6; i++)
        {
            result[i] = result[i - 1] * gamma1;
        }

        return result;
    }
}
