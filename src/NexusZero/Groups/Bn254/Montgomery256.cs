using System.Runtime.CompilerServices;
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

    /// <summary>a·b·2^−256 mod m.</summary>
    public static Limbs256 Multiply(in Limbs256 a, in Limbs256 b, MontgomeryModulus m)
    {
        var p = m.Modulus;
        var n = m.NegativeInverse;
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        for (var i = 0; i < 4; i++)
        {
            var bi = b[i];
            ulong carry = 0;
            t0 = Limbs256.MultiplyAdd(a.L0, bi, t0, ref carry);
            t1 = Limbs256.MultiplyAdd(a.L1, bi, t1, ref carry);
            t2 = Limbs256.MultiplyAdd(a.L2, bi, t2, ref carry);
            t3 = Limbs256.MultiplyAdd(a.L3, bi, t3, ref carry);
            t4 += carry;

            var q = t0 * n;
            carry = 0;
            Limbs256.MultiplyAdd(q, p.L0, t0, ref carry);
            t0 = Limbs256.MultiplyAdd(q, p.L1, t1, ref carry);
            t1 = Limbs256.MultiplyAdd(q, p.L2, t2, ref carry);
            t2 = Limbs256.MultiplyAdd(q, p.L3, t3, ref carry);
            ulong k = 0;
            t3 = AddWithCarry(t4, carry, ref k);
            t4 = k;
        }

        // t < 2m: one masked subtraction reduces it.
        var value = new Limbs256(t0, t1, t2, t3);
        var reduced = Limbs256.Subtract(value, p, out var borrow);
        borrow ^= t4 & borrow;
        return Limbs256.Select(reduced, value, MaskFromBit(borrow));
    }

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

    /// <summary>True when <paramref name="value"/> &lt; m (canonical), without branching on the value.</summary>
    public static bool IsCanonical(in Limbs256 value, MontgomeryModulus m)
    {
        Limbs256.Subtract(value, m.Modulus, out var borrow);
        return borrow == 1;
    }
}
