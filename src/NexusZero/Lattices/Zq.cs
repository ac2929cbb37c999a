using System.Runtime.CompilerServices;

namespace NexusZero.Lattices;

/// <summary>
/// Arithmetic in Z_q for q = 8380417 = 2^23 − 2^13 + 1 (FIPS 204). Values are kept as signed 32-bit
/// integers in lazily reduced form; Montgomery reduction uses R = 2^32. Every routine is branch-free,
/// so it may run on secret values.
/// </summary>
internal static class Zq
{
    /// <summary>The modulus q.</summary>
    public const int Q = 8380417;

    /// <summary>q^−1 mod 2^32 (as a signed 32-bit value).</summary>
    public const int QInv = 58728449;

    /// <summary>2^32 mod q, centred: the Montgomery form of 1.</summary>
    public const int Montgomery = -4186625;

    /// <summary>Montgomery reduction: for |a| &lt; 2^31·q returns r ≡ a·2^−32 (mod q) with |r| &lt; q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MontgomeryReduce(long a)
    {
        int t = unchecked((int)a * QInv);
        return (int)((a - ((long)t * Q)) >> 32);
    }

    /// <summary>For a ≤ 2^31 − 2^22 − 1 returns r ≡ a (mod q) with −6283008 ≤ r ≤ 6283008.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Reduce32(int a)
    {
        int t = (a + (1 << 22)) >> 23;
        return a - (t * Q);
    }

    /// <summary>Adds q when a is negative (branch-free).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ConditionalAddQ(int a) => a + ((a >> 31) & Q);

    /// <summary>Exact modular exponentiation for setup code (public values only).</summary>
    public static int Power(long baseValue, int exponent)
    {
        long result = 1;
        long b = ((baseValue % Q) + Q) % Q;
        while (exponent > 0)
        {
            if ((exponent & 1) != 0)
            {
                result = result * b % Q;
            }

            b = b * b % Q;
            exponent >>= 1;
        }

        return (int)result;
    }
}
