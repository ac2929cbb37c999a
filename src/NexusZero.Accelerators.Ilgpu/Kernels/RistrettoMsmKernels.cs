using ILGPU;

namespace NexusZero.Accelerators.Ilgpu.Kernels;

/// <summary>The two Pippenger kernels of <see cref="MsmKernels"/> on edwards25519 points (ristretto255).</summary>
internal static class RistrettoMsmKernels
{
    /// <summary>Bucket <paramref name="index"/> ← Σ ±points over its sorted entries (point·2 + 1 when the digit is negative).</summary>
    public static void AccumulateBuckets(Index1D index, ArrayView<DeviceEdwards> points, ArrayView<int> offsets, ArrayView<int> entries, ArrayView<DeviceEdwards> buckets, DeviceEdwardsCurve curve)
    {
        var sum = DeviceEdwardsPoint.Identity(curve);
        var end = offsets[index + 1];
        for (var e = offsets[index]; e < end; e++)
        {
            var entry = entries[e];
            var point = DeviceEdwardsPoint.ConditionalNegate(points[entry >> 1], 0u - (uint)(entry & 1), curve);
            sum = DeviceEdwardsPoint.Add(sum, point, curve);
        }

        buckets[index] = sum;
    }

    /// <summary>One segment's share of Σ d·bucket: the running-sum total plus lo·(Σ bucket), as in <see cref="MsmKernels.ReduceSegments"/>.</summary>
    public static void ReduceSegments(Index1D index, ArrayView<DeviceEdwards> buckets, ArrayView<DeviceEdwards> segments, int bucketsPerWindow, int segmentLength, int bits, DeviceEdwardsCurve curve)
    {
        var segmentsPerWindow = bucketsPerWindow / segmentLength;
        var window = index / segmentsPerWindow;
        var lo = (index % segmentsPerWindow) * segmentLength;
        var first = (window * bucketsPerWindow) + lo;
        var running = DeviceEdwardsPoint.Identity(curve);
        var total = DeviceEdwardsPoint.Identity(curve);
        for (var d = segmentLength - 1; d >= 0; d--)
        {
            running = DeviceEdwardsPoint.Add(running, buckets[first + d], curve);
            total = DeviceEdwardsPoint.Add(total, running, curve);
        }

        segments[index] = DeviceEdwardsPoint.Add(total, DeviceEdwardsPoint.MultiplySmall(running, lo, bits, curve), curve);
    }
}
