using System.Runtime.CompilerServices;
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
internal partial struct FieldElement
{
    private const ulong Mask52 = (1UL << 52) - 1;
    private const ulong Mask48 = (1UL << 48) - 1;

    /// <summary>2^260 mod p = 16·(2^32 + 977): what a unit just above limb 4 is worth.</summary>
    private const ulong Wrap260 = 0x1000003D10UL;

    /// <summary>
    /// a · b. Bounds: limbs of fully reduced inputs are below 2^52 (the top below 2^48), so each
    /// product is below 2^104, its high part below 2^52, and a column (at most five low parts plus five
    /// high parts of the column before) below 10·2^52 &lt; 2^55.4.
    /// </summary>
    public static FieldElement Multiply(in FieldElement a, in FieldElement b)
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

    /// <summary>a²: each cross product once, its column sums doubled (same bounds as <see cref="Multiply"/>).</summary>
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

    /// <summary>The fully reduced value of Σ cₖ·2^(52k), for columns below 2^55.4 (c₉ below 2^44).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement ReduceColumns(ulong c0, ulong c1, ulong c2, ulong c3, ulong c4, ulong c5, ulong c6, ulong c7, ulong c8, ulong c9)
    {
        // Columns 5..9 sit at 2^260·2^(52(k−5)) ≡ Wrap260·2^(52(k−5)). Each cₖ·Wrap260 is below 2^91.5:
        // its low 52 bits go to column k−5, the rest (below 2^39.5; from c₉ below 2^28.1) to k−4.
        const ulong wrapShifted = Wrap260 << 12;
        var d0 = c0 + Low(c5, wrapShifted);
        var d1 = c1 + Low(c6, wrapShifted) + High(c5, wrapShifted);
        var d2 = c2 + Low(c7, wrapShifted) + High(c6, wrapShifted);
        var d3 = c3 + Low(c8, wrapShifted) + High(c7, wrapShifted);
        var d4 = c4 + Low(c9, wrapShifted) + High(c8, wrapShifted);
        var d5 = High(c9, wrapShifted);

        // Carry into 52-bit limbs; whatever lies at or above 2^256 (below 2^32.2 units) folds back
        // as top·(2^32 + 977), the 2^32 part cut at the limb boundary so no product overflows.
        d1 += d0 >> 52;
        d0 &= Mask52;
        d2 += d1 >> 52;
        d1 &= Mask52;
        d3 += d2 >> 52;
        d2 &= Mask52;
        d4 += d3 >> 52;
        d3 &= Mask52;
        var top = (d4 >> 48) + (d5 << 4);
        d4 &= Mask48;
        d0 += (top * 977) + ((top << 32) & Mask52);
        d1 += top >> 20;

        // Carry again. The value is now below 2^256 + 2^64.3; when it reaches 2^256 the excess is below
        // 2^64.3, so folding it once more (adding 2^32 + 977) cannot carry past limb 1.
        d1 += d0 >> 52;
        d0 &= Mask52;
        d2 += d1 >> 52;
        d1 &= Mask52;
        d3 += d2 >> 52;
        d2 &= Mask52;
        d4 += d3 >> 52;
        d3 &= Mask52;
        var wrapped = d4 >> 48;
        d4 &= Mask48;
        d0 += wrapped * Fold;
        d1 += d0 >> 52;
        d0 &= Mask52;

        // Below 2^256 < 2p now: subtract p once when the value is at least p, i.e. when value + Fold
        // reaches 2^256; the sum minus 2^256 is then the result.
        var u0 = d0 + Fold;
        var u1 = d1 + (u0 >> 52);
        var u2 = d2 + (u1 >> 52);
        var u3 = d3 + (u2 >> 52);
        var u4 = d4 + (u3 >> 52);
        var mask = 0UL - (u4 >> 48);
        d0 ^= (d0 ^ (u0 & Mask52)) & mask;
        d1 ^= (d1 ^ (u1 & Mask52)) & mask;
        d2 ^= (d2 ^ (u2 & Mask52)) & mask;
        d3 ^= (d3 ^ (u3 & Mask52)) & mask;
        d4 ^= (d4 ^ (u4 & Mask48)) & mask;
        return new FieldElement(d0 | (d1 << 52), (d1 >> 12) | (d2 << 40), (d2 >> 24) | (d3 << 28), (d3 >> 36) | (d4 << 16));
    }

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

    /// <summary>x·y above bit 52, given x and y·2^12: the high word of the product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong High(ulong x, ulong yShifted) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(x, yShifted) : Math.BigMul(x, yShifted, out _);
}
