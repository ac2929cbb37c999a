using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Bn254;

/// <summary>
/// An element of the BN254 base field, p = 21888242871839275222246405745257275088696311157297823662689037894645226208583,
/// held in Montgomery form (value·2^256 mod the modulus) on four 64-bit limbs, always fully reduced.
/// Arithmetic and inversion (Fermat, a fixed exponent) run in constant time.
/// Encodings: canonical 32-byte big-endian as EIP-196/197 use; snarkjs stores field elements in
/// .zkey files as 32-byte little-endian Montgomery form, which <see cref="FromMontgomeryLittleEndian"/> reads.
/// </summary>
internal readonly partial struct Fp : IEquatable<Fp>, IBn254Field<Fp>
{
    /// <summary>The modulus and its Montgomery constants.</summary>
    public static readonly MontgomeryModulus Parameters = new(FpModulus.Modulus);

    private readonly Limbs256 montgomery;

    private Fp(Limbs256 montgomery) => this.montgomery = montgomery;

    public static Fp Zero => default;

    public static Fp One => new(Parameters.R);

    /// <summary>The Montgomery-form limbs.</summary>
    public Limbs256 MontgomeryLimbs => montgomery;

    public bool IsZero => montgomery.IsZeroMask() != 0;

    /// <summary>A small constant.</summary>
    public static Fp FromUInt64(ulong value) => FromCanonical(new Limbs256(value, 0, 0, 0));

    /// <summary>Converts a canonical integer (must already be below the modulus) into Montgomery form.</summary>
    public static Fp FromCanonical(in Limbs256 value) => new(Montgomery256.Multiply(Parameters.R2, value, Parameters));

    /// <summary>Decodes 32 big-endian bytes; false when the value is not below the modulus.</summary>
    public static bool TryFromBigEndian(ReadOnlySpan<byte> bytes, out Fp result)
    {
        if (bytes.Length != 32)
        {
            throw new ArgumentException("A field element is 32 bytes.", nameof(bytes));
        }

        var value = Limbs256.FromBigEndian(bytes);
        if (!Montgomery256.IsCanonical(value, Parameters))
        {
            result = default;
            return false;
        }

        result = FromCanonical(value);
        return true;
    }

    /// <summary>Reduces 32 big-endian bytes modulo the field (a 256-bit value is below 6·modulus).</summary>
    public static Fp FromBigEndianReduced(ReadOnlySpan<byte> bytes)
    {
        var value = Limbs256.FromBigEndian(bytes);

        // R²·value·R⁻¹ = value·R, reduced by the Montgomery multiplication itself: the unreduced value goes in
        // the second operand, which may be any 256-bit integer.
        return new(Montgomery256.Multiply(Parameters.R2, value, Parameters));
    }

    /// <summary>Reads snarkjs's .zkey form: 32 little-endian bytes already in Montgomery form; false when not below the modulus.</summary>
    public static bool FromMontgomeryLittleEndian(ReadOnlySpan<byte> bytes, out Fp result)
    {
        var value = Limbs256.FromLittleEndian(bytes);
        var ok = Montgomery256.IsCanonical(value, Parameters);
        result = ok ? new Fp(value) : default;
        return ok;
    }

    /// <summary>The canonical integer value (out of Montgomery form).</summary>
    public Limbs256 ToCanonical() => Montgomery256.Multiply(montgomery, new Limbs256(1, 0, 0, 0), Parameters);

    /// <summary>Writes the canonical 32-byte big-endian encoding.</summary>
    public void WriteBigEndian(Span<byte> destination) => ToCanonical().WriteBigEndian(destination);

    /// <summary>Writes snarkjs's .zkey form: 32 little-endian bytes of the Montgomery form.</summary>
    public void WriteMontgomeryLittleEndian(Span<byte> destination) => montgomery.WriteLittleEndian(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator +(in Fp a, in Fp b) => new(Montgomery256.Add(a.montgomery, b.montgomery, Parameters));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a, in Fp b) => new(Montgomery256.Subtract(a.montgomery, b.montgomery, Parameters));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a) => new(Montgomery256.Negate(a.montgomery, Parameters));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator *(in Fp a, in Fp b) => new(Montgomery256.Multiply<FpModulus>(a.montgomery, b.montgomery));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp Square() => this * this;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp Double() => this + this;

    /// <summary>a^(m−2): the inverse for non-zero a, zero for zero.</summary>
    public Fp Invert() => new(Montgomery256.Power<FpModulus>(montgomery, Parameters.ModulusMinusTwo, Parameters.R));

    /// <summary>this^exponent for a public exponent.</summary>
    public Fp Power(in Limbs256 exponent) => new(Montgomery256.Power<FpModulus>(montgomery, exponent, Parameters.R));

    public static Fp Select(in Fp a, in Fp b, ulong mask) => new(Limbs256.Select(a.montgomery, b.montgomery, mask));

    public static ulong EqualMask(in Fp a, in Fp b) => Limbs256.EqualMask(a.montgomery, b.montgomery);

    public bool Equals(Fp other) => EqualMask(this, other) != 0;

    public override bool Equals(object? obj) => obj is Fp other && Equals(other);

    public override int GetHashCode() => montgomery.L0.GetHashCode();

    public static bool operator ==(Fp a, Fp b) => a.Equals(b);

    public static bool operator !=(Fp a, Fp b) => !a.Equals(b);

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBigEndian(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
