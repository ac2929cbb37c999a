using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// Multiplication and squaring. The operands are re-cut into five 52-bit limbs (the top one 48 bits),
/// so every 104-bit limb product splits at bit 52 into a low part and a high part: with the second
/// operand pre-shifted by 12 bits, the high part is the high word of the 128-bit product (one mulx)
/// and the low part the top 52 bits of its low word (one imul and a shift). Column sums of such
/// parts stay far below 2^64, so the whole product needs plain 64-bit additions only: no carry flags,
/// which the JIT handles poorly and which made the 4×64-bit schoolbook latency-bound. Everything is
/// straight-line code with no data-dependent branch or memory access, so it stays constant time.
/// </summary>
/// <remarks>
/// Column k of a product is cₖ = Lₖ + Hₖ₋₁: Lₖ the sum of the low parts of the limb products aᵢ·bⱼ with
/// i + j = k, Hₖ₋₁ the sum of the high parts of those with i + j = k − 1. Limbs of fully reduced inputs
/// are below 2^52 (the top one below 2^48), so a product is below 2^104, each part below 2^52 and a
/// column (at most five low and five high parts) below 10·2^52 &lt; 2^55.4; c₉ = H₈ is below 2^44.
/// </remarks>
internal partial struct FieldElement
{
    private const ulong Mask52 = (1UL << 52) - 1;
    private const ulong Mask48 = (1UL << 48) - 1;

    /// <summary>a · b, fully reduced.</summary>
    /// <remarks>
    /// With AVX-512 (F and DQ) and BMI2 this is <see cref="MultiplyVector"/>, else <see cref="MultiplyScalar"/>;
    /// the test is a JIT-time constant, so no branch remains in the compiled code. Both bodies are inlined
    /// here and nowhere else: this method stays out of line so that callers share one copy of it (inlined
    /// into a loop the chosen body measured the same or faster, but a point addition has a dozen calls).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FieldElement Multiply(in FieldElement a, in FieldElement b) =>
        VectorPathSupported ? MultiplyVector(a, b) : MultiplyScalar(a, b);

    /// <summary>Whether <see cref="MultiplyVector"/> can run on this machine.</summary>
    internal static bool VectorPathSupported => Avx512DQ.IsSupported && Bmi2.X64.IsSupported;

    /// <summary>a · b with 64-bit scalar instructions only: one imul and one mulx (or BigMul) per limb product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement MultiplyScalar(in FieldElement a, in FieldElement b)
    {
        Split(a, out var a0, out var a1, out var a2, out var a3, out var a4);
        Split(b, out var b0, out var b1, out var b2, out var b3, out var b4);
        b0 <<= 12;
        b1 <<= 12;
        b2 <<= 12;
        b3 <<= 12;
        b4 <<= 12;

        var c0 = Low(a0, b0);
        var c1 = Low(a0, b1) + Low(a1, b0)
            + High(a0, b0);
        var c2 = Low(a0, b2) + Low(a1, b1) + Low(a2, b0)
            + High(a0, b1) + High(a1, b0);
        var c3 = Low(a0, b3) + Low(a1, b2) + Low(a2, b1) + Low(a3, b0)
            + High(a0, b2) + High(a1, b1) + High(a2, b0);
        var c4 = Low(a0, b4) + Low(a1, b3) + Low(a2, b2) + Low(a3, b1) + Low(a4, b0)
            + High(a0, b3) + High(a1, b2) + High(a2, b1) + High(a3, b0);
        var c5 = Low(a1, b4) + Low(a2, b3) + Low(a3, b2) + Low(a4, b1)
            + High(a0, b4) + High(a1, b3) + High(a2, b2) + High(a3, b1) + High(a4, b0);
        var c6 = Low(a2, b4) + Low(a3, b3) + Low(a4, b2)
            + High(a1, b4) + High(a2, b3) + High(a3, b2) + High(a4, b1);
        var c7 = Low(a3, b4) + Low(a4, b3)
            + High(a2, b4) + High(a3, b3) + High(a4, b2);
        var c8 = Low(a4, b4)
            + High(a3, b4) + High(a4, b3);
        var c9 = High(a4, b4);
        return ReduceColumns(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9);
    }

    /// <summary>a², fully reduced: each cross product once, its parts doubled.</summary>
    /// <remarks>
    /// Scalar on every machine: with only 15 distinct products the imuls for the low parts interleave with
    /// the mulx for the high parts at no cost, and taking the low parts from vector lanes instead (as
    /// <see cref="MultiplyVector"/> does) measured about 10% slower.
    /// </remarks>
    public static FieldElement Square(in FieldElement a)
    {
        Split(a, out var a0, out var a1, out var a2, out var a3, out var a4);
        ulong h0 = a0 << 12, h1 = a1 << 12, h2 = a2 << 12, h3 = a3 << 12, h4 = a4 << 12;

        var c0 = Low(a0, h0);
        var c1 = 2 * Low(a0, h1)
            + High(a0, h0);
        var c2 = (2 * Low(a0, h2)) + Low(a1, h1)
            + (2 * High(a0, h1));
        var c3 = (2 * (Low(a0, h3) + Low(a1, h2)))
            + (2 * High(a0, h2)) + High(a1, h1);
        var c4 = (2 * (Low(a0, h4) + Low(a1, h3))) + Low(a2, h2)
            + (2 * (High(a0, h3) + High(a1, h2)));
        var c5 = (2 * (Low(a1, h4) + Low(a2, h3)))
            + (2 * (High(a0, h4) + High(a1, h3))) + High(a2, h2);
        var c6 = (2 * Low(a2, h4)) + Low(a3, h3)
            + (2 * (High(a1, h4) + High(a2, h3)));
        var c7 = (2 * Low(a3, h4))
            + (2 * High(a2, h4)) + High(a3, h3);
        var c8 = Low(a4, h4)
            + (2 * High(a3, h4));
        var c9 = High(a4, h4);
        return ReduceColumns(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9);
    }

    /// <summary>a · b with one mulx per limb product; the low parts come from AVX-512 lanes.</summary>
    /// <remarks>
    /// The JIT can take mulx's low word only through memory, so instead of 25 more scalar multiplications
    /// <see cref="ColumnLows"/> computes Tₖ = Σᵢ₊ⱼ₌ₖ aᵢ·bⱼ mod 2^64 for columns 0..7 with five 8-lane
    /// vpmullq. Tₖ ≡ Lₖ + 2^52·Hₖ and Lₖ &lt; 2^55, so Lₖ = (Tₖ − 2^52·Hₖ) mod 2^64 exactly. Column 8 has the
    /// single product a₄·b₄ and takes its low part from one imul.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement MultiplyVector(in FieldElement a, in FieldElement b)
    {
        Split(a, out var a0, out var a1, out var a2, out var a3, out var a4);
        Split(b, out var b0, out var b1, out var b2, out var b3, out var b4);
        var lows = ColumnLows(a0, a1, a2, a3, a4, b0, b1, b2, b3, b4);

        // Grouped by the second factor, which mulx takes in rdx, so each is used right after it is made.
        var f = b0 << 12;
        var h0 = High(f, a0);
        var h1 = High(f, a1);
        var h2 = High(f, a2);
        var h3 = High(f, a3);
        var h4 = High(f, a4);
        f = b1 << 12;
        h1 += High(f, a0);
        h2 += High(f, a1);
        h3 += High(f, a2);
        h4 += High(f, a3);
        var h5 = High(f, a4);
        f = b2 << 12;
        h2 += High(f, a0);
        h3 += High(f, a1);
        h4 += High(f, a2);
        h5 += High(f, a3);
        var h6 = High(f, a4);
        f = b3 << 12;
        h3 += High(f, a0);
        h4 += High(f, a1);
        h5 += High(f, a2);
        h6 += High(f, a3);
        var h7 = High(f, a4);
        f = b4 << 12;
        h4 += High(f, a0);
        h5 += High(f, a1);
        h6 += High(f, a2);
        h7 += High(f, a3);
        var h8 = High(f, a4);
        return ReduceVectorColumns(lows, Low(a4, f), h0, h1, h2, h3, h4, h5, h6, h7, h8);
    }

    /// <summary>
    /// Lane k (k = 0..7) = Σᵢ₊ⱼ₌ₖ aᵢ·bⱼ mod 2^64 over the 52-bit limbs, from five 8-lane multiplications
    /// of a broadcast aᵢ by the window (b₀..b₄) slid to start at lane i.
    /// </summary>
    /// <remarks>
    /// The window is built from the limbs already cut in general registers rather than loaded from memory:
    /// operands are often results just stored as four 64-bit words, which a 256-bit load cannot take
    /// from the store buffer.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> ColumnLows(ulong a0, ulong a1, ulong a2, ulong a3, ulong a4, ulong b0, ulong b1, ulong b2, ulong b3, ulong b4)
    {
        // (0, 0, 0, 0, b₀, b₁, b₂, b₃ | b₄, 0, ...): lanes 4 − i .. 11 − i hold bₖ₋ᵢ for columns k = 0..7.
        var low = Vector256<ulong>.Zero.ToVector512Unsafe().WithUpper(Vector256.Create(b0, b1, b2, b3));
        var high = Vector512.CreateScalar(b4);
        var r4 = Vector512.Create(a4) * low;
        var r3 = Vector512.Create(a3) * Avx512F.AlignRight64(high, low, 1);
        var r2 = Vector512.Create(a2) * Avx512F.AlignRight64(high, low, 2);
        var r1 = Vector512.Create(a1) * Avx512F.AlignRight64(high, low, 3);
        var r0 = Vector512.Create(a0) * Avx512F.AlignRight64(high, low, 4);
        return (r4 + r3) + (r2 + r1) + r0;
    }

    /// <summary>Columns cₖ = Lₖ + Hₖ₋₁ from the lanes Tₖ (k ≤ 7), column 8's low part and the high sums, then reduced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement ReduceVectorColumns(Vector512<ulong> lows, ulong low8, ulong h0, ulong h1, ulong h2, ulong h3, ulong h4, ulong h5, ulong h6, ulong h7, ulong h8)
    {
        var lo = lows.GetLower();
        var hi = lows.GetUpper();
        return ReduceColumns(
            lo.GetElement(0) - (h0 << 52),
            lo.GetElement(1) - (h1 << 52) + h0,
            lo.GetElement(2) - (h2 << 52) + h1,
            lo.GetElement(3) - (h3 << 52) + h2,
            hi.GetElement(0) - (h4 << 52) + h3,
            hi.GetElement(1) - (h5 << 52) + h4,
            hi.GetElement(2) - (h6 << 52) + h5,
            hi.GetElement(3) - (h7 << 52) + h6,
            low8 + h7,
            h8);
    }

    /// <summary>The fully reduced value of Σ cₖ·2^(52k), for columns below 2^55.4 (c₉ below 2^44).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static FieldElement ReduceColumns(ulong c0, ulong c1, ulong c2, ulong c3, ulong c4, ulong c5, ulong c6, ulong c7, ulong c8, ulong c9)
    {
        // Columns 5..9 sit at 2^260·2^(52(k−5)), and 2^260 ≡ W = 16·(2^32 + 977) = 2^36 + 16·977 (mod p).
        // With cₖ = hₖ·2^48 + lₖ (lₖ < 2^48, hₖ < 2^7.4), cₖ·W = (cₖ mod 2^16)·2^36 + lₖ·16·977
        // + 2^52·(⌊cₖ/2^16⌋ + hₖ·977): the first two terms (below 2^52 and 2^61.93) go to column k − 5,
        // the last (below 2^39.4) to column k − 4. Shifts and two small imuls, no 128-bit product.
        // d₀..d₄ stay below 2^55.4 + 2^52 + 2^61.93 + 2^39.4 < 2^62; c₉ < 2^44 has h₉ = 0 and d₅ < 2^28.
        var d0 = c0 + WrapLow(c5);
        var d1 = c1 + WrapLow(c6) + WrapHigh(c5);
        var d2 = c2 + WrapLow(c7) + WrapHigh(c6);
        var d3 = c3 + WrapLow(c8) + WrapHigh(c7);
        var d4 = c4 + ((c9 & 0xFFFF) << 36) + (c9 * 0x3D10) + WrapHigh(c8);
        var d5 = c9 >> 16;

        // Fold what d₄ and d₅ hold at or above 2^256 (top < 2^14 + 2^32) back as top·(2^32 + 977), the
        // 2^32 part cut at the limb boundary, without first carrying the lower columns: the value V is then
        // below 2^256 + 2^218 (d₀..d₃ below 2^62.01 each, d₄ below 2^48), still less than 2p.
        var top = (d4 >> 48) + (d5 << 4);
        d4 &= Mask48;
        d0 += (top * 977) + ((top << 32) & Mask52);
        d1 += top >> 20;

        // V mod p is V − p when V ≥ p, i.e. when U = V + (2^32 + 977) reaches 2^256, else V. Both are
        // normalized by independent carry chains (they run side by side), and the bit at 2^256 of U picks.
        // V < 2p makes that bit 0 or 1, and when it is 0, V < p < 2^256 so V's own chain ends below 2^48.
        var u0 = d0 + Fold;
        var u1 = d1 + (u0 >> 52);
        var u2 = d2 + (u1 >> 52);
        var u3 = d3 + (u2 >> 52);
        var u4 = d4 + (u3 >> 52);
        d1 += d0 >> 52;
        d2 += d1 >> 52;
        d3 += d2 >> 52;
        d4 += d3 >> 52;
        var mask = 0UL - (u4 >> 48);
        d0 = (d0 ^ ((d0 ^ u0) & mask)) & Mask52;
        d1 = (d1 ^ ((d1 ^ u1) & mask)) & Mask52;
        d2 = (d2 ^ ((d2 ^ u2) & mask)) & Mask52;
        d3 = (d3 ^ ((d3 ^ u3) & mask)) & Mask52;
        d4 = (d4 ^ ((d4 ^ u4) & mask)) & Mask48;
        return new FieldElement(d0 | (d1 << 52), (d1 >> 12) | (d2 << 40), (d2 >> 24) | (d3 << 28), (d3 >> 36) | (d4 << 16));
    }

    /// <summary>The part of c·2^260 mod p that stays in the column c wraps to (c below 2^56): below 2^61.93.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong WrapLow(ulong c) => ((c & 0xFFFF) << 36) + ((c & Mask48) * 0x3D10);

    /// <summary>The part of c·2^260 mod p that goes one column up, in units of 2^52 (c below 2^56): below 2^39.4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong WrapHigh(ulong c) => (c >> 16) + ((c >> 48) * 977);

    /// <summary>The four 64-bit limbs re-cut at multiples of 52 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Split(in FieldElement a, out ulong l0, out ulong l1, out ulong l2, out ulong l3, out ulong l4)
    {
        l0 = a.L0 & Mask52;
        l1 = ((a.L0 >> 52) | (a.L1 << 12)) & Mask52;
        l2 = ((a.L1 >> 40) | (a.L2 << 24)) & Mask52;
        l3 = ((a.L2 >> 28) | (a.L3 << 36)) & Mask52;
        l4 = a.L3 >> 16;
    }

    /// <summary>The low 52 bits of x·y, given x and y·2^12 (below 2^64): bits 12..63 of the 64-bit product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Low(ulong x, ulong yShifted) => (x * yShifted) >> 12;

    /// <summary>x·y above bit 52, given y·2^12 and x in either order: the high word of the product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong High(ulong x, ulong yShifted) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(x, yShifted) : Math.BigMul(x, yShifted, out _);
}
