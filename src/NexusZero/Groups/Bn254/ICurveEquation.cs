namespace NexusZero.Groups.Bn254;

/// <summary>A short Weierstrass curve y² = x³ + b (a = 0) over <typeparamref name="TField"/>.</summary>
internal interface ICurveEquation<TField>
    where TField : struct, IBn254Field<TField>
{
    /// <summary>The constant b.</summary>
    static abstract TField B { get; }

    /// <summary>3·b, which the complete addition formulas use.</summary>
    static abstract TField B3 { get; }
}

/// <summary>G1: y² = x³ + 3 over Fp. Its group of points has prime order r (cofactor 1).</summary>
internal readonly struct G1Curve : ICurveEquation<Fp>
{
    private static readonly Fp Three = Fp.FromUInt64(3);
    private static readonly Fp Nine = Fp.FromUInt64(9);

    public static Fp B => Three;

    public static Fp B3 => Nine;
}

/// <summary>
/// G2's curve: the sextic D-type twist y² = x³ + 3/(9 + u) over Fp2. Its point group has order
/// r·(2p − r); G2 is the subgroup of order r, which decoding checks for.
/// </summary>
internal readonly struct G2Curve : ICurveEquation<Fp2>
{
    private static readonly Fp2 TwistB3 = FrobeniusConstants.TwistB + FrobeniusConstants.TwistB + FrobeniusConstants.TwistB;

    public static Fp2 B => FrobeniusConstants.TwistB;

    public static Fp2 B3 => TwistB3;
}
