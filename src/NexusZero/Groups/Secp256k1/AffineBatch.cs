using System.Buffers;

namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// Affine arithmetic on many independent points at once, with every division of a step sharing one
/// field inversion (Montgomery's trick: one inversion plus three multiplications per element). With
/// dozens of points an affine addition then costs about six multiplications, less than any
/// projective formula. Variable time: for verifiers' public points only.
/// </summary>
internal static class AffineBatch
{
    /// <summary>
    /// Replaces every element by its inverse. The elements must all be non-zero (the callers' points
    /// guarantee it); <paramref name="scratch"/> holds at least as many elements.
    /// </summary>
    /// <exception cref="InvalidOperationException">An element is zero: a caller broke its invariant.</exception>
    public static void InvertAll(Span<FieldElement> values, Span<FieldElement> scratch)
    {
        if (values.IsEmpty)
        {
            return;
        }

        // scratch[i] = values[0]·…·values[i]
        scratch[0] = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            scratch[i] = FieldElement.Multiply(scratch[i - 1], values[i]);
        }

        if (scratch[values.Length - 1].IsZeroBit() == 1)
        {
            throw new InvalidOperationException("Batch inversion met a zero element.");
        }

        var inverse = FieldElement.Invert(scratch[values.Length - 1]);
        for (var i = values.Length - 1; i > 0; i--)
        {
            var value = values[i];
            values[i] = FieldElement.Multiply(inverse, scratch[i - 1]);
            inverse = FieldElement.Multiply(inverse, value);
        }

        values[0] = inverse;
    }

    /// <summary>Affine forms of projective points, none of them the identity.</summary>
    public static void ToAffine(ReadOnlySpan<ProjectivePoint> points, Span<AffinePoint> result)
    {
        var count = points.Length;
        var buffer = ArrayPool<FieldElement>.Shared.Rent(Math.Max(1, 2 * count));
        try
        {
            var inverses = buffer.AsSpan(0, count);
            for (var i = 0; i < count; i++)
            {
                inverses[i] = points[i].Z;
            }

            InvertAll(inverses, buffer.AsSpan(count, count));
            for (var i = 0; i < count; i++)
            {
                result[i] = new AffinePoint(FieldElement.Multiply(points[i].X, inverses[i]), FieldElement.Multiply(points[i].Y, inverses[i]));
            }
        }
        finally
        {
            ArrayPool<FieldElement>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Odd multiples P, 3P, …, (2·<paramref name="size"/> − 1)P of every point, into
    /// <paramref name="tables"/>[i·size + k] = (2k + 1)·Pᵢ. First 2Pᵢ for all points (one shared
    /// inversion), then each next multiple as the previous plus 2Pᵢ (one shared inversion per step).
    /// </summary>
    /// <remarks>
    /// No exceptional case can occur: secp256k1 has prime order n and no point of order 2, so 2P has
    /// y ≠ 0, and (2k − 1)P = ±2P would need a multiple of P below 2·size to vanish, impossible for
    /// size ≤ 2^8 and P ≠ identity.
    /// </remarks>
    public static void BuildOddMultiples(ReadOnlySpan<AffinePoint> points, int size, Span<AffinePoint> tables)
    {
        var count = points.Length;
        var buffer = ArrayPool<FieldElement>.Shared.Rent(Math.Max(1, 2 * count));
        var doublesBuffer = ArrayPool<AffinePoint>.Shared.Rent(Math.Max(1, count));
        try
        {
            Fill(points, size, tables, buffer.AsSpan(0, count), buffer.AsSpan(count, count), doublesBuffer.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<FieldElement>.Shared.Return(buffer);
            ArrayPool<AffinePoint>.Shared.Return(doublesBuffer);
        }
    }

    private static void Fill(ReadOnlySpan<AffinePoint> points, int size, Span<AffinePoint> tables, Span<FieldElement> denominators, Span<FieldElement> scratch, Span<AffinePoint> doubles)
    {
        var count = points.Length;

        // 2P: λ = 3x² / 2y, x₂ = λ² − 2x, y₂ = λ·(x − x₂) − y.
        for (var i = 0; i < count; i++)
        {
            denominators[i] = FieldElement.Add(points[i].Y, points[i].Y);
            tables[i * size] = points[i];
        }

        InvertAll(denominators, scratch);
        for (var i = 0; i < count; i++)
        {
            var x = points[i].X;
            var xx = FieldElement.Square(x);
            var lambda = FieldElement.Multiply(FieldElement.Add(FieldElement.Add(xx, xx), xx), denominators[i]);
            var x2 = FieldElement.Subtract(FieldElement.Square(lambda), FieldElement.Add(x, x));
            var y2 = FieldElement.Subtract(FieldElement.Multiply(lambda, FieldElement.Subtract(x, x2)), points[i].Y);
            doubles[i] = new AffinePoint(x2, y2);
        }

        // (2k + 1)P = (2k − 1)P + 2P: λ = (y_D − y_T) / (x_D − x_T), x = λ² − x_T − x_D, y = λ·(x_T − x) − y_T.
        for (var k = 1; k < size; k++)
        {
            for (var i = 0; i < count; i++)
            {
                denominators[i] = FieldElement.Subtract(doubles[i].X, tables[(i * size) + k - 1].X);
            }

            InvertAll(denominators, scratch);
            for (var i = 0; i < count; i++)
            {
                ref readonly var previous = ref tables[(i * size) + k - 1];
                var lambda = FieldElement.Multiply(FieldElement.Subtract(doubles[i].Y, previous.Y), denominators[i]);
                var x = FieldElement.Subtract(FieldElement.Subtract(FieldElement.Square(lambda), previous.X), doubles[i].X);
                var y = FieldElement.Subtract(FieldElement.Multiply(lambda, FieldElement.Subtract(previous.X, x)), previous.Y);
                tables[(i * size) + k] = new AffinePoint(x, y);
            }
        }
    }
}
