using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Precomputed multiples of the ristretto255 generator B, built once on first use (thread-safe lazy
/// initialization by the runtime's static constructor semantics).
/// </summary>
/// <remarks>
/// <para>Comb table: <c>Comb[8·i + j] = (j + 1)·256^i·B</c> for i &lt; 32, j &lt; 8, in affine Niels form
/// (30 KiB). k·B = Σ eᵢ·16^i·B with signed radix-16 digits eᵢ ∈ [−8, 8]: the odd-indexed digits are
/// summed first, multiplied by 16, then the even-indexed digits added, so one k·B costs 64 mixed
/// additions and 4 doublings. Every lookup reads all 8 entries of a row with masks: constant time.</para>
/// <para>Odd multiples: <c>OddMultiples[i] = (2i + 1)·B</c> for i &lt; 64, for width-8 NAF in the
/// variable-time paths (verifiers).</para>
/// </remarks>
[SkipLocalsInit]
internal static class BasePointTable
{
    private const int Rows = 32;
    private const int RowLength = 8;
    private const int OddMultipleCount = 64;

    /// <summary>The NAF width matching <see cref="OddMultiples"/>.</summary>
    internal const int NafWidth = 8;

    private static readonly AffineNielsPoint[] Comb = BuildComb();

    /// <summary>(2i + 1)·B for i &lt; 64.</summary>
    internal static ReadOnlySpan<AffineNielsPoint> OddMultiples => OddMultiplesTable.Values;

    private static AffineNielsPoint[] BuildComb()
    {
        var points = new EdwardsPoint[Rows * RowLength];
        var rowBase = EdwardsPoint.BasePoint;
        for (int i = 0; i < Rows; i++)
        {
            var multiple = rowBase;
            for (int j = 0; j < RowLength; j++)
            {
                points[(i * RowLength) + j] = multiple;
                multiple = multiple.Add(rowBase);
            }

            rowBase = rowBase.MultiplyByPowerOfTwo(8);
        }

        var table = new AffineNielsPoint[points.Length];
        PointBatch.ToAffineNiels(points, table);
        return table;
    }

    /// <summary>k·B in constant time with respect to <paramref name="scalar"/>.</summary>
    internal static EdwardsPoint Multiply(in Scalar scalar)
    {
        Span<sbyte> digits = stackalloc sbyte[64];
        try
        {
            scalar.ToRadix16(digits);
            ReadOnlySpan<AffineNielsPoint> comb = Comb;
            var q = EdwardsPoint.Identity;
            for (int i = 1; i < 64; i += 2)
            {
                var entry = AffineNielsPoint.Lookup(comb.Slice((i / 2) * RowLength, RowLength), digits[i]);
                q = CompletedPoint.Add(q, entry).ToExtended();
            }

            q = q.MultiplyByPowerOfTwo(4);
            for (int i = 0; i < 64; i += 2)
            {
                var entry = AffineNielsPoint.Lookup(comb.Slice((i / 2) * RowLength, RowLength), digits[i]);
                q = CompletedPoint.Add(q, entry).ToExtended();
            }

            return q;
        }
        finally
        {
            digits.Clear();
        }
    }

    /// <summary>Separate holder so the variable-time table is only built when a verifier needs it.</summary>
    private static class OddMultiplesTable
    {
        internal static readonly AffineNielsPoint[] Values = Build();

        private static AffineNielsPoint[] Build()
        {
            var points = new EdwardsPoint[OddMultipleCount];
            var twice = EdwardsPoint.BasePoint.Double();
            points[0] = EdwardsPoint.BasePoint;
            for (int i = 1; i < OddMultipleCount; i++)
            {
                points[i] = points[i - 1].Add(twice);
            }

            var table = new AffineNielsPoint[OddMultipleCount];
            PointBatch.ToAffineNiels(points, table);
            return table;
        }
    }
}
