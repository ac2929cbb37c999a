using System.Globalization;
using System.Numerics;
using NexusZero.Groups.Bn254;

namespace NexusZero.Circuits;

/// <summary>
/// An element of the BN254 scalar field F_r, r = 21888242871839275222246405745257275088548364400416034343698204186575808495617,
/// the field every circuit value lives in (circom's default prime, the field of Groth16 over BN254).
/// </summary>
/// <remarks>
/// Arithmetic, inversion and the byte encodings run in constant time on fixed 64-bit limbs. Decimal
/// parsing and printing go through <see cref="BigInteger"/>; use them for public values only
/// (constants, public inputs, test vectors), never on a secret witness path.
/// </remarks>
public readonly struct FieldElement : IEquatable<FieldElement>
{
    /// <summary>The size of one encoded element.</summary>
    public const int ByteLength = 32;

    private static readonly BigInteger ModulusInteger = BigInteger.Parse(
        "21888242871839275222246405745257275088548364400416034343698204186575808495617", CultureInfo.InvariantCulture);

    private readonly Fr value;

    internal FieldElement(Fr value) => this.value = value;

    /// <summary>The additive identity.</summary>
    public static FieldElement Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static FieldElement One => new(Fr.One);

    /// <summary>The modulus r in decimal.</summary>
    public static string ModulusDecimal => "21888242871839275222246405745257275088548364400416034343698204186575808495617";

    /// <summary>True for zero.</summary>
    public bool IsZero => value.IsZero;

    internal Fr Value => value;

    /// <summary>The canonical integer value, below the modulus.</summary>
    internal Limbs256 Canonical => value.ToCanonical();

    /// <summary>An element from a non-negative integer.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The element.</returns>
    public static FieldElement FromUInt64(ulong value) => new(Fr.FromUInt64(value));

    /// <summary>An element from an integer; a negative value maps to r − |value|.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The element.</returns>
    public static FieldElement FromInt64(long value)
    {
        // |long.MinValue| does not fit a long; the unsigned negation below handles it.
        var magnitude = value < 0 ? 0UL - (ulong)value : (ulong)value;
        var element = FromUInt64(magnitude);
        return value < 0 ? -element : element;
    }

    /// <summary>2^exponent for 0 ≤ exponent &lt; 254.</summary>
    /// <param name="exponent">The exponent.</param>
    /// <returns>The power of two.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The exponent is outside [0, 253].</exception>
    public static FieldElement PowerOfTwo(int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exponent, 253);
        var limbs = default(Limbs256);
        limbs = LimbBits.SetBit(limbs, exponent);
        return FromCanonicalLimbs(limbs);
    }

    /// <summary>Wraps a canonical integer (the caller guarantees it is below the modulus).</summary>
    internal static FieldElement FromCanonicalLimbs(in Limbs256 canonical) => new(Fr.FromCanonical(canonical));

    /// <summary>Parses a decimal integer (optionally with a leading '-', meaning r − value) or a 0x-prefixed hexadecimal integer.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The element.</returns>
    /// <exception cref="FormatException">The text is not an integer below the modulus.</exception>
    public static FieldElement Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result)
            ? result
            : throw new FormatException("A field element is a decimal or 0x-hexadecimal integer below the BN254 scalar field modulus.");
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The element, or zero on failure.</param>
    /// <returns>True when the text is a valid element.</returns>
    public static bool TryParse(string? text, out FieldElement result)
    {
        result = default;
        if (string.IsNullOrEmpty(text) || text.Length > 100)
        {
            return false;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseHex(text.AsSpan(2), out result);
        }

        var negative = text[0] == '-';
        var digits = negative ? text.AsSpan(1) : text.AsSpan();
        if (digits.IsEmpty || !IsAsciiDigits(digits)
            || !BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var integer)
            || integer >= ModulusInteger)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[ByteLength];
        integer.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        var ok = TryFromLittleEndian(bytes, out result);
        if (ok && negative)
        {
            result = -result;
        }

        return ok;
    }

    private static bool TryParseHex(ReadOnlySpan<char> digits, out FieldElement result)
    {
        result = default;
        if (digits.IsEmpty || digits.Length > 2 * ByteLength)
        {
            return false;
        }

        Span<char> padded = stackalloc char[2 * ByteLength];
        padded.Fill('0');
        digits.CopyTo(padded[(padded.Length - digits.Length)..]);
        Span<byte> bytes = stackalloc byte[ByteLength];
        return Convert.FromHexString(padded, bytes, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == ByteLength
            && TryFromBigEndian(bytes, out result);
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes 32 big-endian bytes holding a canonical value (below the modulus).</summary>
    /// <param name="bytes">Exactly 32 bytes.</param>
    /// <param name="result">The element, or zero when the value is not canonical.</param>
    /// <returns>False when the value is not below the modulus.</returns>
    /// <exception cref="ArgumentException">The span is not 32 bytes.</exception>
    public static bool TryFromBigEndian(ReadOnlySpan<byte> bytes, out FieldElement result)
    {
        var ok = Fr.TryFromBigEndian(bytes, out var fr);
        result = new(fr);
        return ok;
    }

    /// <summary>Decodes 32 little-endian bytes holding a canonical value (the form of circom's .r1cs and .wtns files).</summary>
    /// <param name="bytes">Exactly 32 bytes.</param>
    /// <param name="result">The element, or zero when the value is not canonical.</param>
    /// <returns>False when the value is not below the modulus.</returns>
    /// <exception cref="ArgumentException">The span is not 32 bytes.</exception>
    public static bool TryFromLittleEndian(ReadOnlySpan<byte> bytes, out FieldElement result)
    {
        if (bytes.Length != ByteLength)
        {
            throw new ArgumentException("A field element is 32 bytes.", nameof(bytes));
        }

        var limbs = Limbs256.FromLittleEndian(bytes);
        var ok = Montgomery256.IsCanonical(limbs, Fr.Parameters);
        result = ok ? FromCanonicalLimbs(limbs) : default;
        return ok;
    }

    /// <summary>Decodes 32 canonical big-endian bytes.</summary>
    /// <param name="bytes">Exactly 32 bytes.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentException">The span is not 32 bytes.</exception>
    /// <exception cref="FormatException">The value is not below the modulus.</exception>
    public static FieldElement FromBigEndian(ReadOnlySpan<byte> bytes) =>
        TryFromBigEndian(bytes, out var result) ? result : throw new FormatException("The field element is not below the modulus.");

    /// <summary>Decodes 32 canonical little-endian bytes.</summary>
    /// <param name="bytes">Exactly 32 bytes.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentException">The span is not 32 bytes.</exception>
    /// <exception cref="FormatException">The value is not below the modulus.</exception>
    public static FieldElement FromLittleEndian(ReadOnlySpan<byte> bytes) =>
        TryFromLittleEndian(bytes, out var result) ? result : throw new FormatException("The field element is not below the modulus.");

    /// <summary>Writes the canonical 32-byte big-endian encoding.</summary>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void WriteBigEndian(Span<byte> destination)
    {
        RequireDestination(destination);
        value.WriteBigEndian(destination);
    }

    /// <summary>Writes the canonical 32-byte little-endian encoding.</summary>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void WriteLittleEndian(Span<byte> destination)
    {
        RequireDestination(destination);
        value.ToCanonical().WriteLittleEndian(destination);
    }

    /// <summary>The canonical 32-byte big-endian encoding.</summary>
    /// <returns>A new array.</returns>
    public byte[] ToBigEndianBytes()
    {
        var bytes = new byte[ByteLength];
        WriteBigEndian(bytes);
        return bytes;
    }

    /// <summary>The canonical 32-byte little-endian encoding.</summary>
    /// <returns>A new array.</returns>
    public byte[] ToLittleEndianBytes()
    {
        var bytes = new byte[ByteLength];
        WriteLittleEndian(bytes);
        return bytes;
    }

    private static void RequireDestination(Span<byte> destination)
    {
        if (destination.Length < ByteLength)
        {
            throw new ArgumentException("The destination needs 32 bytes.", nameof(destination));
        }
    }

    /// <summary>The multiplicative inverse, or zero for zero, in constant time (the form witness hints need).</summary>
    /// <returns>The inverse or zero.</returns>
    public FieldElement InverseOrZero() => new(value.Invert());

    /// <summary>The square.</summary>
    /// <returns>this · this.</returns>
    public FieldElement Square() => new(value.Square());

    /// <summary>Sum.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a + b.</returns>
    public static FieldElement operator +(FieldElement a, FieldElement b) => new(a.value + b.value);

    /// <summary>Difference.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a − b.</returns>
    public static FieldElement operator -(FieldElement a, FieldElement b) => new(a.value - b.value);

    /// <summary>Negation.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>−a.</returns>
    public static FieldElement operator -(FieldElement a) => new(-a.value);

    /// <summary>Product.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a · b.</returns>
    public static FieldElement operator *(FieldElement a, FieldElement b) => new(a.value * b.value);

    /// <summary>Quotient.</summary>
    /// <param name="a">Dividend.</param>
    /// <param name="b">Divisor; must not be zero.</param>
    /// <returns>a · b⁻¹.</returns>
    /// <exception cref="DivideByZeroException">The divisor is zero (this check reveals only whether it is zero).</exception>
    public static FieldElement operator /(FieldElement a, FieldElement b) =>
        b.IsZero ? throw new DivideByZeroException("Division by the zero field element.") : a * b.InverseOrZero();

    /// <summary>Equality in constant time.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(FieldElement a, FieldElement b) => a.Equals(b);

    /// <summary>Inequality in constant time.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(FieldElement a, FieldElement b) => !a.Equals(b);

    /// <inheritdoc />
    public bool Equals(FieldElement other) => value.Equals(other.value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FieldElement other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => value.GetHashCode();

    /// <summary>The canonical value in decimal (public values only: this goes through BigInteger).</summary>
    /// <returns>Decimal digits.</returns>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        WriteLittleEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The canonical value as "0x" and 64 lower-case hexadecimal digits.</summary>
    /// <returns>The hexadecimal text.</returns>
    public string ToHexString()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        WriteBigEndian(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }
}
