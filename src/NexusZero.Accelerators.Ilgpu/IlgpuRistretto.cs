using System.Runtime.InteropServices;
using ILGPU.Runtime;
using NexusZero.Accelerators.Ilgpu.Kernels;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Accelerators.Ilgpu;

/// <summary>
/// Host side of the ristretto255 MSM: the core keeps field elements on five 51-bit limbs, the kernels on eight 32-bit
/// limbs in Montgomery form mod 2^255 − 19, so points go over as canonical bytes and are put into Montgomery form on the
/// device (one multiplication by R² = 1444 per coordinate), and the segment sums come back the same way.
/// </summary>
internal static class IlgpuRistretto
{
    /// <summary>The points' coordinates as canonical limbs, ready for <see cref="ToMontgomery"/>.</summary>
    public static DeviceEdwards[] ToDevice(ReadOnlySpan<EdwardsPoint> points)
    {
        var device = new DeviceEdwards[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            device[i].X = DeviceConstants.FromFieldElement(points[i].X);
            device[i].Y = DeviceConstants.FromFieldElement(points[i].Y);
            device[i].Z = DeviceConstants.FromFieldElement(points[i].Z);
            device[i].T = DeviceConstants.FromFieldElement(points[i].T);
        }

        return device;
    }

    /// <summary>Every coordinate into Montgomery form, on the device, in place.</summary>
    public static void ToMontgomery(Accelerator accelerator, IlgpuKernels kernels, DeviceEdwards[] points)
    {
        var limbs = MemoryMarshal.Cast<DeviceEdwards, DeviceLimbs>(points.AsSpan());
        using var buffer = accelerator.Allocate1D<DeviceLimbs>(limbs.Length);
        buffer.AsContiguous().CopyFromCPU((ReadOnlySpan<DeviceLimbs>)limbs);
        kernels.Scale(limbs.Length, buffer.View, DeviceConstants.Curve25519R2, DeviceConstants.Curve25519);
        accelerator.Synchronize();
        buffer.AsContiguous().CopyToCPU(limbs);
    }

    /// <summary>Σ over windows of 2^(c·w)·(Σ of the window's segment sums), the segments converted back on the host.</summary>
    public static EdwardsPoint Combine(MsmPlan plan, ReadOnlySpan<DeviceEdwards> segments)
    {
        var m = DeviceConstants.Curve25519;
        var one = DeviceConstants.CanonicalOne;
        var result = EdwardsPoint.Identity;
        for (var w = plan.Windows - 1; w >= 0; w--)
        {
            result = result.MultiplyByPowerOfTwo(plan.WindowBits);
            foreach (var segment in segments.Slice(w * plan.SegmentsPerWindow, plan.SegmentsPerWindow))
            {
                var point = new EdwardsPoint(
                    DeviceConstants.ToFieldElement(DeviceArithmetic.Multiply(segment.X, one, m)),
                    DeviceConstants.ToFieldElement(DeviceArithmetic.Multiply(segment.Y, one, m)),
                    DeviceConstants.ToFieldElement(DeviceArithmetic.Multiply(segment.Z, one, m)),
                    DeviceConstants.ToFieldElement(DeviceArithmetic.Multiply(segment.T, one, m)));
                result = result.Add(point);
            }
        }

        return result;
    }
}
