using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// An element of GF(2^255 − 19) in radix 2^51: five 64-bit limbs, value = Σ Lᵢ·2^(51·i).
/// </summary>
/// <remarks>
/// <para>Every operation is constant time: no branch and no memory index depends on a limb value.</para>
/// <para>Limb bounds: multiplication, squaring, subtraction and negation return limbs below 2^52
/// ("weakly reduced"); addition does not carry and returns limbs below 2^54 for inputs below 2^53.
/// Multiplication and squaring accept limbs below 2^54 (no 128-bit accumulator and no carry times 19
/// can overflow), subtraction and negation accept subtrahends below 2^55. The representation is therefore not unique; use
/// <see cref="Encode"/>, <see cref="IsZero"/>, <see cref="IsNegative"/> or <see cref="ConstantTimeEquals"/>
/// for anything that depends on the value itself.</para>
/// <para>Internal fast API for protocol code (e.g. Bulletproofs): the operators take <c>in</c> arguments
/// and return new values without heap allocation.</para>
/// </remarks>
[SkipLocalsInit]
internal struct FieldElement
{
    private const ulong Mask51 = (1UL << 51) - 1;

    internal ulong L0;
    internal ulong L1;
    internal ulong L2;
    internal ulong L3;
    internal ulong L4;

    internal FieldElement(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
    }

    /// <summary>0.</summary>
    internal static FieldElement Zero => default;

    /// <summary>1.</summary>
    internal static FieldElement One => new(1, 0, 0, 0, 0);

    /// <summary>The twisted Edwards constant d = −121665/121666.</summary>
    internal static readonly FieldElement D = new(0x34dca135978a3, 0x1a8283b156ebd, 0x5e7a26001c029, 0x739c663a03cbb, 0x52036cee2b6ff);

    /// <summary>2·d, used by the cached (Niels) point forms.</summary>
    internal static readonly FieldElement D2 = new(0x69b9426b2f159, 0x35050762add7a, 0x3cf44c0038052, 0x6738cc7407977, 0x2406d9dc56dff);

    /// <summary>SQRT_M1 of RFC 9496: the non-negative square root of −1.</summary>
    internal static readonly FieldElement SqrtM1 = new(0x61b274a0ea0b0, 0xd5a5fc8f189d, 0x7ef5e9cbd0c60, 0x78595a6804c9e, 0x2b8324804fc1d);

    /// <summary>SQRT_AD_MINUS_ONE of RFC 9496: sqrt(a·d − 1) with a = −1.</summary>
    internal static readonly FieldElement SqrtAdMinusOne = new(0x7f6a0497b2e1b, 0x1836f0a97afd2, 0x7d747f6be7638, 0x456079e7e6498, 0x376931bf2b834);

    /// <summary>INVSQRT_A_MINUS_D of RFC 9496: 1/sqrt(a − d).</summary>
    internal static readonly FieldElement InvSqrtAMinusD = new(0xfdaa805d40ea, 0x2eb482e57d339, 0x7610274bc58, 0x6510b613dc8ff, 0x786c8905cfaff);

    /// <summary>ONE_MINUS_D_SQ of RFC 9496: 1 − d².</summary>
    internal static readonly FieldElement OneMinusDSquared = new(0x409c1945fc176, 0x719abc6a1fc4f, 0x1c37f90b20684, 0x6bccca55eedf, 0x29072a8b2b3e);

    /// <summary>D_MINUS_ONE_SQ of RFC 9496: (d − 1)².</summary>
    internal static readonly FieldElement DMinusOneSquared = new(0x55aaa44ed4d20, 0x59603c3332635, 0x26d3baf4a7928, 0x120a66e6997a9, 0x5968b37af66c2);

    /// <summary>
    /// Decodes 32 little-endian bytes, ignoring the top bit (bit 255), without reducing mod p: values
    /// p..2^255−1 are accepted here, so callers needing canonical input must re-encode and compare.
    /// </summary>
    internal static FieldElement FromBytes(ReadOnlySpan<byte> bytes)
    {
        ulong w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        ulong w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        ulong w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        ulong w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
        return new FieldElement(
            w0 & Mask51,
            ((w0 >> 51) | (w1 << 13)) & Mask51,
            ((w1 >> 38) | (w2 << 26)) & Mask51,
            ((w2 >> 25) | (w3 << 39)) & Mask51,
            (w3 >> 12) & Mask51);
    }

    /// <summary>Writes the canonical (fully reduced, &lt; p) 32-byte little-endian encoding.</summary>
    internal readonly void Encode(Span<byte> destination)
    {
        var c = Canonical();
        BinaryPrimitives.WriteUInt64LittleEndian(destination, c.L0 | (c.L1 << 51));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], (c.L1 >> 13) | (c.L2 << 38));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], (c.L2 >> 26) | (c.L3 << 25));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], (c.L3 >> 39) | (c.L4 << 12));
    }

    /// <summary>The unique representative below p, with limbs below 2^51.</summary>
    internal readonly FieldElement Canonical()
    {
        var r = Carry(L0, L1, L2, L3, L4);
        // q = 1 exactly when r ≥ p, i.e. when r + 19 carries out of bit 255.
        ulong q = (r.L0 + 19) >> 51;
        q = (r.L1 + q) >> 51;
        q = (r.L2 + q) >> 51;
        q = (r.L3 + q) >> 51;
        q = (r.L4 + q) >> 51;
        ulong l0 = r.L0 + (19 * q);
        ulong l1 = r.L1 + (l0 >> 51);
        l0 &= Mask51;
        ulong l2 = r.L2 + (l1 >> 51);
        l1 &= Mask51;
        ulong l3 = r.L3 + (l2 >> 51);
        l2 &= Mask51;
        ulong l4 = r.L4 + (l3 >> 51);
        l3 &= Mask51;
        l4 &= Mask51;
        return new FieldElement(l0, l1, l2, l3, l4);
    }

    /// <summary>1 when the value is zero, else 0 (constant time).</summary>
    internal readonly ulong IsZero()
    {
        var c = Canonical();
        ulong x = c.L0 | c.L1 | c.L2 | c.L3 | c.L4;
        return ((x | (0 - x)) >> 63) ^ 1;
    }

    /// <summary>1 when the canonical value is odd ("negative" in RFC 9496 terms), else 0.</summary>
    internal readonly ulong IsNegative() => Canonical().L0 & 1;

    /// <summary>1 when both represent the same field element, else 0 (constant time).</summary>
    internal static ulong ConstantTimeEquals(in FieldElement a, in FieldElement b) => (a - b).IsZero();

    /// <summary>Returns <paramref name="b"/> when <paramref name="choice"/> is 1 and <paramref name="a"/> when it is 0, without branching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement Select(in FieldElement a, in FieldElement b, ulong choice)
    {
        ulong m = 0 - choice;
        return new FieldElement(
            a.L0 ^ (m & (a.L0 ^ b.L0)),
            a.L1 ^ (m & (a.L1 ^ b.L1)),
            a.L2 ^ (m & (a.L2 ^ b.L2)),
            a.L3 ^ (m & (a.L3 ^ b.L3)),
            a.L4 ^ (m & (a.L4 ^ b.L4)));
    }

    /// <summary>Sets this to <paramref name="b"/> when <paramref name="choice"/> is 1, leaves it when 0 (no branch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ConditionalAssign(in FieldElement b, ulong choice)
    {
        ulong m = 0 - choice;
        L0 ^= m & (L0 ^ b.L0);
        L1 ^= m & (L1 ^ b.L1);
        L2 ^= m & (L2 ^ b.L2);
        L3 ^= m & (L3 ^ b.L3);
        L4 ^= m & (L4 ^ b.L4);
    }

    /// <summary>Swaps <paramref name="a"/> and <paramref name="b"/> when <paramref name="choice"/> is 1 (no branch).</summary>
    internal static void ConditionalSwap(ref FieldElement a, ref FieldElement b, ulong choice)
    {
        ulong m = 0 - choice;
        ulong t = m & (a.L0 ^ b.L0);
        a.L0 ^= t;
        b.L0 ^= t;
        t = m & (a.L1 ^ b.L1);
        a.L1 ^= t;
        b.L1 ^= t;
        t = m & (a.L2 ^ b.L2);
        a.L2 ^= t;
        b.L2 ^= t;
        t = m & (a.L3 ^ b.L3);
        a.L3 ^= t;
        b.L3 ^= t;
        t = m & (a.L4 ^ b.L4);
        a.L4 ^= t;
        b.L4 ^= t;
    }

    /// <summary>−a when <paramref name="choice"/> is 1, a when 0 (no branch).</summary>
    internal static FieldElement ConditionalNegate(in FieldElement a, ulong choice) => Select(a, -a, choice);

    /// <summary>CT_ABS of RFC 9496: the non-negative one of ±a.</summary>
    internal static FieldElement Abs(in FieldElement a) => ConditionalNegate(a, a.IsNegative());

    /// <summary>Weak reduction: folds every limb's excess above 2^51 into the next limb (and ×19 into limb 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Carry(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        ulong c0 = l0 >> 51;
        ulong c1 = l1 >> 51;
        ulong c2 = l2 >> 51;
        ulong c3 = l3 >> 51;
        ulong c4 = l4 >> 51;
        return new FieldElement(
            (l0 & Mask51) + (c4 * 19),
            (l1 & Mask51) + c0,
            (l2 & Mask51) + c1,
            (l3 & Mask51) + c2,
            (l4 & Mask51) + c3);
    }

    /// <summary>
    /// a + b without carrying: for limbs below 2^53 the result's limbs stay below 2^54, which
    /// multiplication, squaring, subtraction and negation accept. Never add the result of an addition
    /// to another such result; subtract or multiply first (every caller in this folder keeps to that).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement operator +(in FieldElement a, in FieldElement b) =>
        new(a.L0 + b.L0, a.L1 + b.L1, a.L2 + b.L2, a.L3 + b.L3, a.L4 + b.L4);

    /// <summary>a − b, computed as (a + 16p) − b so no limb underflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement operator -(in FieldElement a, in FieldElement b) =>
        Carry(
            (a.L0 + 0x7FFFFFFFFFFED0UL) - b.L0,
            (a.L1 + 0x7FFFFFFFFFFFF0UL) - b.L1,
            (a.L2 + 0x7FFFFFFFFFFFF0UL) - b.L2,
            (a.L3 + 0x7FFFFFFFFFFFF0UL) - b.L3,
            (a.L4 + 0x7FFFFFFFFFFFF0UL) - b.L4);

    /// <summary>−a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement operator -(in FieldElement a) =>
        Carry(
            0x7FFFFFFFFFFED0UL - a.L0,
            0x7FFFFFFFFFFFF0UL - a.L1,
            0x7FFFFFFFFFFFF0UL - a.L2,
            0x7FFFFFFFFFFFF0UL - a.L3,
            0x7FFFFFFFFFFFF0UL - a.L4);

    /// <summary>The high 64 bits of a·b (mulx where available: no flags, no memory operand).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong a, ulong b) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    /// <summary>
    /// Combines column sums into a weakly reduced element. Every 128-bit product is split at bit 51
    /// rather than 64: column i is loᵢ + hiᵢ·2^51 with loᵢ a sum of 51-bit parts and hiᵢ a sum of the
    /// parts above. For limbs below 2^54 every hiᵢ stays below 2^63.6 and 19·hi₄ below 2^63.6, so plain
    /// 64-bit additions never overflow and no carry flags are needed (the JIT handles those poorly).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement FoldColumns(ulong lo0, ulong hi0, ulong lo1, ulong hi1, ulong lo2, ulong hi2, ulong lo3, ulong hi3, ulong lo4, ulong hi4)
    {
        ulong c0 = lo0 + (hi4 * 19);
        ulong c1 = lo1 + hi0;
        ulong c2 = lo2 + hi1;
        ulong c3 = lo3 + hi2;
        ulong c4 = lo4 + hi3;
        return new FieldElement(
            (c0 & Mask51) + ((c4 >> 51) * 19),
            (c1 & Mask51) + (c0 >> 51),
            (c2 & Mask51) + (c1 >> 51),
            (c3 & Mask51) + (c2 >> 51),
            (c4 & Mask51) + (c3 >> 51));
    }

    /// <summary>a · b, for input limbs below 2^54.</summary>
    public static FieldElement operator *(in FieldElement a, in FieldElement b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3, b4 = b.L4;
        ulong b1x19 = b1 * 19, b2x19 = b2 * 19, b3x19 = b3 * 19, b4x19 = b4 * 19;
        ulong p, h;
        p = a0 * b0;
        h = MultiplyHigh(a0, b0);
        ulong lo0 = p & Mask51;
        ulong hi0 = (h << 13) | (p >> 51);
        p = a4 * b1x19;
        h = MultiplyHigh(a4, b1x19);
        lo0 += p & Mask51;
        hi0 += (h << 13) | (p >> 51);
        p = a3 * b2x19;
        h = MultiplyHigh(a3, b2x19);
        lo0 += p & Mask51;
        hi0 += (h << 13) | (p >> 51);
        p = a2 * b3x19;
        h = MultiplyHigh(a2, b3x19);
        lo0 += p & Mask51;
        hi0 += (h << 13) | (p >> 51);
        p = a1 * b4x19;
        h = MultiplyHigh(a1, b4x19);
        lo0 += p & Mask51;
        hi0 += (h << 13) | (p >> 51);

        p = a1 * b0;
        h = MultiplyHigh(a1, b0);
        ulong lo1 = p & Mask51;
        ulong hi1 = (h << 13) | (p >> 51);
        p = a0 * b1;
        h = MultiplyHigh(a0, b1);
        lo1 += p & Mask51;
        hi1 += (h << 13) | (p >> 51);
        p = a4 * b2x19;
        h = MultiplyHigh(a4, b2x19);
        lo1 += p & Mask51;
        hi1 += (h << 13) | (p >> 51);
        p = a3 * b3x19;
        h = MultiplyHigh(a3, b3x19);
        lo1 += p & Mask51;
        hi1 += (h << 13) | (p >> 51);
        p = a2 * b4x19;
        h = MultiplyHigh(a2, b4x19);
        lo1 += p & Mask51;
        hi1 += (h << 13) | (p >> 51);

        p = a2 * b0;
        h = MultiplyHigh(a2, b0);
        ulong lo2 = p & Mask51;
        ulong hi2 = (h << 13) | (p >> 51);
        p = a1 * b1;
        h = MultiplyHigh(a1, b1);
        lo2 += p & Mask51;
        hi2 += (h << 13) | (p >> 51);
        p = a0 * b2;
        h = MultiplyHigh(a0, b2);
        lo2 += p & Mask51;
        hi2 += (h << 13) | (p >> 51);
        p = a4 * b3x19;
        h = MultiplyHigh(a4, b3x19);
        lo2 += p & Mask51;
        hi2 += (h << 13) | (p >> 51);
        p = a3 * b4x19;
        h = MultiplyHigh(a3, b4x19);
        lo2 += p & Mask51;
        hi2 += (h << 13) | (p >> 51);

        p = a3 * b0;
        h = MultiplyHigh(a3, b0);
        ulong lo3 = p & Mask51;
        ulong hi3 = (h << 13) | (p >> 51);
        p = a2 * b1;
        h = MultiplyHigh(a2, b1);
        lo3 += p & Mask51;
        hi3 += (h << 13) | (p >> 51);
        p = a1 * b2;
        h = MultiplyHigh(a1, b2);
        lo3 += p & Mask51;
        hi3 += (h << 13) | (p >> 51);
        p = a0 * b3;
        h = MultiplyHigh(a0, b3);
        lo3 += p & Mask51;
        hi3 += (h << 13) | (p >> 51);
        p = a4 * b4x19;
        h = MultiplyHigh(a4, b4x19);
        lo3 += p & Mask51;
        hi3 += (h << 13) | (p >> 51);

        p = a4 * b0;
        h = MultiplyHigh(a4, b0);
        ulong lo4 = p & Mask51;
        ulong hi4 = (h << 13) | (p >> 51);
        p = a3 * b1;
        h = MultiplyHigh(a3, b1);
        lo4 += p & Mask51;
        hi4 += (h << 13) | (p >> 51);
        p = a2 * b2;
        h = MultiplyHigh(a2, b2);
        lo4 += p & Mask51;
        hi4 += (h << 13) | (p >> 51);
        p = a1 * b3;
        h = MultiplyHigh(a1, b3);
        lo4 += p & Mask51;
        hi4 += (h << 13) | (p >> 51);
        p = a0 * b4;
        h = MultiplyHigh(a0, b4);
        lo4 += p & Mask51;
        hi4 += (h << 13) | (p >> 51);

        return FoldColumns(lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3, lo4, hi4);
    }

    /// <summary>this², for limbs below 2^54.</summary>
    internal readonly FieldElement Square()
    {
        ulong a0 = L0, a1 = L1, a2 = L2, a3 = L3, a4 = L4;
        ulong a0x2 = a0 * 2, a1x2 = a1 * 2, a2x2 = a2 * 2, a3x2 = a3 * 2;
        ulong a3x19 = a3 * 19, a4x19 = a4 * 19;
        ulong p, h;
        p = a0 * a0;
        h = MultiplyHigh(a0, a0);
        ulong lo0 = p & Mask51;
        ulong hi0 = (h << 13) | (p >> 51);
        p = a1x2 * a4x19;
        h = MultiplyHigh(a1x2, a4x19);
        lo0 += p & Mask51;
        hi0 += (h << 13) | (p >> 51);
        p = a2x2 * a3x19;
        h = MultiplyHigh(a2x2, a3x19);
        lo0 += p & Mask51;
        hi0 += (h << 13) | (p >> 51);

        p = a0x2 * a1;
        h = MultiplyHigh(a0x2, a1);
        ulong lo1 = p & Mask51;
        ulong hi1 = (h << 13) | (p >> 51);
        p = a2x2 * a4x19;
        h = MultiplyHigh(a2x2, a4x19);
        lo1 += p & Mask51;
        hi1 += (h << 13) | (p >> 51);
        p = a3 * a3x19;
        h = MultiplyHigh(a3, a3x19);
        lo1 += p & Mask51;
        hi1 += (h << 13) | (p >> 51);

        p = a0x2 * a2;
        h = MultiplyHigh(a0x2, a2);
        ulong lo2 = p & Mask51;
        ulong hi2 = (h << 13) | (p >> 51);
        p = a1 * a1;
        h = MultiplyHigh(a1, a1);
        lo2 += p & Mask51;
        hi2 += (h << 13) | (p >> 51);
        p = a3x2 * a4x19;
        h = MultiplyHigh(a3x2, a4x19);
        lo2 += p & Mask51;
        hi2 += (h << 13) | (p >> 51);

        p = a0x2 * a3;
        h = MultiplyHigh(a0x2, a3);
        ulong lo3 = p & Mask51;
        ulong hi3 = (h << 13) | (p >> 51);
        p = a1x2 * a2;
        h = MultiplyHigh(a1x2, a2);
        lo3 += p & Mask51;
        hi3 += (h << 13) | (p >> 51);
        p = a4 * a4x19;
        h = MultiplyHigh(a4, a4x19);
        lo3 += p & Mask51;
        hi3 += (h << 13) | (p >> 51);

        p = a0x2 * a4;
        h = MultiplyHigh(a0x2, a4);
        ulong lo4 = p & Mask51;
        ulong hi4 = (h << 13) | (p >> 51);
        p = a1x2 * a3;
        h = MultiplyHigh(a1x2, a3);
        lo4 += p & Mask51;
        hi4 += (h << 13) | (p >> 51);
        p = a2 * a2;
        h = MultiplyHigh(a2, a2);
        lo4 += p & Mask51;
        hi4 += (h << 13) | (p >> 51);

        return FoldColumns(lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3, lo4, hi4);
    }

    /// <summary>2·this².</summary>
    internal readonly FieldElement SquareDouble()
    {
        var s = Square();
        return s + s;
    }

    /// <summary>this^(2^k) for k ≥ 1.</summary>
    internal readonly FieldElement Pow2K(int k)
    {
        var r = Square();
        for (int i = 1; i < k; i++)
        {
            r = r.Square();
        }

        return r;
    }

    /// <summary>Returns this^(2^250 − 1) and this^11, the shared prefix of inversion and square roots.</summary>
    private readonly FieldElement Pow22501(out FieldElement pow11)
    {
        var t0 = Square();                 // 2
        var t1 = t0.Pow2K(2);              // 8
        t1 = this * t1;                    // 9
        t0 = t0 * t1;                      // 11
        pow11 = t0;
        var t2 = t0.Square();              // 22
        t1 = t1 * t2;                      // 31 = 2^5 − 1
        t2 = t1.Pow2K(5) * t1;             // 2^10 − 1
        var t3 = t2.Pow2K(10) * t2;        // 2^20 − 1
        var t4 = t3.Pow2K(20) * t3;        // 2^40 − 1
        t2 = t4.Pow2K(10) * t2;            // 2^50 − 1
        t3 = t2.Pow2K(50) * t2;            // 2^100 − 1
        t4 = t3.Pow2K(100) * t3;           // 2^200 − 1
        return t4.Pow2K(50) * t2;          // 2^250 − 1
    }

    /// <summary>this^(p − 2) = 1/this (0 maps to 0). Constant time.</summary>
    internal readonly FieldElement Invert()
    {
        var t = Pow22501(out var pow11);
        return t.Pow2K(5) * pow11;         // 2^255 − 21 = p − 2
    }

    /// <summary>this^((p − 5)/8) = this^(2^252 − 3).</summary>
    private readonly FieldElement PowP58()
    {
        var t = Pow22501(out _);
        return t.Pow2K(2) * this;
    }

    /// <summary>
    /// SQRT_RATIO_M1 of RFC 9496 §4.2: returns 1 and the non-negative sqrt(u/v) when u/v is square,
    /// else 0 and the non-negative sqrt(SQRT_M1·u/v). (0, 0) gives (1, 0); (u ≠ 0, 0) gives (0, 0).
    /// </summary>
    internal static ulong SqrtRatioM1(in FieldElement u, in FieldElement v, out FieldElement r)
    {
        var v3 = v.Square() * v;
        var v7 = v3.Square() * v;
        var uv3 = u * v3;
        var uv7 = u * v7;
        var root = uv3 * uv7.PowP58();
        var check = v * root.Square();
        var minusU = -u;
        ulong correctSign = ConstantTimeEquals(check, u);
        ulong flippedSign = ConstantTimeEquals(check, minusU);
        ulong flippedSignI = ConstantTimeEquals(check, minusU * SqrtM1);
        var rootPrime = SqrtM1 * root;
        root = Select(root, rootPrime, flippedSign | flippedSignI);
        r = Abs(root);
        return correctSign | flippedSign;
    }
}
