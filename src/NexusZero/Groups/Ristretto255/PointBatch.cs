using System.Buffers;

namespace NexusZero.Groups.Ristretto255;

/// <summary>Conversions of many points at once, sharing one field inversion (Montgomery's trick).</summary>
internal static class PointBatch
{
    /// <summary>Writes the affine Niels form of every point using a single inversion. Public data only.</summary>
    internal static void ToAffineNiels(ReadOnlySpan<EdwardsPoint> points, Span<AffineNielsPoint> destination)
    {
        int n = points.Length;
        var rented = ArrayPool<FieldElement>.Shared.Rent(Math.Max(1, n));
        var prefix = rented.AsSpan(0, n);
        var acc = FieldElement.One;
        for (int i = 0; i < n; i++)
        {
            prefix[i] = acc;
            acc = acc * points[i].Z;
        }

        var inv = acc.Invert();
        for (int i = n - 1; i >= 0; i--)
        {
            var zInv = inv * prefix[i];
            inv = inv * points[i].Z;
            var x = points[i].X * zInv;
            var y = points[i].Y * zInv;
            destination[i] = new AffineNielsPoint(y + x, y - x, x * y * FieldElement.D2);
        }

        ArrayPool<FieldElement>.Shared.Return(rented);
    }
}
