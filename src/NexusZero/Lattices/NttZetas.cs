namespace NexusZero.Lattices;

/// <summary>
/// The FIPS 204 NTT twiddle factors: zetas[k] = ζ^BitRev8(k) mod q for the 512th root of unity ζ = 1753,
/// stored in Montgomery form (multiplied by 2^32) and centred in (−q/2, q/2], as the NTT consumes them.
/// </summary>
internal static class NttZetas
{
    /// <summary>The primitive 512th root of unity modulo q that FIPS 204 fixes.</summary>
    public const int Root = 1753;

    /// <summary>zetas[k] in Montgomery form for k = 0..255 (index 0 is unused by the transform).</summary>
    public static readonly int[] Montgomery = Compute();

    /// <summary>zetas[k] in standard form, in [0, q); the reference for tests and the naive transform.</summary>
    public static readonly int[] Plain = ComputePlain();

    /// <summary>Reverses the low 8 bits of <paramref name="k"/>.</summary>
    public static int BitReverse8(int k)
    {
        int r = 0;
        for (int i = 0; i < 8; i++)
        {
            r |= ((k >> i) & 1) << (7 - i);
        }

        return r;
    }

    private static int[] ComputePlain()
    {
        var zetas = new int[256];
        for (int k = 0; k < 256; k++)
        {
            zetas[k] = Zq.Power(Root, BitReverse8(k));
        }

        return zetas;
    }

    private static int[] Compute()
    {
        int[] plain = ComputePlain();
        var zetas = new int[256];
        long r = (1L << 32) % Zq.Q;
        for (int k = 0; k < 256; k++)
        {
            long v = plain[k] * r % Zq.Q;
            zetas[k] = (int)(v > Zq.Q / 2 ? v - Zq.Q : v);
        }

        return zetas;
    }
}
