using ILGPU;
using ILGPU.Runtime;
using NexusZero.Accelerators.Ilgpu.Kernels;

namespace NexusZero.Accelerators.Ilgpu;

/// <summary>The kernels compiled once for one accelerator.</summary>
internal sealed class IlgpuKernels
{
    public IlgpuKernels(Accelerator accelerator)
    {
        LatticeForward = accelerator.LoadStreamKernel<ArrayView<int>, ArrayView<int>>(LatticeNttKernels.Forward);
        LatticeInverse = accelerator.LoadStreamKernel<ArrayView<int>, ArrayView<int>>(LatticeNttKernels.InverseToMontgomery);
        BitReverse = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<DeviceLimbs>, int>(FrNttKernels.BitReverse);
        Butterfly = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<DeviceLimbs>, ArrayView<DeviceLimbs>, int, int, DeviceModulus>(FrNttKernels.Butterfly);
        Scale = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<DeviceLimbs>, DeviceLimbs, DeviceModulus>(FrNttKernels.Scale);
        MultiplyByPowers = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<DeviceLimbs>, DeviceLimbs, int, DeviceModulus>(FrNttKernels.MultiplyByPowers);
        AccumulateBuckets = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<DeviceProjective>, ArrayView<int>, ArrayView<int>, ArrayView<DeviceProjective>, DeviceCurve>(MsmKernels.AccumulateBuckets);
        ReduceSegments = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<DeviceProjective>, ArrayView<DeviceProjective>, int, int, int, DeviceCurve>(MsmKernels.ReduceSegments);
        AccumulateRistrettoBuckets = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<DeviceEdwards>, ArrayView<int>, ArrayView<int>, ArrayView<DeviceEdwards>, DeviceEdwardsCurve>(RistrettoMsmKernels.AccumulateBuckets);
        ReduceRistrettoSegments = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<DeviceEdwards>, ArrayView<DeviceEdwards>, int, int, int, DeviceEdwardsCurve>(RistrettoMsmKernels.ReduceSegments);
    }

    public Action<KernelConfig, ArrayView<int>, ArrayView<int>> LatticeForward { get; }

    public Action<KernelConfig, ArrayView<int>, ArrayView<int>> LatticeInverse { get; }

    public Action<Index1D, ArrayView<DeviceLimbs>, int> BitReverse { get; }

    public Action<Index1D, ArrayView<DeviceLimbs>, ArrayView<DeviceLimbs>, int, int, DeviceModulus> Butterfly { get; }

    public Action<Index1D, ArrayView<DeviceLimbs>, DeviceLimbs, DeviceModulus> Scale { get; }

    public Action<Index1D, ArrayView<DeviceLimbs>, DeviceLimbs, int, DeviceModulus> MultiplyByPowers { get; }

    public Action<Index1D, ArrayView<DeviceProjective>, ArrayView<int>, ArrayView<int>, ArrayView<DeviceProjective>, DeviceCurve> AccumulateBuckets { get; }

    public Action<Index1D, ArrayView<DeviceProjective>, ArrayView<DeviceProjective>, int, int, int, DeviceCurve> ReduceSegments { get; }

    public Action<Index1D, ArrayView<DeviceEdwards>, ArrayView<int>, ArrayView<int>, ArrayView<DeviceEdwards>, DeviceEdwardsCurve> AccumulateRistrettoBuckets { get; }

    public Action<Index1D, ArrayView<DeviceEdwards>, ArrayView<DeviceEdwards>, int, int, int, DeviceEdwardsCurve> ReduceRistrettoSegments { get; }
}
