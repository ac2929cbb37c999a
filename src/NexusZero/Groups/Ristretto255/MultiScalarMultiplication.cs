using System.Buffers;
using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Variable-time multi-scalar multiplication Σ kᵢ·Pᵢ for verifiers and public data: interleaved
/// width-5 NAF (Straus) for few points, the bucket method (Pippenger) for many.
/// </summary>
/// <remarks>
/// Internal fast API, e.g. for Bulletproofs: <c>MultiplyVarTime(scalars, points)</c> over spans of
/// <see cref="Scalar"/> and <see cref="EdwardsPoint"/>; the overload with a base scalar adds b·B using
/// the precomputed generator table. Scratch memory comes from <see cref="ArrayPool{T}"/>; nothing
/// is allocated per point on the managed heap beyond that. Never pass secret scalars.
/// </remarks>
[SkipLocalsInit]
internal static class MultiScalarMultiplication
{
    /// <summary>From this many points on, Pippenger beats Straus on this implementation (measured crossover between 128 and 192).</summary>
    internal const int PippengerThreshold = 160;

    private const int StrausNafWidth = 5;
    private const int StrausTableLength = 8;

    /// <summary>Σ scalars[i]·points[i].</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    internal static EdwardsPoint MultiplyVarTime(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points)
    {
        if (scalars.Length != points.Length)
        {
            throw new ArgumentException($"Got {scalars.Length} scalars but {points.Length} points.", nameof(points));
        }

        return points.Length >= PippengerThreshold ? Pippenger(scalars, points) : Straus(scalars, points, null);
    }

    /// <summary>baseScalar·B + Σ scalars[i]·points[i] for the generator B.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    internal static EdwardsPoint MultiplyVarTime(in Scalar baseScalar, ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points)
    {
        if (scalars.Length != points.Length)
        {
            throw new ArgumentException($"Got {scalars.Length} scalars but {points.Length} points.", nameof(points));
        }

        if (points.Length >= PippengerThreshold)
        {
            var sum = Pippenger(scalars, points);
            var b = ScalarMultiplication.MultiplyBaseVarTime(baseScalar);
            return sum.Add(b);
        }

        return Straus(scalars, points, baseScalar);
    }

    /// <summary>Interleaved wNAF: one shared doubling chain, one table of odd multiples per point.</summary>
    internal static EdwardsPoint Straus(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points, Scalar? baseScalar)
    {
        int n = points.Length;
        var tables = ArrayPool<ProjectiveNielsPoint>.Shared.Rent(Math.Max(1, n * StrausTableLength));
        var nafs = ArrayPool<sbyte>.Shared.Rent(Math.Max(1, n * 256));
        try
        {
            for (int i = 0; i < n; i++)
            {
                ScalarMultiplication.OddMultiples(points[i], tables.AsSpan(i * StrausTableLength, StrausTableLength));
                scalars[i].ToNonAdjacentForm(nafs.AsSpan(i * 256, 256), StrausNafWidth);
            }

            Span<sbyte> baseNaf = stackalloc sbyte[256];
            if (baseScalar is { } b)
            {
                b.ToNonAdjacentForm(baseNaf, BasePointTable.NafWidth);
            }
            else
            {
                baseNaf.Clear();
            }

            ReadOnlySpan<AffineNielsPoint> baseTable = baseScalar.HasValue ? BasePointTable.OddMultiples : default;

            int top = 255;
            while (top >= 0 && !AnyDigitAt(nafs, n, baseNaf, top))
            {
                top--;
            }

            var r = ProjectivePoint.Identity;
            for (int bit = top; bit >= 0; bit--)
            {
                var t = r.Double();
                for (int i = 0; i < n; i++)
                {
                    int d = nafs[(i * 256) + bit];
                    if (d > 0)
                    {
                        t = CompletedPoint.Add(t.ToExtended(), tables[(i * StrausTableLength) + (d / 2)]);
                    }
                    else if (d < 0)
                    {
                        t = CompletedPoint.Subtract(t.ToExtended(), tables[(i * StrausTableLength) + (-d / 2)]);
                    }
                }

                int db = baseNaf[bit];
                if (db > 0)
                {
                    t = CompletedPoint.Add(t.ToExtended(), baseTable[db / 2]);
                }
                else if (db < 0)
                {
                    t = CompletedPoint.Subtract(t.ToExtended(), baseTable[-db / 2]);
                }

                r = t.ToProjective();
            }

            return r.ToExtended();
        }
        finally
        {
            ArrayPool<ProjectiveNielsPoint>.Shared.Return(tables);
            ArrayPool<sbyte>.Shared.Return(nafs);
        }
    }

    private static bool AnyDigitAt(sbyte[] nafs, int n, ReadOnlySpan<sbyte> baseNaf, int bit)
    {
        if (baseNaf[bit] != 0)
        {
            return true;
        }

        for (int i = 0; i < n; i++)
        {
            if (nafs[(i * 256) + bit] != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Window width (bits per signed digit) for Pippenger with <paramref name="n"/> points.</summary>
    internal static int PippengerWindow(int n) => n switch
    {
        < 128 => 5,
        < 500 => 6,
        < 1500 => 7,
        _ => 8,
    };

    /// <summary>
    /// Bucket method: signed radix-2^c digits; per window, each point goes into the bucket of its digit
    /// (negated for negative digits), the buckets are combined by a running sum, and windows are
    /// joined by c doublings.
    /// </summary>
    internal static EdwardsPoint Pippenger(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points)
    {
        int n = points.Length;
        int c = PippengerWindow(n);
        int digitCount = Scalar.SignedRadix2WLength(c);
        int bucketCount = 1 << (c - 1);
        var digits = ArrayPool<short>.Shared.Rent(Math.Max(1, n * digitCount));
        var cached = ArrayPool<AffineNielsPoint>.Shared.Rent(Math.Max(1, n));
        var buckets = ArrayPool<EdwardsPoint>.Shared.Rent(bucketCount);
        try
        {
            // Affine points make every bucket addition a mixed addition; one shared inversion pays for it.
            PointBatch.ToAffineNiels(points, cached.AsSpan(0, n));
            for (int i = 0; i < n; i++)
            {
                scalars[i].ToSignedRadix2W(digits.AsSpan(i * digitCount, digitCount), c);
            }

            var result = EdwardsPoint.Identity;
            for (int w = digitCount - 1; w >= 0; w--)
            {
                buckets.AsSpan(0, bucketCount).Fill(EdwardsPoint.Identity);
                for (int i = 0; i < n; i++)
                {
                    int d = digits[(i * digitCount) + w];
                    if (d > 0)
                    {
                        buckets[d - 1] = CompletedPoint.Add(buckets[d - 1], cached[i]).ToExtended();
                    }
                    else if (d < 0)
                    {
                        buckets[-d - 1] = CompletedPoint.Subtract(buckets[-d - 1], cached[i]).ToExtended();
                    }
                }

                // Σ (j + 1)·bucket[j] as a running sum from the top bucket down.
                var running = buckets[bucketCount - 1];
                var windowSum = running;
                for (int j = bucketCount - 2; j >= 0; j--)
                {
                    running = running.Add(buckets[j]);
                    windowSum = windowSum.Add(running);
                }

                result = w == digitCount - 1 ? windowSum : result.MultiplyByPowerOfTwo(c).Add(windowSum);
            }

            return result;
        }
        finally
        {
            ArrayPool<short>.Shared.Return(digits);
            ArrayPool<AffineNielsPoint>.Shared.Return(cached);
            ArrayPool<EdwardsPoint>.Shared.Return(buckets);
        }
    }
}
