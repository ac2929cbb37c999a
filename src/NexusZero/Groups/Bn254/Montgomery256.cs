using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using static NexusZero.Groups.Secp256k1.WordArithmetic;

namespace NexusZero.Groups.Bn254;

/// <summary>
/// Constant-time modular arithmetic on <see cref="Limbs256"/> for a <see cref="MontgomeryModulus"/>:
/// addition, subtraction and CIOS Montgomery multiplication (Koç, Acar, Kaliski 1996). Inputs and
/// outputs are fully reduced; every reduction is a masked subtraction, never a branch.
/// </summary>
internal static class Montgomery256
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Limbs256 Add(in Limbs256 a, in Limbs256 b, MontgomeryModulus m)
    {
        // a + b < 2m < 2^255: no carry out; subtract m unless that borrows.
        var sum = Limbs256.Add(a, b, out _);
        var reduced = Limbs256.Subtract(sum, m.Modulus, out var borrow);
        return Limbs256.Select(reduced, sum, MaskFromBit(borrow));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Limbs256 Subtract(in Limbs256 a, in Limbs256 b, MontgomeryModulus m)
    {
        var difference = Limbs256.Subtract(a, b, out var borrow);
        var corrected = Limbs256.Add(difference, m.Modulus, out _);
        return Limbs256.Select(difference, corrected, MaskFromBit(borrow));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Limbs256 Negate(in Limbs256 a, MontgomeryModulus m) => Subtract(default, a, m);

    /// <summary>
    /// a·b·2^−256 mod m for <paramref name="a"/> &lt; m and any 256-bit <paramref name="b"/> (b's limbs only
    /// ever multiply, so an unreduced b still leaves a result below 2m before the final subtraction).
    /// </summary>
    /// <remarks>
    /// CIOS without the fifth accumulator word (the "no-carry" variant gnark-crypto uses): when the modulus's
    /// top limb is below 2^63 − 1 (checked by <see cref="MontgomeryModulus"/>) and a &lt; m, the two high words
    /// of each round sum without overflow, so the round ends in four words. The rounds are unrolled so that
    /// b's limbs are read by name, not through an indexer that would branch on the round number.
    /// Measured on the CI machine (AMD EPYC, .NET 10), a dependent chain of Fp multiplications: 94.8 ns before
    /// (five-word CIOS, Math.BigMul's out-parameter going through the stack, carries by bit formulas), 51.1 ns
    /// after (benchmarks/scripts/bn254-before-after.sh; docs/benchmarks.md).
    /// </remarks>
    public static Limbs256 Multiply(in Limbs256 a, in Limbs256 b, MontgomeryModulus m) => MultiplyCore(a, b, m.Modulus, m.NegativeInverse);

    /// <summary>
    /// The same multiplication with the modulus given by a type, so the JIT folds its limbs into the
    /// instructions as immediates instead of loading them from the <see cref="MontgomeryModulus"/> object.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Limbs256 Multiply<TModulus>(in Limbs256 a, in Limbs256 b)
        where TModulus : struct, IFixedModulus => MultiplyCore(a, b, TModulus.Modulus, TModulus.NegativeInverse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Limbs256 MultiplyCore(in Limbs256 a, in Limbs256 b, in Limbs256 p, ulong n)
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        Round(a, b.L0, p, n, ref t0, ref t1, ref t2, ref t3);
        Round(a, b.L1, p, n, ref t0, ref t1, ref t2, ref t3);
        Round(a, b.L2, p, n, ref t0, ref t1, ref t2, ref t3);
        Round(a, b.L3, p, n, ref t0, ref t1, ref t2, ref t3);

        // t < 2m: one masked subtraction reduces it.
        var value = new Limbs256(t0, t1, t2, t3);
        var reduced = Limbs256.Subtract(value, p, out var borrow);
        return Limbs256.Select(reduced, value, MaskFromBit(borrow));
    }

    /// <summary>One CIOS round: t ← (t + a·bi + q·p) / 2^64 with q chosen so the low word vanishes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(in Limbs256 a, ulong bi, in Limbs256 p, ulong n, ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3)
    {
        t0 = MultiplyAdd(a.L0, bi, t0, 0, out var productCarry);
        var q = t0 * n;
        MultiplyAdd(q, p.L0, t0, 0, out var reductionCarry);
        t1 = MultiplyAdd(a.L1, bi, t1, productCarry, out productCarry);
        t0 = MultiplyAdd(q, p.L1, t1, reductionCarry, out reductionCarry);
        t2 = MultiplyAdd(a.L2, bi, t2, productCarry, out productCarry);
        t1 = MultiplyAdd(q, p.L2, t2, reductionCarry, out reductionCarry);
        t3 = MultiplyAdd(a.L3, bi, t3, productCarry, out productCarry);
        t2 = MultiplyAdd(q, p.L3, t3, reductionCarry, out reductionCarry);
        t3 = reductionCarry + productCarry;
    }

    /// <summary>x·y + addend + carryIn as a 128-bit value: low word returned, high word in <paramref name="carryOut"/>.</summary>
    /// <remarks>
    /// With BMI2 the high word comes from mulx and the low from a second, independent multiply: Math.BigMul's
    /// low-word out-parameter makes the JIT store and reload it through the stack, which sits on the critical path.
    /// The carries are unsigned comparisons; RyuJIT emits them as cmp + setb (x64) or cmp + cset (arm64), flag
    /// reads with no branch, so their timing does not depend on the operands.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyAdd(ulong x, ulong y, ulong addend, ulong carryIn, out ulong carryOut)
    {
        ulong high, low;
        if (Bmi2.X64.IsSupported)
        {
            high = Bmi2.X64.MultiplyNoFlags(x, y);
            low = x * y;
        }
        else
        {
            high = Math.BigMul(x, y, out low);
        }

        var sum = low + addend;
        high += CarryOut(sum, low);
        var total = sum + carryIn;
        high += CarryOut(total, sum);
        carryOut = high;
        return total;
    }

    /// <summary>1 when <c>sum = addend + something</c> wrapped past 2^64, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CarryOut(ulong sum, ulong addend) => sum < addend ? 1UL : 0UL;

    /// <summary>a^exponent for a public exponent (the bits may steer the loop; the base stays secret-safe).</summary>
    public static Limbs256 Power(in Limbs256 a, in Limbs256 exponent, MontgomeryModulus m)
    {
        var result = m.R;
        for (var i = 255; i >= 0; i--)
        {
            result = Multiply(result, result, m);
            var bit = (exponent[i >> 6] >> (i & 63)) & 1;
            var product = Multiply(result, a, m);
            result = Limbs256.Select(result, product, MaskFromBit(bit));
        }

        return result;
    }

    /// <summary>
    /// a^exponent for a public exponent by fixed 4-bit windows: about 252 squarings and 63 multiplications for a
    /// 256-bit exponent against 256 of each for <see cref="Power(in Limbs256, in Limbs256, MontgomeryModulus)"/>,
    /// the difference an inversion by Fermat pays (p − 2 has 110 one bits). The table index and the skipped
    /// multiplications depend only on the exponent's digits, so the timing does not depend on the base; the
    /// table of the base's powers is cleared before returning.
    /// </summary>
    public static Limbs256 Power<TModulus>(in Limbs256 a, in Limbs256 exponent, in Limbs256 one)
        where TModulus : struct, IFixedModulus
    {
        Span<Limbs256> table = stackalloc Limbs256[16];
        table[0] = one;
        table[1] = a;
        for (var i = 2; i < 16; i++)
        {
            table[i] = Multiply<TModulus>(table[i - 1], a);
        }

        var result = one;
        var started = false;
        for (var nibble = 63; nibble >= 0; nibble--)
        {
            if (started)
            {
                result = Multiply<TModulus>(result, result);
                result = Multiply<TModulus>(result, result);
                result = Multiply<TModulus>(result, result);
                result = Multiply<TModulus>(result, result);
            }

            var digit = (int)((exponent[nibble >> 4] >> ((nibble & 15) * 4)) & 15);
            if (digit != 0)
            {
                result = started ? Multiply<TModulus>(result, table[digit]) : table[digit];
                started = true;
            }
        }

        table.Clear();
        return result;
    }

    /// <summary>True when <paramref name="value"/> &lt; m (canonical), without branching on the value.</summary>
    public static bool IsCanonical(in Limbs256 value, MontgomeryModulus m)
    {
        Limbs256.Subtract(value, m.Modulus, out var borrow);
        return borrow == 1;
    }
}
