namespace NexusZero.Lattices;

/// <summary>
/// Coefficient-wise operations on polynomials of Z_q[X]/(X^256 + 1), each stored as 256 signed 32-bit
/// coefficients in a span. All routines are branch-free on coefficient values.
/// </summary>
internal static class Polynomial
{
    /// <summary>The ring degree n.</summary>
    public const int N = 256;

    /// <summary>Applies <see cref="Zq.Reduce32"/> to every coefficient.</summary>
    public static void Reduce(Span<int> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = Zq.Reduce32(a[i]);
        }
    }

    /// <summary>Applies <see cref="Zq.ConditionalAddQ"/> to every coefficient.</summary>
    public static void ConditionalAddQ(Span<int> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = Zq.ConditionalAddQ(a[i]);
        }
    }

    /// <summary>Multiplies every coefficient by 2^<paramref name="bits"/> (no reduction).</summary>
    public static void ShiftLeft(Span<int> a, int bits)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a[i] <<= bits;
        }
    }

    /// <summary>
    /// True when some coefficient, read as its centred representative after <see cref="Zq.Reduce32"/>,
    /// has absolute value ≥ <paramref name="bound"/>. Constant-time: it scans all coefficients and never
    /// reveals which one (or which sign) exceeded the bound; only the verdict, which FIPS 204 makes public.
    /// </summary>
    public static bool InfinityNormAtLeast(ReadOnlySpan<int> a, int bound)
    {
        if (bound > (Zq.Q - 1) / 8)
        {
            return true;
        }

        int violation = 0;
        for (int i = 0; i < a.Length; i++)
        {
            int sign = a[i] >> 31;
            int absolute = a[i] - (sign & (2 * a[i]));
            violation |= (bound - 1 - absolute) >> 31;
        }

        return violation != 0;
    }
}
