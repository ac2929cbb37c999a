using System.Numerics;
using System.Runtime.CompilerServices;
using static NexusZero.Groups.Secp256k1.WordArithmetic;

namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// An integer modulo the secp256k1 group order n, as four 64-bit little-endian limbs, always fully
/// reduced. Arithmetic is constant time: multiplication is Montgomery (CIOS) with a masked final
/// subtraction; inversion is a fixed exponentiation by n − 2.
/// </summary>
internal struct ScalarValue
{
    public ulong L0, L1, L2, L3;

    public ScalarValue(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    /// <summary>The group order n.</summary>
    public static readonly ScalarValue Order = new(0xBFD25E8CD0364141UL, 0xBAAEDCE6AF48A03BUL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL);

    /// <summary>−n⁻¹ mod 2^64, the Montgomery constant.</summary>
    private static readonly ulong MontgomeryInverse = ComputeMontgomeryInverse(Order.L0);

    /// <summary>R² mod n with R = 2^256 (setup constant, computed once from public values).</summary>
    private static readonly ScalarValue RSquared = FromBigIntegerSetup(BigInteger.ModPow(2, 512, ToBigIntegerPublic(Order)));

    /// <summary>R³ mod n.</summary>
    private static readonly ScalarValue RCubed = FromBigIntegerSetup(BigInteger.ModPow(2, 768, ToBigIntegerPublic(Order)));

    public static ScalarValue Zero => default;

    public static ScalarValue One => new(1, 0, 0, 0);

    public static ScalarValue FromUInt64(ulong value) => new(value, 0, 0, 0);

    /// <summary>Decodes 32 big-endian bytes; false when the value is not below n. Constant time in the value.</summary>
    public static bool TryFromBigEndian(ReadOnlySpan<byte> bytes, out ScalarValue result)
    {
        var v = new ScalarValue(ReadBigEndian(bytes[24..]), ReadBigEndian(bytes[16..]), ReadBigEndian(bytes[8..]), ReadBigEndian(bytes));
        ulong borrow = 0;
        SubtractWithBorrow(v.L0, Order.L0, ref borrow);
        SubtractWithBorrow(v.L1, Order.L1, ref borrow);
        SubtractWithBorrow(v.L2, Order.L2, ref borrow);
        SubtractWithBorrow(v.L3, Order.L3, ref borrow);

        // borrow = 1 exactly when v < n.
        result = v;
        return borrow == 1;
    }

    /// <summary>Reduces a 512-bit big-endian integer modulo n (wide reduction).</summary>
    public static ScalarValue FromWideBigEndian(ReadOnlySpan<byte> wide)
    {
        var hi = new ScalarValue(ReadBigEndian(wide[24..]), ReadBigEndian(wide[16..]), ReadBigEndian(wide[8..]), ReadBigEndian(wide));
        var lo = new ScalarValue(ReadBigEndian(wide[56..]), ReadBigEndian(wide[48..]), ReadBigEndian(wide[40..]), ReadBigEndian(wide[32..]));

        // Mont(x, y) = x·y·R⁻¹ accepts x < R when y < n, so neither half needs reducing first:
        // Mont(lo, R²) + Mont(hi, R³) = (lo + hi·R)·R, and one more Mont(·, 1) removes the R.
        var sum = Add(MontgomeryMultiply(lo, RSquared), MontgomeryMultiply(hi, RCubed));
        var result = MontgomeryMultiply(sum, One);
        hi = default;
        lo = default;
        sum = default;
        return result;
    }

    /// <summary>Writes the canonical 32-byte big-endian encoding.</summary>
    public readonly void WriteBigEndian(Span<byte> destination)
    {
        WordArithmetic.WriteBigEndian(destination, L3);
        WordArithmetic.WriteBigEndian(destination[8..], L2);
        WordArithmetic.WriteBigEndian(destination[16..], L1);
        WordArithmetic.WriteBigEndian(destination[24..], L0);
    }

    public readonly ulong IsZeroBit() => WordArithmetic.IsZeroBit(L0 | L1 | L2 | L3);

    public readonly ulong EqualsBit(in ScalarValue other) =>
        WordArithmetic.IsZeroBit((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3));

    /// <summary>Bits [4·index, 4·index + 4) of the value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Nibble(int index)
    {
        var limb = (index >> 4) switch
        {
            0 => L0,
            1 => L1,
            2 => L2,
            _ => L3,
        };
        return (int)((limb >> ((index & 15) * 4)) & 0xF);
    }

    /// <summary>Bit <paramref name="index"/> of the value.</summary>
    public readonly int Bit(int index)
    {
        var limb = (index >> 6) switch
        {
            0 => L0,
            1 => L1,
            2 => L2,
            _ => L3,
        };
        return (int)((limb >> (index & 63)) & 1);
    }

    public static ScalarValue Add(in ScalarValue a, in ScalarValue b)
    {
        ulong carry = 0;
        var s0 = AddWithCarry(a.L0, b.L0, ref carry);
        var s1 = AddWithCarry(a.L1, b.L1, ref carry);
        var s2 = AddWithCarry(a.L2, b.L2, ref carry);
        var s3 = AddWithCarry(a.L3, b.L3, ref carry);
        return SubtractOrderIfNeeded(s0, s1, s2, s3, carry);
    }

    public static ScalarValue Subtract(in ScalarValue a, in ScalarValue b)
    {
        ulong borrow = 0;
        var d0 = SubtractWithBorrow(a.L0, b.L0, ref borrow);
        var d1 = SubtractWithBorrow(a.L1, b.L1, ref borrow);
        var d2 = SubtractWithBorrow(a.L2, b.L2, ref borrow);
        var d3 = SubtractWithBorrow(a.L3, b.L3, ref borrow);
        var mask = MaskFromBit(borrow);
        ulong carry = 0;
        d0 = AddWithCarry(d0, Order.L0 & mask, ref carry);
        d1 = AddWithCarry(d1, Order.L1 & mask, ref carry);
        d2 = AddWithCarry(d2, Order.L2 & mask, ref carry);
        d3 = AddWithCarry(d3, Order.L3 & mask, ref carry);
        return new ScalarValue(d0, d1, d2, d3);
    }

    public static ScalarValue Negate(in ScalarValue a) => Subtract(Zero, a);

    public static ScalarValue Multiply(in ScalarValue a, in ScalarValue b) =>
        MontgomeryMultiply(MontgomeryMultiply(a, b), RSquared);

    /// <summary>a⁻¹ = a^(n−2) (0 for 0). The exponent is public, so its windows may index a table.</summary>
    public static ScalarValue Invert(in ScalarValue a)
    {
        Span<ScalarValue> table = stackalloc ScalarValue[16];
        table[0] = MontgomeryMultiply(One, RSquared);
        var aMont = MontgomeryMultiply(a, RSquared);
        for (var i = 1; i < 16; i++)
        {
            table[i] = MontgomeryMultiply(table[i - 1], aMont);
        }

        var exponent = Subtract(Zero, FromUInt64(2));
        var acc = table[0];
        for (var i = 63; i >= 0; i--)
        {
            acc = MontgomeryMultiply(acc, acc);
            acc = MontgomeryMultiply(acc, acc);
            acc = MontgomeryMultiply(acc, acc);
            acc = MontgomeryMultiply(acc, acc);
            acc = MontgomeryMultiply(acc, table[exponent.Nibble(i)]);
        }

        var result = MontgomeryMultiply(acc, One);
        table.Clear();
        aMont = default;
        acc = default;
        return result;
    }

    /// <summary>x·y·R⁻¹ mod n for x &lt; R, y &lt; n (CIOS).</summary>
    private static ScalarValue MontgomeryMultiply(in ScalarValue x, in ScalarValue y)
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        for (var i = 0; i < 4; i++)
        {
            var xi = i switch
            {
                0 => x.L0,
                1 => x.L1,
                2 => x.L2,
                _ => x.L3,
            };

            UInt128 p;
            p = ((UInt128)xi * y.L0) + t0;
            t0 = (ulong)p;
            p = ((UInt128)xi * y.L1) + t1 + (ulong)(p >> 64);
            t1 = (ulong)p;
            p = ((UInt128)xi * y.L2) + t2 + (ulong)(p >> 64);
            t2 = (ulong)p;
            p = ((UInt128)xi * y.L3) + t3 + (ulong)(p >> 64);
            t3 = (ulong)p;
            var top = (UInt128)t4 + (ulong)(p >> 64);
            t4 = (ulong)top;
            var t5 = (ulong)(top >> 64);

            var m = t0 * MontgomeryInverse;
            p = ((UInt128)m * Order.L0) + t0;
            p = ((UInt128)m * Order.L1) + t1 + (ulong)(p >> 64);
            t0 = (ulong)p;
            p = ((UInt128)m * Order.L2) + t2 + (ulong)(p >> 64);
            t1 = (ulong)p;
            p = ((UInt128)m * Order.L3) + t3 + (ulong)(p >> 64);
            t2 = (ulong)p;
            top = (UInt128)t4 + (ulong)(p >> 64);
            t3 = (ulong)top;
            t4 = t5 + (ulong)(top >> 64);
        }

        return SubtractOrderIfNeeded(t0, t1, t2, t3, t4);
    }

    /// <summary>Given a value v = top·2^256 + (s3..s0) &lt; 2n, returns v mod n with a masked subtraction.</summary>
    private static ScalarValue SubtractOrderIfNeeded(ulong s0, ulong s1, ulong s2, ulong s3, ulong top)
    {
        ulong borrow = 0;
        var d0 = SubtractWithBorrow(s0, Order.L0, ref borrow);
        var d1 = SubtractWithBorrow(s1, Order.L1, ref borrow);
        var d2 = SubtractWithBorrow(s2, Order.L2, ref borrow);
        var d3 = SubtractWithBorrow(s3, Order.L3, ref borrow);
        SubtractWithBorrow(top, 0, ref borrow);

        // No final borrow ⇔ v ≥ n ⇔ keep the difference.
        var mask = MaskFromBit(borrow ^ 1);
        return new ScalarValue(s0 ^ ((s0 ^ d0) & mask), s1 ^ ((s1 ^ d1) & mask), s2 ^ ((s2 ^ d2) & mask), s3 ^ ((s3 ^ d3) & mask));
    }

    private static ulong ComputeMontgomeryInverse(ulong n0)
    {
        // Newton iteration for n0⁻¹ mod 2^64 (each step doubles the correct low bits), then negate.
        var inverse = n0;
        for (var i = 0; i < 6; i++)
        {
            inverse *= 2 - (n0 * inverse);
        }

        return 0UL - inverse;
    }

    /// <summary>Setup only: converts a public constant from BigInteger (never used with secrets).</summary>
    private static ScalarValue FromBigIntegerSetup(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: true);
        var length = value.GetByteCount(isUnsigned: true);
        Span<byte> padded = stackalloc byte[32];
        bytes[..length].CopyTo(padded[(32 - length)..]);
        return new ScalarValue(ReadBigEndian(padded[24..]), ReadBigEndian(padded[16..]), ReadBigEndian(padded[8..]), ReadBigEndian(padded));
    }

    /// <summary>Setup only: a public constant as BigInteger.</summary>
    private static BigInteger ToBigIntegerPublic(in ScalarValue value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }
}
