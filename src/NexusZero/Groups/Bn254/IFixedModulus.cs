namespace NexusZero.Groups.Bn254;

/// <summary>
/// A Montgomery modulus known at compile time, so arithmetic specialised on it sees constants. The limbs here are
/// the fields' only copy (their <see cref="MontgomeryModulus"/> derives everything else from them); the negative
/// inverse is written out for the JIT and checked against the derived one by the tests.
/// </summary>
internal interface IFixedModulus
{
    /// <summary>The modulus m.</summary>
    static abstract Limbs256 Modulus { get; }

    /// <summary>−m⁻¹ mod 2^64.</summary>
    static abstract ulong NegativeInverse { get; }
}

/// <summary>BN254's base-field modulus p.</summary>
internal readonly struct FpModulus : IFixedModulus
{
    public static Limbs256 Modulus => new(0x3c208c16d87cfd47UL, 0x97816a916871ca8dUL, 0xb85045b68181585dUL, 0x30644e72e131a029UL);

    public static ulong NegativeInverse => 0x87d20782e4866389UL;
}

/// <summary>BN254's scalar-field modulus r.</summary>
internal readonly struct FrModulus : IFixedModulus
{
    public static Limbs256 Modulus => new(0x43e1f593f0000001UL, 0x2833e84879b97091UL, 0xb85045b68181585dUL, 0x30644e72e131a029UL);

    public static ulong NegativeInverse => 0xc2e1f593efffffffUL;
}
