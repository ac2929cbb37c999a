using System.Runtime.CompilerServices;
using static NexusZero.Groups.Secp256k1.WordArithmetic;

namespace NexusZero.Groups.Bn254;

/// <summary>
/// 9a ± b with one reduction, for multiplication by ξ = 9 + u in the tower: by doublings and additions that is five
/// modular operations per coefficient, each with its own masked subtraction. Here 9a ± b (+ p for the difference)
/// is formed as a five-word integer below 10p &lt; 2^257 and reduced once: its quotient by p is estimated from the
/// top bits, subtracted, and a last masked subtraction fixes the estimate's error. Branch-free; the quotient only
/// ever multiplies.
/// </summary>
internal readonly partial struct Fp
{
    /// <summary>p's bits from 195 up, the divisor of the quotient estimate (about 2^58.6).</summary>
    private static readonly ulong QuotientDivisor = FpModulus.Modulus.L3 >> 3;

    /// <summary>⌊2^122 / (divisor + 1)⌋ (below 2^64): the estimate is ⌊(v >> 195)·this / 2^122⌋.</summary>
    private static readonly ulong QuotientReciprocal = (ulong)((UInt128.One << 122) / (QuotientDivisor + 1));

    /// <summary>9a − b.</summary>
    public static Fp NineTimesMinus(in Fp a, in Fp b)
    {
        TimesNine(a.montgomery, out var v0, out var v1, out var v2, out var v3, out var v4);

        // + p − b keeps the value non-negative: 9a + p − b ∈ (0, 10p).
        var p = FpModulus.Modulus;
        ulong carry = 0;
        v0 = AddWithCarry(v0, p.L0, ref carry);
        v1 = AddWithCarry(v1, p.L1, ref carry);
        v2 = AddWithCarry(v2, p.L2, ref carry);
        v3 = AddWithCarry(v3, p.L3, ref carry);
        v4 += carry;
        ulong borrow = 0;
        v0 = SubtractWithBorrow(v0, b.montgomery.L0, ref borrow);
        v1 = SubtractWithBorrow(v1, b.montgomery.L1, ref borrow);
        v2 = SubtractWithBorrow(v2, b.montgomery.L2, ref borrow);
        v3 = SubtractWithBorrow(v3, b.montgomery.L3, ref borrow);
        v4 -= borrow;
        return new(ReduceBelowTenP(v0, v1, v2, v3, v4));
    }

    /// <summary>9a + b.</summary>
    public static Fp NineTimesPlus(in Fp a, in Fp b)
    {
        TimesNine(a.montgomery, out var v0, out var v1, out var v2, out var v3, out var v4);
        ulong carry = 0;
        v0 = AddWithCarry(v0, b.montgomery.L0, ref carry);
        v1 = AddWithCarry(v1, b.montgomery.L1, ref carry);
        v2 = AddWithCarry(v2, b.montgomery.L2, ref carry);
        v3 = AddWithCarry(v3, b.montgomery.L3, ref carry);
        v4 += carry;
        return new(ReduceBelowTenP(v0, v1, v2, v3, v4));
    }

    /// <summary>9a = 8a + a as five words (a &lt; p &lt; 2^254, so 9a &lt; 2^258).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TimesNine(in Limbs256 a, out ulong v0, out ulong v1, out ulong v2, out ulong v3, out ulong v4)
    {
        ulong carry = 0;
        v0 = AddWithCarry(a.L0 << 3, a.L0, ref carry);
        v1 = AddWithCarry((a.L1 << 3) | (a.L0 >> 61), a.L1, ref carry);
        v2 = AddWithCarry((a.L2 << 3) | (a.L1 >> 61), a.L2, ref carry);
        v3 = AddWithCarry((a.L3 << 3) | (a.L2 >> 61), a.L3, ref carry);
        v4 = (a.L3 >> 61) + carry;
    }

    /// <summary>
    /// v mod p for v &lt; 10p. With T = ⌊v / 2^195⌋ and D = ⌊p / 2^195⌋, k = ⌊T·⌊2^122/(D + 1)⌋ / 2^122⌋ is at most
    /// ⌊v/p⌋ (T ≤ v/2^195, D + 1 &gt; p/2^195) and at least ⌊v/p⌋ − 1 (the three truncations lose less than 2^−56
    /// in all against a quotient below 10), so v − k·p lies in [0, 2p) and one masked subtraction finishes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Limbs256 ReduceBelowTenP(ulong v0, ulong v1, ulong v2, ulong v3, ulong v4)
    {
        var top = (v3 >> 3) | (v4 << 61);
        var k = (ulong)(((UInt128)top * QuotientReciprocal) >> 122);

        var p = FpModulus.Modulus;
        ulong borrow = 0;
        var product = (UInt128)k * p.L0;
        var r0 = SubtractWithBorrow(v0, (ulong)product, ref borrow);
        product = ((UInt128)k * p.L1) + (ulong)(product >> 64);
        var r1 = SubtractWithBorrow(v1, (ulong)product, ref borrow);
        product = ((UInt128)k * p.L2) + (ulong)(product >> 64);
        var r2 = SubtractWithBorrow(v2, (ulong)product, ref borrow);
        product = ((UInt128)k * p.L3) + (ulong)(product >> 64);
        var r3 = SubtractWithBorrow(v3, (ulong)product, ref borrow);

        // The fifth word of v − k·p is zero (v − k·p < 2p < 2^255), so it is not formed.
        var value = new Limbs256(r0, r1, r2, r3);
        var reduced = Limbs256.Subtract(value, p, out var finalBorrow);
        return Limbs256.Select(reduced, value, MaskFromBit(finalBorrow));
    }
}
