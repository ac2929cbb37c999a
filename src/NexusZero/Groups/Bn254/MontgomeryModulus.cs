namespace NexusZero.Groups.Bn254;

/// <summary>
/// An odd modulus m &lt; 2^254 with the constants Montgomery arithmetic needs (R = 2^256), all derived
/// here from m alone at type initialisation, so no precomputed magic number can be mistyped.
/// The modulus's top limb must stay below 2^63 − 1 (both BN254 fields are below 2^254): that headroom is
/// what lets <see cref="Montgomery256.Multiply"/> keep its accumulator in four limbs.
/// </summary>
internal sealed class MontgomeryModulus
{
    public MontgomeryModulus(Limbs256 modulus)
    {
        if ((modulus.L0 & 1) == 0 || modulus.L3 >= 0x7FFF_FFFF_FFFF_FFFEUL)
        {
            throw new ArgumentException("The Montgomery arithmetic here needs an odd modulus whose top limb is below 2^63 − 1.", nameof(modulus));
        }

        Modulus = modulus;

        // −m⁻¹ mod 2^64 by Newton iteration: each step doubles the correct low bits (1 → 64 in 6 steps).
        ulong inverse = 1;
        for (var i = 0; i < 6; i++)
        {
            inverse *= 2 - (modulus.L0 * inverse);
        }

        NegativeInverse = 0 - inverse;

        // R mod m: start from 1 and double 256 times; R² mod m: double 256 more times.
        var value = new Limbs256(1, 0, 0, 0);
        for (var i = 0; i < 512; i++)
        {
            if (i == 256)
            {
                R = value;
            }

            value = Montgomery256.Add(value, value, this);
        }

        R2 = value;
        ModulusMinusTwo = Limbs256.Subtract(modulus, new Limbs256(2, 0, 0, 0), out _);
    }

    /// <summary>The modulus m.</summary>
    public Limbs256 Modulus { get; }

    /// <summary>−m⁻¹ mod 2^64.</summary>
    public ulong NegativeInverse { get; }

    /// <summary>2^256 mod m: one in Montgomery form.</summary>
    public Limbs256 R { get; }

    /// <summary>2^512 mod m: converts into Montgomery form by one multiplication.</summary>
    public Limbs256 R2 { get; }

    /// <summary>m − 2, the Fermat inversion exponent.</summary>
    public Limbs256 ModulusMinusTwo { get; }
}
