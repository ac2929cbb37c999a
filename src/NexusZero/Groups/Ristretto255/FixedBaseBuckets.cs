using System.Buffers;
using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Σ kᵢ·Pᵢ over fixed points with precomputed window multiples 2^(c·j)·Pᵢ (<see cref="FixedBaseTable.WindowMultiples"/>):
/// the bucket method with every window folded into one set of buckets, so there are no doublings.
/// Each signed radix-2^c digit d of kᵢ adds ±2^(c·j)·Pᵢ to bucket |d|, and Σ d·bucket_d comes from a
/// running sum. About 253/c mixed additions per point plus 2^c for the running sum, reading the
/// precomputed points in order (the buckets stay in cache), where interleaved wNAF reads a random
/// table entry per addition.
/// </summary>
/// <remarks>Variable time: public scalars only.</remarks>
[SkipLocalsInit]
internal static class FixedBaseBuckets
{
    private static readonly FieldElement Four = new(4, 0, 0, 0, 0);

    /// <summary>Σ scalars[i]·Pᵢ; every table must have window multiples of width <paramref name="windowWidth"/>.</summary>
    internal static EdwardsPoint Sum(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<FixedBaseTable> tables, int windowWidth)
    {
        int digitCount = Scalar.SignedRadix2WLength(windowWidth);
        int bucketCount = 1 << (windowWidth - 1);
        var buckets = ArrayPool<EdwardsPoint>.Shared.Rent(bucketCount);
        var filled = ArrayPool<bool>.Shared.Rent(bucketCount);
        Span<short> digits = stackalloc short[digitCount];
        try
        {
            filled.AsSpan(0, bucketCount).Clear();
            for (int i = 0; i < scalars.Length; i++)
            {
                if (scalars[i].IsZero() == 1)
                {
                    continue;
                }

                // k and −k·(−P): the smaller of k and ℓ − k is below 2^251, so its top digit is almost
                // never non-zero (one addition fewer per point for about half of them).
                var k = scalars[i];
                var negated = -k;
                bool flip = IsSmaller(negated, k);
                (flip ? negated : k).ToSignedRadix2W(digits, windowWidth);
                var multiples = tables[i].WindowMultiples;
                for (int j = 0; j < digitCount; j++)
                {
                    int d = flip ? -digits[j] : digits[j];
                    if (d == 0)
                    {
                        continue;
                    }

                    int b = (d > 0 ? d : -d) - 1;
                    ref readonly var entry = ref multiples[j];
                    ref var bucket = ref buckets[b];
                    if (!filled[b])
                    {
                        bucket = d > 0 ? ToExtended(entry) : ToExtended(entry).Negate();
                        filled[b] = true;
                    }
                    else if (d > 0)
                    {
                        bucket = CompletedPoint.Add(bucket, entry).ToExtended();
                    }
                    else
                    {
                        bucket = CompletedPoint.Subtract(bucket, entry).ToExtended();
                    }
                }
            }

            // Σ (b + 1)·bucket[b] as a running sum from the top bucket down, skipping empty ones.
            var running = EdwardsPoint.Identity;
            var sum = EdwardsPoint.Identity;
            bool runningSet = false;
            bool sumSet = false;
            for (int b = bucketCount - 1; b >= 0; b--)
            {
                if (filled[b])
                {
                    running = runningSet ? running.Add(buckets[b]) : buckets[b];
                    runningSet = true;
                }

                if (runningSet)
                {
                    sum = sumSet ? sum.Add(running) : running;
                    sumSet = true;
                }
            }

            return sum;
        }
        finally
        {
            ArrayPool<EdwardsPoint>.Shared.Return(buckets);
            ArrayPool<bool>.Shared.Return(filled);
        }
    }

    /// <summary>a &lt; b as integers (variable time).</summary>
    private static bool IsSmaller(in Scalar a, in Scalar b)
    {
        if (a.L3 != b.L3)
        {
            return a.L3 < b.L3;
        }

        if (a.L2 != b.L2)
        {
            return a.L2 < b.L2;
        }

        return a.L1 != b.L1 ? a.L1 < b.L1 : a.L0 < b.L0;
    }

    /// <summary>
    /// Extended coordinates of an affine Niels point with one multiplication: with X′ = (y + x) − (y − x) = 2x
    /// and Y′ = (y + x) + (y − x) = 2y, the point is (2X′ : 2Y′ : 4 : X′·Y′).
    /// </summary>
    private static EdwardsPoint ToExtended(in AffineNielsPoint p)
    {
        var x = p.YPlusX - p.YMinusX;
        var y = p.YPlusX - (-p.YMinusX);
        return new EdwardsPoint(x + x, y + y, Four, x * y);
    }
}
