using ILGPU;
using ILGPU.Runtime;
using NexusZero.Accelerators.Ilgpu.Kernels;
using NexusZero.Groups.Bn254;

namespace NexusZero.Accelerators.Ilgpu;

/// <summary>
/// Host side of the device Pippenger (G1 and ristretto255): the scalars' signed c-bit digits (the CPU's recoding,
/// <c>Pippenger.SignedDigits</c>) sorted by a counting sort into per-bucket lists, the two kernels, and the final
/// combination of the segments' sums by c doublings per window.
/// </summary>
internal static class IlgpuMsm
{
    /// <summary>The most points (entries are point·2 + sign in an int; with the default 15-bit windows, 17 windows of 2^26 entries stay below 2^31).</summary>
    public const int MaxPoints = 1 << 26;

    /// <summary>The most buckets one reduction thread walks.</summary>
    private const int MaxSegmentLength = 32;

    /// <summary>
    /// The window width: log2 n − 2, between 3 and <see cref="Pippenger.MaxWindowBits"/>, so that a bucket holds about
    /// four points per window and there are enough buckets to fill the device. A first choice, to be tuned by the
    /// device script's timings.
    /// </summary>
    public static int WindowBits(int count)
    {
        var log = count < 2 ? 0 : 31 - int.LeadingZeroCount(count);
        return Math.Clamp(log - 2, 3, Pippenger.MaxWindowBits);
    }

    /// <summary>Recodes and sorts BN254 scalars. The plan holds scalar-derived data: <see cref="MsmPlan.Clear"/> it after use.</summary>
    public static MsmPlan Plan(ReadOnlySpan<Fr> scalars, int windowBits)
    {
        var windows = CheckedWindows(scalars.Length, windowBits);
        return Sort(Pippenger.SignedDigits(scalars, windowBits, windows), scalars.Length, windowBits, windows);
    }

    /// <summary>Recodes and sorts canonical integers below 2^254 (ristretto255 scalars).</summary>
    public static MsmPlan Plan(ReadOnlySpan<Limbs256> canonical, int windowBits)
    {
        var windows = CheckedWindows(canonical.Length, windowBits);
        return Sort(Pippenger.SignedDigits(canonical, windowBits, windows), canonical.Length, windowBits, windows);
    }

    private static int CheckedWindows(int count, int windowBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowBits, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowBits, Pippenger.MaxWindowBits);
        var windows = Pippenger.WindowCount(windowBits);
        if ((long)count * windows > int.MaxValue)
        {
            throw new NotSupportedException($"{count} points in {windows} windows exceed the device MSM's int indices.");
        }

        return windows;
    }

    /// <summary>Counting sort of the (point, sign) entries by window and bucket; clears <paramref name="digits"/>.</summary>
    private static MsmPlan Sort(short[] digits, int count, int windowBits, int windows)
    {
        var buckets = 1 << (windowBits - 1);
        try
        {
            var offsets = new int[(windows * buckets) + 1];
            for (var w = 0; w < windows; w++)
            {
                for (var i = 0; i < count; i++)
                {
                    int digit = digits[(w * count) + i];
                    if (digit != 0)
                    {
                        offsets[(w * buckets) + Math.Abs(digit)]++;
                    }
                }
            }

            for (var b = 1; b < offsets.Length; b++)
            {
                offsets[b] += offsets[b - 1];
            }

            var entries = new int[Math.Max(1, offsets[^1])];
            var cursor = (int[])offsets.Clone();
            for (var w = 0; w < windows; w++)
            {
                for (var i = 0; i < count; i++)
                {
                    int digit = digits[(w * count) + i];
                    if (digit != 0)
                    {
                        var bucket = (w * buckets) + Math.Abs(digit) - 1;
                        entries[cursor[bucket]++] = (i << 1) | (digit < 0 ? 1 : 0);
                    }
                }
            }

            Array.Clear(cursor);
            var segmentLength = Math.Min(buckets, MaxSegmentLength);
            return new MsmPlan(count, windowBits, windows, buckets, segmentLength, offsets, entries);
        }
        finally
        {
            Array.Clear(digits);
        }
    }

    /// <summary>Runs both kernels; returns each window's segment sums, window after window.</summary>
    public static TPoint[] Run<TPoint, TCurve>(
        Accelerator accelerator,
        Action<Index1D, ArrayView<TPoint>, ArrayView<int>, ArrayView<int>, ArrayView<TPoint>, TCurve> accumulate,
        Action<Index1D, ArrayView<TPoint>, ArrayView<TPoint>, int, int, int, TCurve> reduce,
        MsmPlan plan,
        ReadOnlySpan<TPoint> points,
        TCurve curve)
        where TPoint : unmanaged
        where TCurve : struct
    {
        var bucketCount = plan.Windows * plan.BucketsPerWindow;
        var segmentCount = plan.Windows * plan.SegmentsPerWindow;
        using var pointBuffer = accelerator.Allocate1D<TPoint>(points.Length);
        using var offsetBuffer = accelerator.Allocate1D<int>(plan.Offsets.Length);
        using var entryBuffer = accelerator.Allocate1D<int>(plan.Entries.Length);
        using var bucketBuffer = accelerator.Allocate1D<TPoint>(bucketCount);
        using var segmentBuffer = accelerator.Allocate1D<TPoint>(segmentCount);
        pointBuffer.AsContiguous().CopyFromCPU(points);
        offsetBuffer.AsContiguous().CopyFromCPU(new ReadOnlySpan<int>(plan.Offsets));
        entryBuffer.AsContiguous().CopyFromCPU(new ReadOnlySpan<int>(plan.Entries));
        accumulate(bucketCount, pointBuffer.View, offsetBuffer.View, entryBuffer.View, bucketBuffer.View, curve);
        reduce(segmentCount, bucketBuffer.View, segmentBuffer.View, plan.BucketsPerWindow, plan.SegmentLength, plan.WindowBits, curve);
        accelerator.Synchronize();
        var segments = new TPoint[segmentCount];
        segmentBuffer.AsContiguous().CopyToCPU(new Span<TPoint>(segments));

        // The sorted entries and the buckets follow the scalars' digits: wipe them before the memory goes back.
        offsetBuffer.MemSetToZero();
        entryBuffer.MemSetToZero();
        bucketBuffer.MemSetToZero();
        segmentBuffer.MemSetToZero();
        accelerator.Synchronize();
        return segments;
    }

    /// <summary>Σ over windows of 2^(c·w)·(Σ of the window's segment sums), by Horner's rule from the top window.</summary>
    public static G1Point Combine(MsmPlan plan, ReadOnlySpan<G1Point> segments)
    {
        var result = G1Point.Identity;
        for (var w = plan.Windows - 1; w >= 0; w--)
        {
            for (var i = 0; i < plan.WindowBits; i++)
            {
                result = result.Double();
            }

            foreach (var segment in segments.Slice(w * plan.SegmentsPerWindow, plan.SegmentsPerWindow))
            {
                result = result.Add(segment);
            }
        }

        return result;
    }
}

/// <summary>One MSM's recoded, bucket-sorted scalars.</summary>
internal sealed record MsmPlan(int Count, int WindowBits, int Windows, int BucketsPerWindow, int SegmentLength, int[] Offsets, int[] Entries)
{
    public int SegmentsPerWindow => BucketsPerWindow / SegmentLength;

    /// <summary>Wipes the scalar-derived arrays.</summary>
    public void Clear()
    {
        Array.Clear(Offsets);
        Array.Clear(Entries);
    }
}
