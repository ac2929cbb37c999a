using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// Four elements of GF(p), p = 2^256 − 2^32 − 977, side by side, one per 64-bit lane of AVX2 vectors,
/// for work that runs the same field operations on several independent values (batch decoding).
/// </summary>
/// <remarks>
/// <para>Radix 2^26: limb i (i = 0 … 9) holds bits 26i and up, ten limbs in all, the top one 22 bits
/// wide when fully carried. Limbs this narrow fit the 32-bit inputs of <c>vpmuludq</c>, which
/// multiplies four lanes at once where the scalar <see cref="FieldElement"/> needs a 64×64-bit
/// multiplier per product. Product column k ≥ 10 weighs 2^260 · 2^(26(k−10)), and
/// 2^260 ≡ 0x1000003D10 = 0x3D10 + 2^10·2^26 (mod p): it re-enters as ×0x3D10 at column k − 10 and
/// ×2^10 at column k − 9. A carry out of the 22-bit limb 9 weighs 2^256 ≡ 977 + 2^6·2^26: it
/// re-enters as ×977 at limb 0 and ×2^6 at limb 1.</para>
/// <para>Bounds. Results (of <see cref="op_Multiply"/>, <see cref="Square"/>, <see cref="FromLanes"/>)
/// have limbs 0 … 8 below <see cref="ResultBound"/> = 2^26 + 2^16 and limb 9 below 2^22.
/// Multiplication and squaring accept lazy inputs with every limb (limb 9 included) below
/// <see cref="InputBound"/> = 2^27 + 2^24, e.g. a sum of two results without a carry pass. Under that
/// bound: a doubled limb (squaring) is below 2^32 and fits the multiplier; a column of at most ten
/// products is below 10·(2^27 + 2^24)² &lt; 2^57.7, so nothing wraps 64 bits; a high column split at
/// bit 26 leaves a top part below 9·(2^27 + 2^24)²/2^26 &lt; 2^31.6, so a top part plus the low 26 bits
/// of the next column stays below 2^32 and multiplies by 0x3D10 with one <c>vpmuludq</c>.
/// <see cref="ToLanes"/> accepts any limbs below 2^32 and reduces fully.</para>
/// <para>Only callers that checked <see cref="IsSupported"/> may use the vector operations. Constant
/// time: no branch or memory index depends on the values.</para>
/// </remarks>
[SkipLocalsInit]
internal struct FieldElement4
{
    /// <summary>Exclusive bound on every limb of a multiplication or squaring input (see the remarks).</summary>
    internal const ulong InputBound = (1UL << 27) + (1UL << 24);

    /// <summary>Exclusive bound on limbs 0 … 8 of every result; limb 9 of a result is below 2^22.</summary>
    internal const ulong ResultBound = (1UL << 26) + (1UL << 16);

    private const ulong Mask26 = (1UL << 26) - 1;
    private const ulong Mask22 = (1UL << 22) - 1;

    /// <summary>2^260 mod p minus its 2^36 part: what column 10 adds to column 0 per unit.</summary>
    private const uint Wrap260Low = 0x3D10;

    /// <summary>0x3D10 · 2^10: what a unit of column 19 adds to column 0 (its ×2^10 part lands at column 10 and wraps again).</summary>
    private const uint Wrap260Twice = 0x3D10 << 10;

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

    /// <summary>True when the CPU has the AVX2 instructions this type is made of.</summary>
    internal static bool IsSupported => Avx2.IsSupported;

    /// <summary>Packs four fully reduced field elements, one per lane (limbs 0 … 8 below 2^26, limb 9 below 2^22).</summary>
    internal static FieldElement4 FromLanes(in FieldElement a, in FieldElement b, in FieldElement c, in FieldElement d)
    {
        var r = default(FieldElement4);
        r.L0 = Vector256.Create(Limb(a, 0), Limb(b, 0), Limb(c, 0), Limb(d, 0));
        r.L1 = Vector256.Create(Limb(a, 1), Limb(b, 1), Limb(c, 1), Limb(d, 1));
        r.L2 = Vector256.Create(Limb(a, 2), Limb(b, 2), Limb(c, 2), Limb(d, 2));
        r.L3 = Vector256.Create(Limb(a, 3), Limb(b, 3), Limb(c, 3), Limb(d, 3));
        r.L4 = Vector256.Create(Limb(a, 4), Limb(b, 4), Limb(c, 4), Limb(d, 4));
        r.L5 = Vector256.Create(Limb(a, 5), Limb(b, 5), Limb(c, 5), Limb(d, 5));
        r.L6 = Vector256.Create(Limb(a, 6), Limb(b, 6), Limb(c, 6), Limb(d, 6));
        r.L7 = Vector256.Create(Limb(a, 7), Limb(b, 7), Limb(c, 7), Limb(d, 7));
        r.L8 = Vector256.Create(Limb(a, 8), Limb(b, 8), Limb(c, 8), Limb(d, 8));
        r.L9 = Vector256.Create(Limb(a, 9), Limb(b, 9), Limb(c, 9), Limb(d, 9));
        return r;
    }

    /// <summary>All four lanes as fully reduced scalar field elements (any limbs below 2^32), through one store of the limbs.</summary>
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

    /// <summary>a · b, lane by lane (inputs below <see cref="InputBound"/> in every limb).</summary>
    public static FieldElement4 operator *(in FieldElement4 a, in FieldElement4 b)
    {
        var a0 = a.L0; var a1 = a.L1; var a2 = a.L2; var a3 = a.L3; var a4 = a.L4; var a5 = a.L5; var a6 = a.L6; var a7 = a.L7; var a8 = a.L8; var a9 = a.L9;
        var b0 = b.L0; var b1 = b.L1; var b2 = b.L2; var b3 = b.L3; var b4 = b.L4; var b5 = b.L5; var b6 = b.L6; var b7 = b.L7; var b8 = b.L8; var b9 = b.L9;
        var c0 = Mul(a0, b0);
        var c1 = Mul(a0, b1) + Mul(a1, b0);
        var c2 = Mul(a0, b2) + Mul(a1, b1) + Mul(a2, b0);
        var c3 = Mul(a0, b3) + Mul(a1, b2) + Mul(a2, b1) + Mul(a3, b0);
        var c4 = Mul(a0, b4) + Mul(a1, b3) + Mul(a2, b2) + Mul(a3, b1) + Mul(a4, b0);
        var c5 = Mul(a0, b5) + Mul(a1, b4) + Mul(a2, b3) + Mul(a3, b2) + Mul(a4, b1) + Mul(a5, b0);
        var c6 = Mul(a0, b6) + Mul(a1, b5) + Mul(a2, b4) + Mul(a3, b3) + Mul(a4, b2) + Mul(a5, b1) + Mul(a6, b0);
        var c7 = Mul(a0, b7) + Mul(a1, b6) + Mul(a2, b5) + Mul(a3, b4) + Mul(a4, b3) + Mul(a5, b2) + Mul(a6, b1) + Mul(a7, b0);
        var c8 = Mul(a0, b8) + Mul(a1, b7) + Mul(a2, b6) + Mul(a3, b5) + Mul(a4, b4) + Mul(a5, b3) + Mul(a6, b2) + Mul(a7, b1) + Mul(a8, b0);
        var c9 = Mul(a0, b9) + Mul(a1, b8) + Mul(a2, b7) + Mul(a3, b6) + Mul(a4, b5) + Mul(a5, b4) + Mul(a6, b3) + Mul(a7, b2) + Mul(a8, b1) + Mul(a9, b0);
        var c10 = Mul(a1, b9) + Mul(a2, b8) + Mul(a3, b7) + Mul(a4, b6) + Mul(a5, b5) + Mul(a6, b4) + Mul(a7, b3) + Mul(a8, b2) + Mul(a9, b1);
        var c11 = Mul(a2, b9) + Mul(a3, b8) + Mul(a4, b7) + Mul(a5, b6) + Mul(a6, b5) + Mul(a7, b4) + Mul(a8, b3) + Mul(a9, b2);
        var c12 = Mul(a3, b9) + Mul(a4, b8) + Mul(a5, b7) + Mul(a6, b6) + Mul(a7, b5) + Mul(a8, b4) + Mul(a9, b3);
        var c13 = Mul(a4, b9) + Mul(a5, b8) + Mul(a6, b7) + Mul(a7, b6) + Mul(a8, b5) + Mul(a9, b4);
        var c14 = Mul(a5, b9) + Mul(a6, b8) + Mul(a7, b7) + Mul(a8, b6) + Mul(a9, b5);
        var c15 = Mul(a6, b9) + Mul(a7, b8) + Mul(a8, b7) + Mul(a9, b6);
        var c16 = Mul(a7, b9) + Mul(a8, b8) + Mul(a9, b7);
        var c17 = Mul(a8, b9) + Mul(a9, b8);
        var c18 = Mul(a9, b9);
        return Reduce(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18);
    }

    /// <summary>this², lane by lane (55 limb products instead of 100; limbs below <see cref="InputBound"/>).</summary>
    internal readonly FieldElement4 Square()
    {
        var a0 = L0; var a1 = L1; var a2 = L2; var a3 = L3; var a4 = L4; var a5 = L5; var a6 = L6; var a7 = L7; var a8 = L8; var a9 = L9;

        // Doubled limbs stay below 2^29: every cross product a_i·a_j (i ≠ j) appears twice in its column.
        var d0 = a0 + a0; var d1 = a1 + a1; var d2 = a2 + a2; var d3 = a3 + a3; var d4 = a4 + a4;
        var d5 = a5 + a5; var d6 = a6 + a6; var d7 = a7 + a7; var d8 = a8 + a8;
        var c0 = Mul(a0, a0);
        var c1 = Mul(d0, a1);
        var c2 = Mul(d0, a2) + Mul(a1, a1);
        var c3 = Mul(d0, a3) + Mul(d1, a2);
        var c4 = Mul(d0, a4) + Mul(d1, a3) + Mul(a2, a2);
        var c5 = Mul(d0, a5) + Mul(d1, a4) + Mul(d2, a3);
        var c6 = Mul(d0, a6) + Mul(d1, a5) + Mul(d2, a4) + Mul(a3, a3);
        var c7 = Mul(d0, a7) + Mul(d1, a6) + Mul(d2, a5) + Mul(d3, a4);
        var c8 = Mul(d0, a8) + Mul(d1, a7) + Mul(d2, a6) + Mul(d3, a5) + Mul(a4, a4);
        var c9 = Mul(d0, a9) + Mul(d1, a8) + Mul(d2, a7) + Mul(d3, a6) + Mul(d4, a5);
        var c10 = Mul(d1, a9) + Mul(d2, a8) + Mul(d3, a7) + Mul(d4, a6) + Mul(a5, a5);
        var c11 = Mul(d2, a9) + Mul(d3, a8) + Mul(d4, a7) + Mul(d5, a6);
        var c12 = Mul(d3, a9) + Mul(d4, a8) + Mul(d5, a7) + Mul(a6, a6);
        var c13 = Mul(d4, a9) + Mul(d5, a8) + Mul(d6, a7);
        var c14 = Mul(d5, a9) + Mul(d6, a8) + Mul(a7, a7);
        var c15 = Mul(d6, a9) + Mul(d7, a8);
        var c16 = Mul(d7, a9) + Mul(a8, a8);
        var c17 = Mul(d8, a9);
        var c18 = Mul(a9, a9);
        return Reduce(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18);
    }

    /// <summary>Bits 26i … 26i + 25 of a fully reduced element (limb 9: bits 234 … 255).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Limb(in FieldElement a, int i)
    {
        int bit = 26 * i;
        int word = bit >> 6;
        int shift = bit & 63;
        ulong low = Word(a, word) >> shift;
        ulong high = shift > 38 && word < 3 ? Word(a, word + 1) << (64 - shift) : 0;
        return (low | high) & Mask26;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Word(in FieldElement a, int index) => index switch
    {
        0 => a.L0,
        1 => a.L1,
        2 => a.L2,
        _ => a.L3,
    };

    /// <summary>
    /// Lane <paramref name="lane"/> of ten stored limb vectors (any limbs below 2^32) as a fully reduced
    /// element: exact 26-bit digits with the excess above 2^256 set apart, then that excess folded in as
    /// ×(2^32 + 977) and p subtracted once when the result is still at least p, all with masks.
    /// </summary>
    private static FieldElement Join(ReadOnlySpan<ulong> limbs, int lane)
    {
        Span<ulong> digit = stackalloc ulong[10];
        ulong carry = 0;
        for (int i = 0; i < 10; i++)
        {
            ulong v = limbs[(4 * i) + lane] + carry;
            digit[i] = v & Mask26;
            carry = v >> 26;
        }

        // digit[9] holds bits 234 … 259 of the sum; its bits above 22 and the carry weigh 2^256.
        ulong excess = (digit[9] >> 22) + (carry << 4);
        ulong l0 = digit[0] | (digit[1] << 26) | (digit[2] << 52);
        ulong l1 = (digit[2] >> 12) | (digit[3] << 14) | (digit[4] << 40);
        ulong l2 = (digit[4] >> 24) | (digit[5] << 2) | (digit[6] << 28) | (digit[7] << 54);
        ulong l3 = (digit[7] >> 10) | (digit[8] << 16) | ((digit[9] & Mask22) << 42);

        // The value is l + excess·2^256 with the excess below 2^11: the scalar field's own reduction.
        return FieldElement.Reduce320(l0, l1, l2, l3, excess);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mul(Vector256<ulong> a, Vector256<ulong> b) => Avx2.Multiply(a.AsUInt32(), b.AsUInt32());

    /// <summary>
    /// Columns c0 … c18 of a product (each below 2^57.7, see the remarks) to a result. The high columns
    /// are split at bit 26 all at once rather than carried one into the next: u_k = low 26 bits of c_k
    /// plus the top of c_(k−1), below 2^32, re-enters as u_k·0x3D10 at column k − 10 and u_k·2^10 at
    /// column k − 9 (u_19, the top of c18, below 2^29, lands at column 10 through its 2^10 part and so
    /// again at columns 0 and 1). The ten sums stay below 2^57.8 and go through one carry pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement4 Reduce(
        Vector256<ulong> c0, Vector256<ulong> c1, Vector256<ulong> c2, Vector256<ulong> c3, Vector256<ulong> c4,
        Vector256<ulong> c5, Vector256<ulong> c6, Vector256<ulong> c7, Vector256<ulong> c8, Vector256<ulong> c9,
        Vector256<ulong> c10, Vector256<ulong> c11, Vector256<ulong> c12, Vector256<ulong> c13, Vector256<ulong> c14,
        Vector256<ulong> c15, Vector256<ulong> c16, Vector256<ulong> c17, Vector256<ulong> c18)
    {
        var m26 = Vector256.Create(Mask26);
        var u10 = c10 & m26;
        var u11 = (c11 & m26) + Vector256.ShiftRightLogical(c10, 26);
        var u12 = (c12 & m26) + Vector256.ShiftRightLogical(c11, 26);
        var u13 = (c13 & m26) + Vector256.ShiftRightLogical(c12, 26);
        var u14 = (c14 & m26) + Vector256.ShiftRightLogical(c13, 26);
        var u15 = (c15 & m26) + Vector256.ShiftRightLogical(c14, 26);
        var u16 = (c16 & m26) + Vector256.ShiftRightLogical(c15, 26);
        var u17 = (c17 & m26) + Vector256.ShiftRightLogical(c16, 26);
        var u18 = (c18 & m26) + Vector256.ShiftRightLogical(c17, 26);
        var u19 = Vector256.ShiftRightLogical(c18, 26);
        var r0 = Vector256.Create((ulong)Wrap260Low);
        var t0 = c0 + Mul(u10, r0) + Mul(u19, Vector256.Create((ulong)Wrap260Twice));
        var t1 = c1 + Mul(u11, r0) + Vector256.ShiftLeft(u10, 10) + Vector256.ShiftLeft(u19, 20);
        var t2 = c2 + Mul(u12, r0) + Vector256.ShiftLeft(u11, 10);
        var t3 = c3 + Mul(u13, r0) + Vector256.ShiftLeft(u12, 10);
        var t4 = c4 + Mul(u14, r0) + Vector256.ShiftLeft(u13, 10);
        var t5 = c5 + Mul(u15, r0) + Vector256.ShiftLeft(u14, 10);
        var t6 = c6 + Mul(u16, r0) + Vector256.ShiftLeft(u15, 10);
        var t7 = c7 + Mul(u17, r0) + Vector256.ShiftLeft(u16, 10);
        var t8 = c8 + Mul(u18, r0) + Vector256.ShiftLeft(u17, 10);
        var t9 = c9 + Mul(u19, r0) + Vector256.ShiftLeft(u18, 10);
        return Carry(t0, t1, t2, t3, t4, t5, t6, t7, t8, t9);
    }

    /// <summary>
    /// Carries limb sums (each below 2^58) into a result. Two interleaved chains (from limbs 0 and 5)
    /// halve the dependent steps. The excess e of limb 9 above 22 bits (below 2^36.1) weighs 2^256 and
    /// re-enters as e·977 (below 2^46) at limb 0 and e·2^6 at limb 1; the last steps carry those into
    /// limb 2. Bounds at the end: limb 2 below 2^26 + 2^16 (its carry-in is below 2^15.9), limb 6 below
    /// 2^26 + 2^6, limb 9 below 2^22, the others below 2^26.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement4 Carry(
        Vector256<ulong> h0, Vector256<ulong> h1, Vector256<ulong> h2, Vector256<ulong> h3, Vector256<ulong> h4,
        Vector256<ulong> h5, Vector256<ulong> h6, Vector256<ulong> h7, Vector256<ulong> h8, Vector256<ulong> h9)
    {
        var m26 = Vector256.Create(Mask26);
        var m22 = Vector256.Create(Mask22);
        h1 += Vector256.ShiftRightLogical(h0, 26); h0 &= m26;
        h6 += Vector256.ShiftRightLogical(h5, 26); h5 &= m26;
        h2 += Vector256.ShiftRightLogical(h1, 26); h1 &= m26;
        h7 += Vector256.ShiftRightLogical(h6, 26); h6 &= m26;
        h3 += Vector256.ShiftRightLogical(h2, 26); h2 &= m26;
        h8 += Vector256.ShiftRightLogical(h7, 26); h7 &= m26;
        h4 += Vector256.ShiftRightLogical(h3, 26); h3 &= m26;
        h9 += Vector256.ShiftRightLogical(h8, 26); h8 &= m26;
        h5 += Vector256.ShiftRightLogical(h4, 26); h4 &= m26;
        var e = Vector256.ShiftRightLogical(h9, 22); h9 &= m22;

        // e·977 = e·(2^10 − 2^5 − 2^4 + 1) with shifts: e may exceed the 32-bit multiplier input.
        h0 += Vector256.ShiftLeft(e, 10) + e - Vector256.ShiftLeft(e, 5) - Vector256.ShiftLeft(e, 4);
        h1 += Vector256.ShiftLeft(e, 6);
        h6 += Vector256.ShiftRightLogical(h5, 26); h5 &= m26;
        h1 += Vector256.ShiftRightLogical(h0, 26); h0 &= m26;
        h2 += Vector256.ShiftRightLogical(h1, 26); h1 &= m26;
        var r = default(FieldElement4);
        r.L0 = h0; r.L1 = h1; r.L2 = h2; r.L3 = h3; r.L4 = h4;
        r.L5 = h5; r.L6 = h6; r.L7 = h7; r.L8 = h8; r.L9 = h9;
        return r;
    }
}
