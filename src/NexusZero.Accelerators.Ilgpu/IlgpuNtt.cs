using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using NexusZero.Accelerators.Ilgpu.Kernels;
using NexusZero.Compute;
using NexusZero.Groups.Bn254;
using NexusZero.Lattices;

namespace NexusZero.Accelerators.Ilgpu;

/// <summary>Host side of the NTTs: upload, the kernel sequence each transform needs, download.</summary>
internal static class IlgpuNtt
{
    private static readonly DeviceLimbs CosetShift = DeviceConstants.Limbs(FrDomain.CosetShift.MontgomeryLimbs);
    private static readonly DeviceLimbs CosetShiftInverse = DeviceConstants.Limbs(FrDomain.CosetShift.Invert().MontgomeryLimbs);

    /// <summary>The transform of every vector of the batch, in place; the span is written only after the device finished.</summary>
    public static void TransformFr(Accelerator accelerator, IlgpuKernels kernels, FrDomain domain, Span<DeviceLimbs> values, FrTransform kind)
    {
        var m = DeviceConstants.Fr;
        using var buffer = accelerator.Allocate1D<DeviceLimbs>(values.Length);
        buffer.AsContiguous().CopyFromCPU((ReadOnlySpan<DeviceLimbs>)values);
        var view = buffer.View;
        var sizeInverse = DeviceConstants.Limbs(domain.SizeInverse.MontgomeryLimbs);
        switch (kind)
        {
            case FrTransform.Forward:
                Layers(accelerator, kernels, domain, view, domain.Twiddles);
                break;
            case FrTransform.Inverse:
                Layers(accelerator, kernels, domain, view, domain.InverseTwiddles);
                kernels.Scale(values.Length, view, sizeInverse, m);
                break;
            case FrTransform.CosetForward:
                kernels.MultiplyByPowers(values.Length, view, CosetShift, domain.LogSize, m);
                Layers(accelerator, kernels, domain, view, domain.Twiddles);
                break;
            case FrTransform.CosetInverse:
                Layers(accelerator, kernels, domain, view, domain.InverseTwiddles);
                kernels.Scale(values.Length, view, sizeInverse, m);
                kernels.MultiplyByPowers(values.Length, view, CosetShiftInverse, domain.LogSize, m);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a known Fr transform.");
        }

        accelerator.Synchronize();
        buffer.AsContiguous().CopyToCPU(values);
        buffer.MemSetToZero();
        accelerator.Synchronize();
    }

    /// <summary>The lattice NTT of every polynomial of the batch, one thread group each.</summary>
    public static void Lattice(Accelerator accelerator, IlgpuKernels kernels, MemoryBuffer1D<int, Stride1D.Dense> zetas, Span<int> polynomials, bool inverse)
    {
        using var buffer = accelerator.Allocate1D<int>(polynomials.Length);
        buffer.AsContiguous().CopyFromCPU((ReadOnlySpan<int>)polynomials);
        var config = new KernelConfig(polynomials.Length / Polynomial.N, Math.Min(LatticeNttKernels.MaxGroupSize, accelerator.MaxNumThreadsPerGroup));
        if (inverse)
        {
            kernels.LatticeInverse(config, buffer.View, zetas.View);
        }
        else
        {
            kernels.LatticeForward(config, buffer.View, zetas.View);
        }

        accelerator.Synchronize();
        buffer.AsContiguous().CopyToCPU(polynomials);
        buffer.MemSetToZero();
        accelerator.Synchronize();
    }

    private static void Layers(Accelerator accelerator, IlgpuKernels kernels, FrDomain domain, ArrayView<DeviceLimbs> values, ReadOnlySpan<Fr> twiddles)
    {
        if (domain.Size == 1)
        {
            return;
        }

        using var twiddleBuffer = accelerator.Allocate1D<DeviceLimbs>(twiddles.Length);
        twiddleBuffer.AsContiguous().CopyFromCPU(MemoryMarshal.Cast<Fr, DeviceLimbs>(twiddles));
        var m = DeviceConstants.Fr;
        kernels.BitReverse((int)values.Length, values, domain.LogSize);
        for (var half = 1; half < domain.Size; half <<= 1)
        {
            kernels.Butterfly((int)(values.Length / 2), values, twiddleBuffer.View, domain.LogSize, half, m);
        }

        // The twiddle buffer is released when this returns: the layers must have run by then.
        accelerator.Synchronize();
    }
}
