namespace NexusZero.Lattices;

/// <summary>
/// The scalar negacyclic NTT over Z_q[X]/(X^256 + 1) (FIPS 204 Algorithms 41 and 42, Cooley–Tukey forward
/// and Gentleman–Sande inverse, output in bit-reversed order) with Montgomery twiddles. No reductions
/// between layers: inputs with |a| &lt; q give forward outputs with |a| &lt; 9q.
/// </summary>
internal static class NttScalar
{
    /// <summary>n^−1·2^64 mod q: scales the inverse by 1/256 and, through one Montgomery step, by 2^32.</summary>
    public const int InverseScale = 41978;

    /// <summary>Forward NTT in place.</summary>
    public static void Forward(Span<int> a) => ForwardLayers(a, 128, 1, 0);

    /// <summary>
    /// Runs the forward layers with half-length from <paramref name="fromLength"/> down to
    /// <paramref name="toLength"/>, starting after twiddle index <paramref name="k"/>; returns the next index.
    /// </summary>
    public static int ForwardLayers(Span<int> a, int fromLength, int toLength, int k)
    {
        int[] zetas = NttZetas.Montgomery;
        for (int len = fromLength; len >= toLength; len >>= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                long zeta = zetas[++k];
                for (int j = start; j < start + len; j++)
                {
                    int t = Zq.MontgomeryReduce(zeta * a[j + len]);
                    a[j + len] = a[j] - t;
                    a[j] += t;
                }
            }
        }

        return k;
    }

    /// <summary>Inverse NTT in place, leaving the result multiplied by the Montgomery factor 2^32.</summary>
    public static void InverseToMontgomery(Span<int> a)
    {
        _ = InverseLayers(a, 1, 128, 256);
        for (int j = 0; j < 256; j++)
        {
            a[j] = Zq.MontgomeryReduce((long)InverseScale * a[j]);
        }
    }

    /// <summary>
    /// Runs the inverse layers with half-length from <paramref name="fromLength"/> up to
    /// <paramref name="toLength"/>, starting before twiddle index <paramref name="k"/>; returns the next index.
    /// </summary>
    public static int InverseLayers(Span<int> a, int fromLength, int toLength, int k)
    {
        int[] zetas = NttZetas.Montgomery;
        for (int len = fromLength; len <= toLength; len <<= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                long zeta = -zetas[--k];
                for (int j = start; j < start + len; j++)
                {
                    int t = a[j];
                    a[j] = t + a[j + len];
                    a[j + len] = Zq.MontgomeryReduce(zeta * (t - a[j + len]));
                }
            }
        }

        return k;
    }

    /// <summary>c = a ∘ b · 2^−32 coefficient-wise.</summary>
    public static void PointwiseMontgomery(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> c)
    {
        for (int i = 0; i < 256; i++)
        {
            c[i] = Zq.MontgomeryReduce((long)a[i] * b[i]);
        }
    }

    /// <summary>c += a ∘ b · 2^−32 coefficient-wise.</summary>
    public static void PointwiseMontgomeryAccumulate(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> c)
    {
        for (int i = 0; i < 256; i++)
        {
            c[i] += Zq.MontgomeryReduce((long)a[i] * b[i]);
        }
    }
}
