using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// An element of GF(2^255 − 19) in radix 2^51: five 64-bit limbs, value = Σ Lᵢ·2^(51·i).
/// </summary>
/// <remarks>
/// <para>Every operation is constant time: no branch and no memory index depends on a limb value.</para>
/// <para>Limb bounds: multiplication, squaring, subtraction and negation return limbs below 2^51 + 2^17,
/// so below 2^52 ("weakly reduced"); addition does not carry and returns limbs below 2^54 for inputs below 2^53.
/// Multiplication and squaring accept limbs below 2^54 (no column sum and no carry times 19 can
/// overflow), subtraction and negation accept subtrahends below 2^55. The representation is
/// therefore not unique; use
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
        return ConstantTime.IsZero(c.L0 | c.L1 | c.L2 | c.L3 | c.L4);
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

    /// <summary>
    /// a − b computed as (a + 4p) − b without carrying, only as an input to multiplication or squaring
    /// (or as the subtrahend of <see cref="op_Subtraction(in FieldElement, in FieldElement)"/>).
    /// </summary>
    /// <remarks>
    /// Needs a's limbs below 2^53 and b's below 2^53 − 76 (4p's smallest limb, so no limb underflows): a
    /// weakly reduced value (limbs below 2^51 + 2^17), or the sum of two, qualifies as b. The result's limbs
    /// are below 2^53 + 2^53 = 2^54, which multiplication and squaring accept. Saves the carry of
    /// <see cref="op_Subtraction(in FieldElement, in FieldElement)"/> where the result is only multiplied.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement SubtractWithoutCarry(in FieldElement a, in FieldElement b) =>
        new(
            (a.L0 + 0x1FFFFFFFFFFFB4UL) - b.L0,
            (a.L1 + 0x1FFFFFFFFFFFFCUL) - b.L1,
            (a.L2 + 0x1FFFFFFFFFFFFCUL) - b.L2,
            (a.L3 + 0x1FFFFFFFFFFFFCUL) - b.L3,
            (a.L4 + 0x1FFFFFFFFFFFFCUL) - b.L4);

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
    /// (Multiplication: each product is below 2^108, its high part below 2^57; a column holds at most
    /// five, four of them times 19, so hiᵢ &lt; 2^57·(1 + 4·19) &lt; 2^63.3.)
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
    /// <remarks>
    /// With AVX-512 (F and DQ) and BMI2 this is <see cref="MultiplyVector"/>, else <see cref="MultiplyScalar"/>;
    /// the test is a JIT-time constant, so no branch remains in the compiled code.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement operator *(in FieldElement a, in FieldElement b) =>
        VectorPathSupported ? MultiplyVector(a, b) : MultiplyScalar(a, b);

    /// <summary>Whether <see cref="MultiplyVector"/> can run on this machine.</summary>
    internal static bool VectorPathSupported => Avx512DQ.IsSupported && Bmi2.X64.IsSupported;

    /// <summary>a · b with 64-bit scalar instructions only, for input limbs below 2^54.</summary>
    /// <remarks>
    /// Products are grouped by whether they wrap past 2^255 (and so get a factor 19 once, on the group
    /// sum). The high part of aᵢ·bⱼ above bit 51 is the high word of (aᵢ·2^6)·(bⱼ·2^7), one mulx with
    /// no shifts per product; the low 51 bits come from the ordinary 64-bit product.
    /// </remarks>
    internal static FieldElement MultiplyScalar(in FieldElement a, in FieldElement b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3, b4 = b.L4;
        ulong s0 = a0 << 6, s1 = a1 << 6, s2 = a2 << 6, s3 = a3 << 6, s4 = a4 << 6;
        ulong t0 = b0 << 7, t1 = b1 << 7, t2 = b2 << 7, t3 = b3 << 7, t4 = b4 << 7;

        ulong directLo0 = (a0 * b0) & Mask51;
        ulong directHi0 = MultiplyHigh(s0, t0);
        ulong wrapLo0 = (a4 * b1) & Mask51;
        ulong wrapHi0 = MultiplyHigh(s4, t1);
        wrapLo0 += (a3 * b2) & Mask51;
        wrapHi0 += MultiplyHigh(s3, t2);
        wrapLo0 += (a2 * b3) & Mask51;
        wrapHi0 += MultiplyHigh(s2, t3);
        wrapLo0 += (a1 * b4) & Mask51;
        wrapHi0 += MultiplyHigh(s1, t4);

        ulong directLo1 = (a1 * b0) & Mask51;
        ulong directHi1 = MultiplyHigh(s1, t0);
        directLo1 += (a0 * b1) & Mask51;
        directHi1 += MultiplyHigh(s0, t1);
        ulong wrapLo1 = (a4 * b2) & Mask51;
        ulong wrapHi1 = MultiplyHigh(s4, t2);
        wrapLo1 += (a3 * b3) & Mask51;
        wrapHi1 += MultiplyHigh(s3, t3);
        wrapLo1 += (a2 * b4) & Mask51;
        wrapHi1 += MultiplyHigh(s2, t4);

        ulong directLo2 = (a2 * b0) & Mask51;
        ulong directHi2 = MultiplyHigh(s2, t0);
        directLo2 += (a1 * b1) & Mask51;
        directHi2 += MultiplyHigh(s1, t1);
        directLo2 += (a0 * b2) & Mask51;
        directHi2 += MultiplyHigh(s0, t2);
        ulong wrapLo2 = (a4 * b3) & Mask51;
        ulong wrapHi2 = MultiplyHigh(s4, t3);
        wrapLo2 += (a3 * b4) & Mask51;
        wrapHi2 += MultiplyHigh(s3, t4);

        ulong directLo3 = (a3 * b0) & Mask51;
        ulong directHi3 = MultiplyHigh(s3, t0);
        directLo3 += (a2 * b1) & Mask51;
        directHi3 += MultiplyHigh(s2, t1);
        directLo3 += (a1 * b2) & Mask51;
        directHi3 += MultiplyHigh(s1, t2);
        directLo3 += (a0 * b3) & Mask51;
        directHi3 += MultiplyHigh(s0, t3);
        ulong wrapLo3 = (a4 * b4) & Mask51;
        ulong wrapHi3 = MultiplyHigh(s4, t4);

        ulong directLo4 = (a4 * b0) & Mask51;
        ulong directHi4 = MultiplyHigh(s4, t0);
        directLo4 += (a3 * b1) & Mask51;
        directHi4 += MultiplyHigh(s3, t1);
        directLo4 += (a2 * b2) & Mask51;
        directHi4 += MultiplyHigh(s2, t2);
        directLo4 += (a1 * b3) & Mask51;
        directHi4 += MultiplyHigh(s1, t3);
        directLo4 += (a0 * b4) & Mask51;
        directHi4 += MultiplyHigh(s0, t4);

        return FoldColumns(
            directLo0 + (wrapLo0 * 19),
            directHi0 + (wrapHi0 * 19),
            directLo1 + (wrapLo1 * 19),
            directHi1 + (wrapHi1 * 19),
            directLo2 + (wrapLo2 * 19),
            directHi2 + (wrapHi2 * 19),
            directLo3 + (wrapLo3 * 19),
            directHi3 + (wrapHi3 * 19),
            directLo4,
            directHi4);
    }

    /// <summary>this², for limbs below 2^54.</summary>
    /// <remarks>
    /// The 15 distinct products aᵢ·aⱼ are summed in groups by their factor (1, 2, 19 or 38) and each
    /// group sum is scaled once; high parts as in multiplication. Column high sums stay below
    /// 2^57·77 &lt; 2^63.3 (column 0) and 19·hi₄ below 2^57·95 &lt; 2^63.6. Squaring keeps this scalar form on
    /// every machine: a squaring on the model of <see cref="MultiplyVector"/> (15 mulx) measured no faster,
    /// and slower in dependent chains (its vector part lengthens the latency).
    /// </remarks>
    internal readonly FieldElement Square()
    {
        ulong a0 = L0, a1 = L1, a2 = L2, a3 = L3, a4 = L4;
        ulong s0 = a0 << 6, s1 = a1 << 6, s2 = a2 << 6, s3 = a3 << 6, s4 = a4 << 6;
        ulong t0 = a0 << 7, t1 = a1 << 7, t2 = a2 << 7, t3 = a3 << 7, t4 = a4 << 7;

        ulong lox1c0 = (a0 * a0) & Mask51;
        ulong hix1c0 = MultiplyHigh(s0, t0);
        ulong lox38c0 = (a1 * a4) & Mask51;
        ulong hix38c0 = MultiplyHigh(s1, t4);
        lox38c0 += (a2 * a3) & Mask51;
        hix38c0 += MultiplyHigh(s2, t3);

        ulong lox2c1 = (a0 * a1) & Mask51;
        ulong hix2c1 = MultiplyHigh(s0, t1);
        ulong lox38c1 = (a2 * a4) & Mask51;
        ulong hix38c1 = MultiplyHigh(s2, t4);
        ulong lox19c1 = (a3 * a3) & Mask51;
        ulong hix19c1 = MultiplyHigh(s3, t3);

        ulong lox2c2 = (a0 * a2) & Mask51;
        ulong hix2c2 = MultiplyHigh(s0, t2);
        ulong lox1c2 = (a1 * a1) & Mask51;
        ulong hix1c2 = MultiplyHigh(s1, t1);
        ulong lox38c2 = (a3 * a4) & Mask51;
        ulong hix38c2 = MultiplyHigh(s3, t4);

        ulong lox2c3 = (a0 * a3) & Mask51;
        ulong hix2c3 = MultiplyHigh(s0, t3);
        lox2c3 += (a1 * a2) & Mask51;
        hix2c3 += MultiplyHigh(s1, t2);
        ulong lox19c3 = (a4 * a4) & Mask51;
        ulong hix19c3 = MultiplyHigh(s4, t4);

        ulong lox2c4 = (a0 * a4) & Mask51;
        ulong hix2c4 = MultiplyHigh(s0, t4);
        lox2c4 += (a1 * a3) & Mask51;
        hix2c4 += MultiplyHigh(s1, t3);
        ulong lox1c4 = (a2 * a2) & Mask51;
        ulong hix1c4 = MultiplyHigh(s2, t2);

        return FoldColumns(
            lox1c0 + (lox38c0 * 38),
            hix1c0 + (hix38c0 * 38),
            (lox2c1 * 2) + (lox38c1 * 38) + (lox19c1 * 19),
            (hix2c1 * 2) + (hix38c1 * 38) + (hix19c1 * 19),
            (lox2c2 * 2) + lox1c2 + (lox38c2 * 38),
            (hix2c2 * 2) + hix1c2 + (hix38c2 * 38),
            (lox2c3 * 2) + (lox19c3 * 19),
            (hix2c3 * 2) + (hix19c3 * 19),
            (lox2c4 * 2) + lox1c4,
            (hix2c4 * 2) + hix1c4);
    }

    /// <summary>
    /// The window W = (19·b₁, 19·b₂, 19·b₃, 19·b₄, b₀, b₁, b₂, b₃ | b₄): lanes 4 − i .. 8 − i hold, for
    /// column k = 0..4, the factor that multiplies aᵢ in column k of the reduced product (19·b₍ₖ₋ᵢ₊₅₎ when
    /// k &lt; i, since 2^255 ≡ 19).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Window(in FieldElement b, out Vector512<ulong> low, out Vector512<ulong> high)
    {
        var b0123 = Vector256.LoadUnsafe(in b.L0);
        var b1234 = Vector256.LoadUnsafe(in b.L1);
        low = (b1234 * 19).ToVector512Unsafe().WithUpper(b0123);
        high = Vector512.CreateScalar(b.L4);
    }

    /// <summary>
    /// Lane k (k = 0..4) = 2^9 · Σᵢ aᵢ·(column-k factor of W) mod 2^64: the low 64 bits of every reduced
    /// column sum, scaled by 2^9, from five 8-lane 64-bit multiplications (vpmullq).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> ColumnLows(in FieldElement a, Vector512<ulong> low, Vector512<ulong> high)
    {
        var r4 = Vector512.Create(a.L4) * low;
        var r3 = Vector512.Create(a.L3) * Avx512F.AlignRight64(high, low, 1);
        var r2 = Vector512.Create(a.L2) * Avx512F.AlignRight64(high, low, 2);
        var r1 = Vector512.Create(a.L1) * Avx512F.AlignRight64(high, low, 3);
        var r0 = Vector512.Create(a.L0) * Avx512F.AlignRight64(high, low, 4);
        return ((r4 + r3) + (r2 + r1) + r0) << 9;
    }

    /// <summary>
    /// Recovers each column's low part from its low 64 bits and its high part, then carries.
    /// </summary>
    /// <remarks>
    /// Column k is the exact sum Tₖ = Lₖ + 2^51·Hₖ, where Hₖ is the sum of the products' parts above bit 51
    /// (each taken from one mulx) and Lₖ the sum of their low 51-bit parts, at most five, so Lₖ &lt; 2^53.4.
    /// The vector lane holds 2^9·Tₖ mod 2^64 = 2^9·Lₖ + 2^60·Hₖ mod 2^64, and 2^9·Lₖ &lt; 2^63, so
    /// (lane − 2^60·Hₖ) mod 2^64 is exactly 2^9·Lₖ. Bounds of Hₖ as in <see cref="FoldColumns"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement FoldVectorColumns(Vector512<ulong> lows, ulong h0, ulong h1, ulong h2, ulong h3, ulong h4)
    {
        ref ulong lane = ref Unsafe.As<Vector512<ulong>, ulong>(ref lows);
        return FoldColumns(
            (lane - (h0 << 60)) >> 9,
            h0,
            (Unsafe.Add(ref lane, 1) - (h1 << 60)) >> 9,
            h1,
            (Unsafe.Add(ref lane, 2) - (h2 << 60)) >> 9,
            h2,
            (Unsafe.Add(ref lane, 3) - (h3 << 60)) >> 9,
            h3,
            (Unsafe.Add(ref lane, 4) - (h4 << 60)) >> 9,
            h4);
    }

    /// <summary>a · b with one mulx per product plus AVX-512, for input limbs below 2^54.</summary>
    /// <remarks>
    /// <para>The part of aᵢ·f above bit 51 (f = bⱼ or 19·bⱼ) is the high word of (aᵢ·2^9)·(f·2^4): one mulx,
    /// operands below 2^63 and 2^62.3. The JIT can only take mulx's low word through memory, so the low
    /// words come instead from the vector lanes of <see cref="ColumnLows"/> (see
    /// <see cref="FoldVectorColumns"/>). 25 scalar multiplications instead of 50 and no masking.</para>
    /// <para>High sums: a column holds at most one direct product below 2^108 and four times 19 such,
    /// so Hₖ &lt; 77·2^57 &lt; 2^63.3 and 19·H₄ &lt; 95·2^57 &lt; 2^63.6: no 64-bit sum overflows.</para>
    /// </remarks>
    internal static FieldElement MultiplyVector(in FieldElement a, in FieldElement b)
    {
        Window(b, out var low, out var high);
        var lows = ColumnLows(a, low, high);
        ulong s0 = a.L0 << 9, s1 = a.L1 << 9, s2 = a.L2 << 9, s3 = a.L3 << 9, s4 = a.L4 << 9;

        // Ordered by the second factor, which mulx takes in rdx: each is used right after it is made,
        // so the five sᵢ and five sums stay in registers.
        ulong f = b.L0 << 4;
        ulong h0 = Bmi2.X64.MultiplyNoFlags(f, s0);
        ulong h1 = Bmi2.X64.MultiplyNoFlags(f, s1);
        ulong h2 = Bmi2.X64.MultiplyNoFlags(f, s2);
        ulong h3 = Bmi2.X64.MultiplyNoFlags(f, s3);
        ulong h4 = Bmi2.X64.MultiplyNoFlags(f, s4);
        f = b.L1 << 4;
        h1 += Bmi2.X64.MultiplyNoFlags(f, s0);
        h2 += Bmi2.X64.MultiplyNoFlags(f, s1);
        h3 += Bmi2.X64.MultiplyNoFlags(f, s2);
        h4 += Bmi2.X64.MultiplyNoFlags(f, s3);
        h0 += Bmi2.X64.MultiplyNoFlags(f * 19, s4);
        f = b.L2 << 4;
        h2 += Bmi2.X64.MultiplyNoFlags(f, s0);
        h3 += Bmi2.X64.MultiplyNoFlags(f, s1);
        h4 += Bmi2.X64.MultiplyNoFlags(f, s2);
        f *= 19;
        h0 += Bmi2.X64.MultiplyNoFlags(f, s3);
        h1 += Bmi2.X64.MultiplyNoFlags(f, s4);
        f = b.L3 << 4;
        h3 += Bmi2.X64.MultiplyNoFlags(f, s0);
        h4 += Bmi2.X64.MultiplyNoFlags(f, s1);
        f *= 19;
        h0 += Bmi2.X64.MultiplyNoFlags(f, s2);
        h1 += Bmi2.X64.MultiplyNoFlags(f, s3);
        h2 += Bmi2.X64.MultiplyNoFlags(f, s4);
        f = b.L4 << 4;
        h4 += Bmi2.X64.MultiplyNoFlags(f, s0);
        f *= 19;
        h0 += Bmi2.X64.MultiplyNoFlags(f, s1);
        h1 += Bmi2.X64.MultiplyNoFlags(f, s2);
        h2 += Bmi2.X64.MultiplyNoFlags(f, s3);
        h3 += Bmi2.X64.MultiplyNoFlags(f, s4);
        return FoldVectorColumns(lows, h0, h1, h2, h3, h4);
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
