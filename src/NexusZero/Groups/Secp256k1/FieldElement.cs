using System.Runtime.CompilerServices;
using static NexusZero.Groups.Secp256k1.WordArithmetic;

namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// An element of GF(p), p = 2^256 − 2^32 − 977, as four 64-bit little-endian limbs, always fully
/// reduced (0 ≤ value &lt; p). Every operation except <see cref="SqrtVarTime"/> runs in constant time:
/// reduction uses 2^256 ≡ 2^32 + 977 (mod p) and masks instead of branches.
/// </summary>
internal partial struct FieldElement
{
    /// <summary>2^256 − p = 2^32 + 977.</summary>
    private const ulong Fold = 0x1000003D1UL;

    public ulong L0, L1, L2, L3;

    public FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0);

    /// <summary>The field prime p as limbs.</summary>
    public static FieldElement Prime => new(0xFFFFFFFEFFFFFC2FUL, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    /// <summary>A small constant.</summary>
    public static FieldElement FromUInt64(ulong value) => new(value, 0, 0, 0);

    /// <summary>Decodes 32 big-endian bytes; false (and zero) when the value is not below p.</summary>
    public static bool TryFromBigEndian(ReadOnlySpan<byte> bytes, out FieldElement result)
    {
        var l3 = ReadBigEndian(bytes);
        var l2 = ReadBigEndian(bytes[8..]);
        var l1 = ReadBigEndian(bytes[16..]);
        var l0 = ReadBigEndian(bytes[24..]);

        // value < p  ⇔  value + (2^256 − p) does not carry out of 256 bits.
        ulong carry = 0;
        AddWithCarry(l0, Fold, ref carry);
        AddWithCarry(l1, 0, ref carry);
        AddWithCarry(l2, 0, ref carry);
        AddWithCarry(l3, 0, ref carry);
        if (carry != 0)
        {
            result = default;
            return false;
        }

        result = new FieldElement(l0, l1, l2, l3);
        return true;
    }

    /// <summary>Reduces a 512-bit big-endian integer modulo p (used for hash-to-curve).</summary>
    public static FieldElement FromWideBigEndian(ReadOnlySpan<byte> wide)
    {
        Span<ulong> limbs = stackalloc ulong[8];
        for (var i = 0; i < 8; i++)
        {
            limbs[i] = ReadBigEndian(wide[((7 - i) * 8)..]);
        }

        return Reduce512(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], limbs[5], limbs[6], limbs[7]);
    }

    /// <summary>Writes the canonical 32-byte big-endian encoding.</summary>
    public readonly void WriteBigEndian(Span<byte> destination)
    {
        WordArithmetic.WriteBigEndian(destination, L3);
        WordArithmetic.WriteBigEndian(destination[8..], L2);
        WordArithmetic.WriteBigEndian(destination[16..], L1);
        WordArithmetic.WriteBigEndian(destination[24..], L0);
    }

    /// <summary>1 when zero, else 0 (constant time).</summary>
    public readonly ulong IsZeroBit() => WordArithmetic.IsZeroBit(L0 | L1 | L2 | L3);

    /// <summary>The low bit of the canonical value (its parity).</summary>
    public readonly ulong IsOddBit() => L0 & 1;

    /// <summary>1 when equal, else 0 (constant time; both operands are fully reduced).</summary>
    public readonly ulong EqualsBit(in FieldElement other) =>
        WordArithmetic.IsZeroBit((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3));

    /// <summary>Replaces this with <paramref name="other"/> when <paramref name="mask"/> is all ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ConditionalAssign(in FieldElement other, ulong mask)
    {
        L0 ^= (L0 ^ other.L0) & mask;
        L1 ^= (L1 ^ other.L1) & mask;
        L2 ^= (L2 ^ other.L2) & mask;
        L3 ^= (L3 ^ other.L3) & mask;
    }

    /// <summary>a + b, fully reduced.</summary>
    /// <remarks>
    /// Carry lookahead instead of a ripple: every limb's own carry gᵢ and whether its sum is all ones (so
    /// that it passes an incoming carry on) come from the operands in parallel, and the chain that remains
    /// is one AND and one OR per limb rather than the four operations of a full carry computation. The
    /// same holds for the conditional subtraction of p: adding Fold carries past limb i only through
    /// all-ones limbs. Bits come from top-bit formulas, no comparison, so nothing can become a branch.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement Add(in FieldElement a, in FieldElement b)
    {
        var s0 = a.L0 + b.L0;
        var s1 = a.L1 + b.L1;
        var s2 = a.L2 + b.L2;
        var s3 = a.L3 + b.L3;
        var c0 = CarryOut(a.L0, b.L0, s0);
        var c1 = CarryOut(a.L1, b.L1, s1) | (AllOnesBit(s1) & c0);
        var c2 = CarryOut(a.L2, b.L2, s2) | (AllOnesBit(s2) & c1);
        var c3 = CarryOut(a.L3, b.L3, s3) | (AllOnesBit(s3) & c2);
        s1 += c0;
        s2 += c1;
        s3 += c2;

        // a + b = s + c₃·2^256 < 2p is at least p when c₃ = 1 or when s + Fold reaches 2^256; either way the
        // result is s + Fold mod 2^256 (Fold's top bit is clear, so limb 0 carries when s₀'s top bit falls).
        var t0 = s0 + Fold;
        var k0 = (s0 & ~t0) >> 63;
        var k1 = k0 & AllOnesBit(s1);
        var k2 = k1 & AllOnesBit(s2);
        var k3 = k2 & AllOnesBit(s3);
        var mask = MaskFromBit(c3 | k3);
        return new FieldElement(s0 ^ ((s0 ^ t0) & mask), s1 + (k0 & mask), s2 + (k1 & mask), s3 + (k2 & mask));
    }

    /// <summary>a − b, fully reduced; borrow lookahead as in <see cref="Add"/> (a limb passes a borrow on when it is zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement Subtract(in FieldElement a, in FieldElement b)
    {
        var d0 = a.L0 - b.L0;
        var d1 = a.L1 - b.L1;
        var d2 = a.L2 - b.L2;
        var d3 = a.L3 - b.L3;
        var c0 = BorrowOut(a.L0, b.L0, d0);
        var c1 = BorrowOut(a.L1, b.L1, d1) | (ZeroBit(d1) & c0);
        var c2 = BorrowOut(a.L2, b.L2, d2) | (ZeroBit(d2) & c1);
        var c3 = BorrowOut(a.L3, b.L3, d3) | (ZeroBit(d3) & c2);
        d1 -= c0;
        d2 -= c1;
        d3 -= c2;

        // On borrow the 256-bit difference is a − b + 2^256; adding p is subtracting Fold, never borrowing
        // out of limb 3 (the difference is then at least 2^256 − p + 1). Limb 0 borrows when its top bit rises.
        var e0 = d0 - (Fold & MaskFromBit(c3));
        var k0 = (~d0 & e0) >> 63;
        var k1 = k0 & ZeroBit(d1);
        var k2 = k1 & ZeroBit(d2);
        return new FieldElement(e0, d1 - k0, d2 - k1, d3 - k2);
    }

    /// <summary>−a, fully reduced: p − a = ~a − (Fold − 1) for a ≠ 0, and 0 for a = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement Negate(in FieldElement a)
    {
        // ~a₀ − (Fold − 1) borrows when its top bit rises above ~a₀'s (the constant's top bit is clear); the
        // borrow runs on through limbs where ~aᵢ is zero, i.e. aᵢ is all ones.
        var r0 = ~a.L0 - (Fold - 1);
        var k0 = (a.L0 & r0) >> 63;
        var k1 = k0 & AllOnesBit(a.L1);
        var k2 = k1 & AllOnesBit(a.L2);
        var nonZero = MaskFromBit(WordArithmetic.IsZeroBit(a.L0 | a.L1 | a.L2 | a.L3) ^ 1);
        return new FieldElement(r0 & nonZero, (~a.L1 - k0) & nonZero, (~a.L2 - k1) & nonZero, (~a.L3 - k2) & nonZero);
    }

    /// <summary>The carry out of x + y (0 or 1), from the top bits of x, y and their 64-bit sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CarryOut(ulong x, ulong y, ulong sum) => ((x & y) | ((x | y) & ~sum)) >> 63;

    /// <summary>The borrow out of x − y (0 or 1), from the top bits of x, y and their 64-bit difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BorrowOut(ulong x, ulong y, ulong difference) => ((~x & y) | ((~x | y) & difference)) >> 63;

    /// <summary>1 when x is all ones (x + 1 carries out: x's top bit set, the sum's clear), else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AllOnesBit(ulong x) => (x & ~(x + 1)) >> 63;

    /// <summary>1 when x is zero (x − 1 borrows out: x's top bit clear, the difference's set), else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ZeroBit(ulong x) => (~x & (x - 1)) >> 63;

    /// <summary>a · k for a small constant k &lt; 2^32.</summary>
    public static FieldElement MultiplySmall(in FieldElement a, ulong k)
    {
        ulong carry = 0;
        var h0 = Math.BigMul(a.L0, k, out var r0);
        var h1 = Math.BigMul(a.L1, k, out var r1);
        var h2 = Math.BigMul(a.L2, k, out var r2);
        var h3 = Math.BigMul(a.L3, k, out var r3);
        r1 = AddWithCarry(r1, h0, ref carry);
        r2 = AddWithCarry(r2, h1, ref carry);
        r3 = AddWithCarry(r3, h2, ref carry);
        return Reduce320(r0, r1, r2, r3, h3 + carry);
    }

    /// <summary>a^(2^k): k successive squarings.</summary>
    public static FieldElement SquareTimes(in FieldElement a, int k)
    {
        var r = a;
        for (var i = 0; i < k; i++)
        {
            r = Square(r);
        }

        return r;
    }

    /// <summary>Reduces lo + hi·2^256 modulo p, using 2^256 ≡ Fold.</summary>
    private static FieldElement Reduce512(ulong l0, ulong l1, ulong l2, ulong l3, ulong h0, ulong h1, ulong h2, ulong h3)
    {
        // hi · Fold is at most 290 bits; add it to lo.
        var g0 = Math.BigMul(h0, Fold, out var m0);
        var g1 = Math.BigMul(h1, Fold, out var m1);
        var g2 = Math.BigMul(h2, Fold, out var m2);
        var g3 = Math.BigMul(h3, Fold, out var m3);

        ulong carry = 0;
        m1 = AddWithCarry(m1, g0, ref carry);
        m2 = AddWithCarry(m2, g1, ref carry);
        m3 = AddWithCarry(m3, g2, ref carry);
        var m4 = g3 + carry;

        carry = 0;
        var s0 = AddWithCarry(l0, m0, ref carry);
        var s1 = AddWithCarry(l1, m1, ref carry);
        var s2 = AddWithCarry(l2, m2, ref carry);
        var s3 = AddWithCarry(l3, m3, ref carry);
        return Reduce320(s0, s1, s2, s3, m4 + carry);
    }

    /// <summary>Reduces a value below 2^320 (top limb &lt; 2^35 in practice) modulo p.</summary>
    internal static FieldElement Reduce320(ulong s0, ulong s1, ulong s2, ulong s3, ulong s4)
    {
        var high = Math.BigMul(s4, Fold, out var low);
        ulong carry = 0;
        s0 = AddWithCarry(s0, low, ref carry);
        s1 = AddWithCarry(s1, high, ref carry);
        s2 = AddWithCarry(s2, 0, ref carry);
        s3 = AddWithCarry(s3, 0, ref carry);

        // A carry out means the value wrapped past 2^256: add Fold once more. The wrapped value is small
        // (below s4·Fold), so this cannot carry again.
        var fold = Fold & MaskFromBit(carry);
        ulong carry2 = 0;
        s0 = AddWithCarry(s0, fold, ref carry2);
        s1 = AddWithCarry(s1, 0, ref carry2);
        s2 = AddWithCarry(s2, 0, ref carry2);
        s3 = AddWithCarry(s3, 0, ref carry2);

        // Now value < 2^256 < 2p: subtract p once when value ≥ p, i.e. when value + Fold carries.
        ulong carry3 = 0;
        var u0 = AddWithCarry(s0, Fold, ref carry3);
        var u1 = AddWithCarry(s1, 0, ref carry3);
        var u2 = AddWithCarry(s2, 0, ref carry3);
        var u3 = AddWithCarry(s3, 0, ref carry3);
        var mask = MaskFromBit(carry3);
        return new FieldElement(s0 ^ ((s0 ^ u0) & mask), s1 ^ ((s1 ^ u1) & mask), s2 ^ ((s2 ^ u2) & mask), s3 ^ ((s3 ^ u3) & mask));
    }

    /// <summary>a^(p−2) = a⁻¹ (0 for 0), by a fixed addition chain: constant time.</summary>
    public static FieldElement Invert(in FieldElement a)
    {
        // p − 2 = [223 ones] 0 [22 ones] 0000 1 0 11 0 1 (binary, most significant first).
        var x223 = PowerOfOnes223(a, out var x22, out var x2);
        var t = Multiply(SquareTimes(x223, 23), x22);
        t = Multiply(SquareTimes(t, 5), a);
        t = Multiply(SquareTimes(t, 3), x2);
        return Multiply(SquareTimes(t, 2), a);
    }

    /// <summary>
    /// A square root of <paramref name="a"/> when one exists: a^((p+1)/4), valid because p ≡ 3 (mod 4).
    /// The chain is fixed, but callers branch on the result, so this is only for public values.
    /// </summary>
    public static bool SqrtVarTime(in FieldElement a, out FieldElement root)
    {
        // (p + 1)/4 = [223 ones] 0 [22 ones] 0000 11 00.
        var x223 = PowerOfOnes223(a, out var x22, out var x2);
        var t = Multiply(SquareTimes(x223, 23), x22);
        t = Multiply(SquareTimes(t, 6), x2);
        root = SquareTimes(t, 2);
        return Square(root).EqualsBit(a) == 1;
    }

    /// <summary>a^(2^223 − 1), also returning a^(2^22 − 1) and a^(2^2 − 1) for the tails.</summary>
    private static FieldElement PowerOfOnes223(in FieldElement a, out FieldElement x22, out FieldElement x2)
    {
        x2 = Multiply(Square(a), a);
        var x3 = Multiply(Square(x2), a);
        var x6 = Multiply(SquareTimes(x3, 3), x3);
        var x9 = Multiply(SquareTimes(x6, 3), x3);
        var x11 = Multiply(SquareTimes(x9, 2), x2);
        x22 = Multiply(SquareTimes(x11, 11), x11);
        var x44 = Multiply(SquareTimes(x22, 22), x22);
        var x88 = Multiply(SquareTimes(x44, 44), x44);
        var x176 = Multiply(SquareTimes(x88, 88), x88);
        var x220 = Multiply(SquareTimes(x176, 44), x44);
        return Multiply(SquareTimes(x220, 3), x3);
    }
}
