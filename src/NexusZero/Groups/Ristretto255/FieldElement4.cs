using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Four elements of GF(2^255 − 19) side by side, one per 64-bit lane of AVX2 vectors, for work that
/// runs the same field operations on several independent values (batch decoding, batch tables).
/// </summary>
/// <remarks>
/// <para>Radix 2^25.5: limb i holds 26 bits when i is even and 25 when odd, so each limb fits the
/// 32-bit inputs of <c>vpmuludq</c>, which multiplies four lanes at once where the scalar
/// <see cref="FieldElement"/> needs a 64×64-bit multiplier per product. A product of limbs i and j
/// lands at limb i + j, doubled when both are odd (25.5·i rounds up once for each), and limbs past
/// the ninth wrap around times 19 (2^255 ≡ 19).</para>
/// <para>Invariant: every result is weakly reduced (limb i below 2^(26 or 25) + 2^18). Inputs to
/// multiplication and <see cref="Square"/> may be lazy, with limb i below
/// <see cref="LazyBound"/>(i) = 3·2^(26 or 25) + 2^(19 or 18) (such as a sum of two results, or a
/// result plus 2p minus a result, without a carry pass): a doubled limb and 19 times a limb (the
/// squaring multiplies by precomputed 19·limb vectors) stay below 2^32 and still fit a multiplier
/// input, and a column of ten products, those wrapping past limb 9 times 19, stays
/// below 10·19·(3·2^26 + 2^19)² &lt; 2^63. Only callers that checked
/// <see cref="IsSupported"/> may use this type. Constant time: no branch or index depends on values.</para>
/// </remarks>
[SkipLocalsInit]
internal struct FieldElement4
{
    private const ulong Mask26 = (1UL << 26) - 1;
    private const ulong Mask25 = (1UL << 25) - 1;

    internal Vector256<ulong> L0;
    internal Vector256<ulong> L1;
    internal Vector256<ulong> L2;
    internal Vector256<ulong> L3;
    internal Vector256<ulong> L4;
    internal Vector256<ulong> L5;
    internal Vector256<ulong> L6;
    internal Vector256<ulong> L7;
    internal Vector256<ulong> L8;
    internal Vector256<ulong> L9;

    /// <summary>2p in limb 0 (a subtrahend below it can be subtracted from a limb plus it without going negative).</summary>
    internal static Vector256<ulong> TwoP0 => Vector256.Create(2 * (Mask26 - 18));

    /// <summary>2p in the even limbs 2, 4, 6 and 8.</summary>
    internal static Vector256<ulong> TwoPEven => Vector256.Create(2 * Mask26);

    /// <summary>2p in the odd limbs.</summary>
    internal static Vector256<ulong> TwoPOdd => Vector256.Create(2 * Mask25);

    /// <summary>True when the CPU has the AVX2 instructions this type is made of.</summary>
    internal static bool IsSupported => Avx2.IsSupported;

    /// <summary>Packs four field elements, one per lane.</summary>
    internal static FieldElement4 FromLanes(in FieldElement a, in FieldElement b, in FieldElement c, in FieldElement d)
    {
        // Each 51-bit limb splits into 26 low bits and the rest; the carry pass brings limbs that came
        // from weakly reduced scalar elements (up to 2^54) back under the invariant.
        return Carry(
            Vector256.Create(a.L0 & Mask26, b.L0 & Mask26, c.L0 & Mask26, d.L0 & Mask26),
            Vector256.Create(a.L0 >> 26, b.L0 >> 26, c.L0 >> 26, d.L0 >> 26),
            Vector256.Create(a.L1 & Mask26, b.L1 & Mask26, c.L1 & Mask26, d.L1 & Mask26),
            Vector256.Create(a.L1 >> 26, b.L1 >> 26, c.L1 >> 26, d.L1 >> 26),
            Vector256.Create(a.L2 & Mask26, b.L2 & Mask26, c.L2 & Mask26, d.L2 & Mask26),
            Vector256.Create(a.L2 >> 26, b.L2 >> 26, c.L2 >> 26, d.L2 >> 26),
            Vector256.Create(a.L3 & Mask26, b.L3 & Mask26, c.L3 & Mask26, d.L3 & Mask26),
            Vector256.Create(a.L3 >> 26, b.L3 >> 26, c.L3 >> 26, d.L3 >> 26),
            Vector256.Create(a.L4 & Mask26, b.L4 & Mask26, c.L4 & Mask26, d.L4 & Mask26),
            Vector256.Create(a.L4 >> 26, b.L4 >> 26, c.L4 >> 26, d.L4 >> 26));
    }

    /// <summary>All four lanes as scalar field elements (limbs below 2^52), through one store of the limbs.</summary>
    internal readonly void ToLanes(out FieldElement a, out FieldElement b, out FieldElement c, out FieldElement d)
    {
        Span<ulong> limbs = stackalloc ulong[40];
        L0.CopyTo(limbs);
        L1.CopyTo(limbs[4..]);
        L2.CopyTo(limbs[8..]);
        L3.CopyTo(limbs[12..]);
        L4.CopyTo(limbs[16..]);
        L5.CopyTo(limbs[20..]);
        L6.CopyTo(limbs[24..]);
        L7.CopyTo(limbs[28..]);
        L8.CopyTo(limbs[32..]);
        L9.CopyTo(limbs[36..]);
        a = Join(limbs, 0);
        b = Join(limbs, 1);
        c = Join(limbs, 2);
        d = Join(limbs, 3);
    }

    /// <summary>Exclusive bound on limb <paramref name="index"/> of a lazy multiplication or squaring input (see the remarks).</summary>
    internal static ulong LazyBound(int index) => (index & 1) == 0 ? (3UL << 26) + (1UL << 19) : (3UL << 25) + (1UL << 18);

    /// <summary>This element weakly reduced: one carry pass over limbs of any size below 2^63.</summary>
    internal readonly FieldElement4 Reduce() => Carry(L0, L1, L2, L3, L4, L5, L6, L7, L8, L9);

    /// <summary>The same element in every lane.</summary>
    internal static FieldElement4 Broadcast(in FieldElement a) => FromLanes(a, a, a, a);

    /// <summary>a + b, lane by lane.</summary>
    public static FieldElement4 operator +(in FieldElement4 a, in FieldElement4 b) => Carry(
        a.L0 + b.L0, a.L1 + b.L1, a.L2 + b.L2, a.L3 + b.L3, a.L4 + b.L4,
        a.L5 + b.L5, a.L6 + b.L6, a.L7 + b.L7, a.L8 + b.L8, a.L9 + b.L9);

    /// <summary>a − b, lane by lane: 2p is added first so no limb goes negative.</summary>
    public static FieldElement4 operator -(in FieldElement4 a, in FieldElement4 b)
    {
        var twoP0 = Vector256.Create(2 * (Mask26 - 18));
        var twoPEven = Vector256.Create(2 * Mask26);
        var twoPOdd = Vector256.Create(2 * Mask25);
        return Carry(
            a.L0 + twoP0 - b.L0, a.L1 + twoPOdd - b.L1, a.L2 + twoPEven - b.L2, a.L3 + twoPOdd - b.L3, a.L4 + twoPEven - b.L4,
            a.L5 + twoPOdd - b.L5, a.L6 + twoPEven - b.L6, a.L7 + twoPOdd - b.L7, a.L8 + twoPEven - b.L8, a.L9 + twoPOdd - b.L9);
    }

    /// <summary>a · b, lane by lane.</summary>
    public static FieldElement4 operator *(in FieldElement4 a, in FieldElement4 b)
    {
        var a0 = a.L0; var a1 = a.L1; var a2 = a.L2; var a3 = a.L3; var a4 = a.L4; var a5 = a.L5; var a6 = a.L6; var a7 = a.L7; var a8 = a.L8; var a9 = a.L9;
        var b0 = b.L0; var b1 = b.L1; var b2 = b.L2; var b3 = b.L3; var b4 = b.L4; var b5 = b.L5; var b6 = b.L6; var b7 = b.L7; var b8 = b.L8; var b9 = b.L9;
        // Column n of the schoolbook product (n = 0 … 18) wraps to column n − 10 times 19 (2^255 ≡ 19).
        // The 19 multiplies the upper column's sum, not precomputed 19·b limbs: nine fewer live vectors
        // (a and b fit the 32 AVX-512 registers with room for the sums); products of two odd limbs
        // (doubled, 25.5 rounding up twice) are summed apart and doubled once.
        var h0 = Mul(a0, b0) + Times19(Mul(a2, b8) + Mul(a4, b6) + Mul(a6, b4) + Mul(a8, b2) + Twice(Mul(a1, b9) + Mul(a3, b7) + Mul(a5, b5) + Mul(a7, b3) + Mul(a9, b1)));
        var h1 = Mul(a0, b1) + Mul(a1, b0) + Times19(Mul(a2, b9) + Mul(a3, b8) + Mul(a4, b7) + Mul(a5, b6) + Mul(a6, b5) + Mul(a7, b4) + Mul(a8, b3) + Mul(a9, b2));
        var h2 = Mul(a0, b2) + Mul(a2, b0) + Twice(Mul(a1, b1)) + Times19(Mul(a4, b8) + Mul(a6, b6) + Mul(a8, b4) + Twice(Mul(a3, b9) + Mul(a5, b7) + Mul(a7, b5) + Mul(a9, b3)));
        var h3 = Mul(a0, b3) + Mul(a1, b2) + Mul(a2, b1) + Mul(a3, b0) + Times19(Mul(a4, b9) + Mul(a5, b8) + Mul(a6, b7) + Mul(a7, b6) + Mul(a8, b5) + Mul(a9, b4));
        var h4 = Mul(a0, b4) + Mul(a2, b2) + Mul(a4, b0) + Twice(Mul(a1, b3) + Mul(a3, b1)) + Times19(Mul(a6, b8) + Mul(a8, b6) + Twice(Mul(a5, b9) + Mul(a7, b7) + Mul(a9, b5)));
        var h5 = Mul(a0, b5) + Mul(a1, b4) + Mul(a2, b3) + Mul(a3, b2) + Mul(a4, b1) + Mul(a5, b0) + Times19(Mul(a6, b9) + Mul(a7, b8) + Mul(a8, b7) + Mul(a9, b6));
        var h6 = Mul(a0, b6) + Mul(a2, b4) + Mul(a4, b2) + Mul(a6, b0) + Twice(Mul(a1, b5) + Mul(a3, b3) + Mul(a5, b1)) + Times19(Mul(a8, b8) + Twice(Mul(a7, b9) + Mul(a9, b7)));
        var h7 = Mul(a0, b7) + Mul(a1, b6) + Mul(a2, b5) + Mul(a3, b4) + Mul(a4, b3) + Mul(a5, b2) + Mul(a6, b1) + Mul(a7, b0) + Times19(Mul(a8, b9) + Mul(a9, b8));
        var h8 = Mul(a0, b8) + Mul(a2, b6) + Mul(a4, b4) + Mul(a6, b2) + Mul(a8, b0) + Twice(Mul(a1, b7) + Mul(a3, b5) + Mul(a5, b3) + Mul(a7, b1)) + Times19(Twice(Mul(a9, b9)));
        var h9 = Mul(a0, b9) + Mul(a1, b8) + Mul(a2, b7) + Mul(a3, b6) + Mul(a4, b5) + Mul(a5, b4) + Mul(a6, b3) + Mul(a7, b2) + Mul(a8, b1) + Mul(a9, b0);
        return Carry(h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    /// <summary>this², lane by lane (55 limb products instead of 100).</summary>
    internal readonly FieldElement4 Square()
    {
        var a = this;
        var a0 = a.L0; var a1 = a.L1; var a2 = a.L2; var a3 = a.L3; var a4 = a.L4; var a5 = a.L5; var a6 = a.L6; var a7 = a.L7; var a8 = a.L8; var a9 = a.L9;
        var a1x19 = Times19(a1);
        var a2x19 = Times19(a2);
        var a3x19 = Times19(a3);
        var a4x19 = Times19(a4);
        var a5x19 = Times19(a5);
        var a6x19 = Times19(a6);
        var a7x19 = Times19(a7);
        var a8x19 = Times19(a8);
        var a9x19 = Times19(a9);
        var a0x2 = a0 + a0;
        var a1x2 = a1 + a1;
        var a2x2 = a2 + a2;
        var a3x2 = a3 + a3;
        var a4x2 = a4 + a4;
        var a5x2 = a5 + a5;
        var a6x2 = a6 + a6;
        var a7x2 = a7 + a7;
        var a8x2 = a8 + a8;
        var a9x2 = a9 + a9;
        var h0 = Mul(a0, a0) + Twice(Mul(a1x2, a9x19)) + Mul(a2x2, a8x19) + Twice(Mul(a3x2, a7x19)) + Mul(a4x2, a6x19) + Mul(a5x2, a5x19);
        var h1 = Mul(a0x2, a1) + Mul(a2x2, a9x19) + Mul(a3x2, a8x19) + Mul(a4x2, a7x19) + Mul(a5x2, a6x19);
        var h2 = Mul(a0x2, a2) + Mul(a1x2, a1) + Twice(Mul(a3x2, a9x19)) + Mul(a4x2, a8x19) + Twice(Mul(a5x2, a7x19)) + Mul(a6, a6x19);
        var h3 = Mul(a0x2, a3) + Mul(a1x2, a2) + Mul(a4x2, a9x19) + Mul(a5x2, a8x19) + Mul(a6x2, a7x19);
        var h4 = Mul(a0x2, a4) + Twice(Mul(a1x2, a3)) + Mul(a2, a2) + Twice(Mul(a5x2, a9x19)) + Mul(a6x2, a8x19) + Mul(a7x2, a7x19);
        var h5 = Mul(a0x2, a5) + Mul(a1x2, a4) + Mul(a2x2, a3) + Mul(a6x2, a9x19) + Mul(a7x2, a8x19);
        var h6 = Mul(a0x2, a6) + Twice(Mul(a1x2, a5)) + Mul(a2x2, a4) + Mul(a3x2, a3) + Twice(Mul(a7x2, a9x19)) + Mul(a8, a8x19);
        var h7 = Mul(a0x2, a7) + Mul(a1x2, a6) + Mul(a2x2, a5) + Mul(a3x2, a4) + Mul(a8x2, a9x19);
        var h8 = Mul(a0x2, a8) + Twice(Mul(a1x2, a7)) + Mul(a2x2, a6) + Twice(Mul(a3x2, a5)) + Mul(a4, a4) + Mul(a9x2, a9x19);
        var h9 = Mul(a0x2, a9) + Mul(a1x2, a8) + Mul(a2x2, a7) + Mul(a3x2, a6) + Mul(a4x2, a5);
        return Carry(h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    /// <summary>
    /// Lane i of the result is lane (control >> 2i) &amp; 3 of this (vpermq on every limb). Always
    /// inlined so that the control byte reaches the instruction as a constant.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly FieldElement4 Permute([ConstantExpected] byte control)
    {
        var r = default(FieldElement4);
        r.L0 = Avx2.Permute4x64(L0, control); r.L1 = Avx2.Permute4x64(L1, control);
        r.L2 = Avx2.Permute4x64(L2, control); r.L3 = Avx2.Permute4x64(L3, control);
        r.L4 = Avx2.Permute4x64(L4, control); r.L5 = Avx2.Permute4x64(L5, control);
        r.L6 = Avx2.Permute4x64(L6, control); r.L7 = Avx2.Permute4x64(L7, control);
        r.L8 = Avx2.Permute4x64(L8, control); r.L9 = Avx2.Permute4x64(L9, control);
        return r;
    }

    /// <summary>
    /// Lanes of <paramref name="b"/> where <paramref name="control"/> has their two 32-bit halves set
    /// (0x03 lane 0, 0x0C lane 1, 0x30 lane 2, 0xC0 lane 3), else lanes of <paramref name="a"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement4 Blend(in FieldElement4 a, in FieldElement4 b, [ConstantExpected] byte control)
    {
        var r = default(FieldElement4);
        r.L0 = Avx2.Blend(a.L0.AsUInt32(), b.L0.AsUInt32(), control).AsUInt64(); r.L1 = Avx2.Blend(a.L1.AsUInt32(), b.L1.AsUInt32(), control).AsUInt64();
        r.L2 = Avx2.Blend(a.L2.AsUInt32(), b.L2.AsUInt32(), control).AsUInt64(); r.L3 = Avx2.Blend(a.L3.AsUInt32(), b.L3.AsUInt32(), control).AsUInt64();
        r.L4 = Avx2.Blend(a.L4.AsUInt32(), b.L4.AsUInt32(), control).AsUInt64(); r.L5 = Avx2.Blend(a.L5.AsUInt32(), b.L5.AsUInt32(), control).AsUInt64();
        r.L6 = Avx2.Blend(a.L6.AsUInt32(), b.L6.AsUInt32(), control).AsUInt64(); r.L7 = Avx2.Blend(a.L7.AsUInt32(), b.L7.AsUInt32(), control).AsUInt64();
        r.L8 = Avx2.Blend(a.L8.AsUInt32(), b.L8.AsUInt32(), control).AsUInt64(); r.L9 = Avx2.Blend(a.L9.AsUInt32(), b.L9.AsUInt32(), control).AsUInt64();
        return r;
    }

    /// <summary>
    /// −this in every lane as 2p − this, without a carry pass: limbs stay below 2^27, fine as an
    /// input to one addition, subtraction or multiplication.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly FieldElement4 NegateLazy()
    {
        var twoP0 = Vector256.Create(2 * (Mask26 - 18));
        var twoPEven = Vector256.Create(2 * Mask26);
        var twoPOdd = Vector256.Create(2 * Mask25);
        var r = default(FieldElement4);
        r.L0 = twoP0 - L0; r.L1 = twoPOdd - L1; r.L2 = twoPEven - L2; r.L3 = twoPOdd - L3; r.L4 = twoPEven - L4;
        r.L5 = twoPOdd - L5; r.L6 = twoPEven - L6; r.L7 = twoPOdd - L7; r.L8 = twoPEven - L8; r.L9 = twoPOdd - L9;
        return r;
    }

    /// <summary>
    /// Transposes four elements' lanes: lane k of result j is lane j of input k, e.g. four points
    /// (one per lane) of four coordinates become four points with their coordinates in the lanes.
    /// </summary>
    internal static void Transpose(in FieldElement4 a, in FieldElement4 b, in FieldElement4 c, in FieldElement4 d, out FieldElement4 r0, out FieldElement4 r1, out FieldElement4 r2, out FieldElement4 r3)
    {
        r0 = default;
        r1 = default;
        r2 = default;
        r3 = default;
        Transpose(a.L0, b.L0, c.L0, d.L0, out r0.L0, out r1.L0, out r2.L0, out r3.L0);
        Transpose(a.L1, b.L1, c.L1, d.L1, out r0.L1, out r1.L1, out r2.L1, out r3.L1);
        Transpose(a.L2, b.L2, c.L2, d.L2, out r0.L2, out r1.L2, out r2.L2, out r3.L2);
        Transpose(a.L3, b.L3, c.L3, d.L3, out r0.L3, out r1.L3, out r2.L3, out r3.L3);
        Transpose(a.L4, b.L4, c.L4, d.L4, out r0.L4, out r1.L4, out r2.L4, out r3.L4);
        Transpose(a.L5, b.L5, c.L5, d.L5, out r0.L5, out r1.L5, out r2.L5, out r3.L5);
        Transpose(a.L6, b.L6, c.L6, d.L6, out r0.L6, out r1.L6, out r2.L6, out r3.L6);
        Transpose(a.L7, b.L7, c.L7, d.L7, out r0.L7, out r1.L7, out r2.L7, out r3.L7);
        Transpose(a.L8, b.L8, c.L8, d.L8, out r0.L8, out r1.L8, out r2.L8, out r3.L8);
        Transpose(a.L9, b.L9, c.L9, d.L9, out r0.L9, out r1.L9, out r2.L9, out r3.L9);
    }

    /// <summary>this^(2^k) for k ≥ 1.</summary>
    internal readonly FieldElement4 Pow2K(int k)
    {
        var r = Square();
        for (int i = 1; i < k; i++)
        {
            r = r.Square();
        }

        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(Vector256<ulong> a, Vector256<ulong> b, Vector256<ulong> c, Vector256<ulong> d, out Vector256<ulong> r0, out Vector256<ulong> r1, out Vector256<ulong> r2, out Vector256<ulong> r3)
    {
        var ab02 = Avx2.UnpackLow(a, b);
        var ab13 = Avx2.UnpackHigh(a, b);
        var cd02 = Avx2.UnpackLow(c, d);
        var cd13 = Avx2.UnpackHigh(c, d);
        r0 = Avx2.Permute2x128(ab02, cd02, 0x20);
        r1 = Avx2.Permute2x128(ab13, cd13, 0x20);
        r2 = Avx2.Permute2x128(ab02, cd02, 0x31);
        r3 = Avx2.Permute2x128(ab13, cd13, 0x31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Join(ReadOnlySpan<ulong> limbs, int lane) => new(
        limbs[lane] + (limbs[4 + lane] << 26),
        limbs[8 + lane] + (limbs[12 + lane] << 26),
        limbs[16 + lane] + (limbs[20 + lane] << 26),
        limbs[24 + lane] + (limbs[28 + lane] << 26),
        limbs[32 + lane] + (limbs[36 + lane] << 26));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mul(Vector256<ulong> a, Vector256<ulong> b) => Avx2.Multiply(a.AsUInt32(), b.AsUInt32());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Times19(Vector256<ulong> a) => Vector256.ShiftLeft(a, 4) + Vector256.ShiftLeft(a, 1) + a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Twice(Vector256<ulong> a) => Vector256.ShiftLeft(a, 1);

    /// <summary>
    /// Carries column sums (each below 2^63) into weakly reduced limbs. Two interleaved carry chains
    /// (from limbs 0 and 4) halve the dependent steps; the carry out of limb 9 re-enters limb 0 times 19.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement4 Carry(
        Vector256<ulong> h0, Vector256<ulong> h1, Vector256<ulong> h2, Vector256<ulong> h3, Vector256<ulong> h4,
        Vector256<ulong> h5, Vector256<ulong> h6, Vector256<ulong> h7, Vector256<ulong> h8, Vector256<ulong> h9)
    {
        var m26 = Vector256.Create(Mask26);
        var m25 = Vector256.Create(Mask25);
        h1 += Vector256.ShiftRightLogical(h0, 26); h0 &= m26;
        h5 += Vector256.ShiftRightLogical(h4, 26); h4 &= m26;
        h2 += Vector256.ShiftRightLogical(h1, 25); h1 &= m25;
        h6 += Vector256.ShiftRightLogical(h5, 25); h5 &= m25;
        h3 += Vector256.ShiftRightLogical(h2, 26); h2 &= m26;
        h7 += Vector256.ShiftRightLogical(h6, 26); h6 &= m26;
        h4 += Vector256.ShiftRightLogical(h3, 25); h3 &= m25;
        h8 += Vector256.ShiftRightLogical(h7, 25); h7 &= m25;
        h5 += Vector256.ShiftRightLogical(h4, 26); h4 &= m26;
        h9 += Vector256.ShiftRightLogical(h8, 26); h8 &= m26;
        h0 += Times19(Vector256.ShiftRightLogical(h9, 25)); h9 &= m25;
        h1 += Vector256.ShiftRightLogical(h0, 26); h0 &= m26;
        var r = default(FieldElement4);
        r.L0 = h0; r.L1 = h1; r.L2 = h2; r.L3 = h3; r.L4 = h4;
        r.L5 = h5; r.L6 = h6; r.L7 = h7; r.L8 = h8; r.L9 = h9;
        return r;
    }
}
