using ILGPU;

namespace NexusZero.Accelerators.Ilgpu.Kernels;

/// <summary>
/// Pippenger on the device, after the host has recoded the scalars into signed c-bit digits and sorted the
/// (point, sign) entries by window and bucket: one thread per bucket sums its points, then one thread per segment of
/// consecutive buckets forms that segment's share of Σ d·bucket[d], so the reduction of a window runs in parallel too.
/// </summary>
internal static class MsmKernels
{
    /// <summary>
    /// Bucket <paramref name="index"/> (window·buckets + d − 1) ← Σ ±points over entries[offsets[index] .. offsets[index + 1]),
    /// each entry point·2 + (1 when the digit is negative).
    /// </summary>
    public static void AccumulateBuckets(Index1D index, ArrayView<DeviceProjective> points, ArrayView<int> offsets, ArrayView<int> entries, ArrayView<DeviceProjective> buckets, DeviceCurve curve)
    {
        var sum = DevicePoint.Identity(curve);
        var end = offsets[index + 1];
        for (var e = offsets[index]; e < end; e++)
        {
            var entry = entries[e];
            var point = DevicePoint.ConditionalNegate(points[entry >> 1], 0u - (uint)(entry & 1), curve);
            sum = DevicePoint.Add(sum, point, curve);
        }

        buckets[index] = sum;
    }

    /// <summary>
    /// Segment s of window w (<paramref name="index"/> = w·segments + s) covers buckets lo … lo + length − 1 (digits lo + 1 …):
    /// its share of Σ d·bucket is the running-sum total Σ (d − lo)·bucket plus lo·(Σ bucket).
    /// </summary>
    public static void ReduceSegments(Index1D index, ArrayView<DeviceProjective> buckets, ArrayView<DeviceProjective> segments, int bucketsPerWindow, int segmentLength, int bits, DeviceCurve curve)
    {
        var segmentsPerWindow = bucketsPerWindow / segmentLength;
        var window = index / segmentsPerWindow;
        var lo = (index % segmentsPerWindow) * segmentLength;
        var first = (window * bucketsPerWindow) + lo;
        var running = DevicePoint.Identity(curve);
        var total = DevicePoint.Identity(curve);
        for (var d = segmentLength - 1; d >= 0; d--)
        {
            running = DevicePoint.Add(running, buckets[first + d], curve);
            total = DevicePoint.Add(total, running, curve);
        }

        segments[index] = DevicePoint.Add(total, DevicePoint.MultiplySmall(running, lo, bits, curve), curve);
    }
}
