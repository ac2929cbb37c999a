using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using NexusZero.Accelerators.Ilgpu.Kernels;
using NexusZero.Compute;
using NexusZero.Groups.Bn254;
using NexusZero.Groups.Ristretto255;
using NexusZero.Lattices;

namespace NexusZero.Accelerators.Ilgpu;

/// <summary>
/// The ILGPU backend of <see cref="ComputeBackend"/>: BN254 G1 and ristretto255 multi-scalar multiplication (Pippenger
/// with device bucket accumulation and reduction), batched NTTs over BN254's Fr and over the ML-DSA ring. G2 MSMs stay on the CPU.
/// Results are bit-identical to the CPU backend's. Use it through <see cref="ComputeOptions"/>, for example
/// <c>ComputeOptions.Automatic(IlgpuComputeBackend.TryCreateCuda())</c>; a failure on the device makes the seam redo
/// the operation on the CPU and record it in the proof's metrics. Operations are serialised on one device stream.
/// </summary>
/// <remarks>Timing model and secret-scalar policy: docs/security.md, "GPU acceleration".</remarks>
public sealed class IlgpuComputeBackend : ComputeBackend, IDisposable
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly object _gate = new();
    private readonly IlgpuKernels _kernels;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _zetas;
    private bool _disposed;

    private IlgpuComputeBackend(Context context, Accelerator accelerator, string name)
    {
        _context = context;
        _accelerator = accelerator;
        Name = name;
        try
        {
            _kernels = new IlgpuKernels(accelerator);
            _zetas = accelerator.Allocate1D<int>(NttZetas.Montgomery.Length);
            _zetas.AsContiguous().CopyFromCPU(new ReadOnlySpan<int>(NttZetas.Montgomery));
        }
        catch
        {
            accelerator.Dispose();
            context.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override bool IsDeviceAccelerated => _accelerator.AcceleratorType == AcceleratorType.Cuda;

    /// <summary>A backend on the first CUDA device, or null when there is none (or no usable driver).</summary>
    public static IlgpuComputeBackend? TryCreateCuda()
    {
        Context? context = null;
        try
        {
            context = Context.Create(builder => builder.Cuda().Optimize(OptimizationLevel.O2));
            var devices = context.GetCudaDevices();
            if (devices.Count == 0)
            {
                context.Dispose();
                return null;
            }

            return new IlgpuComputeBackend(context, devices[0].CreateCudaAccelerator(context), "ilgpu-cuda");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No driver, an unsupported device or a failed kernel compile: the host simply has no usable GPU.
            context?.Dispose();
            return null;
        }
    }

    /// <summary>
    /// A backend on ILGPU's CPU accelerator, which runs the same kernels on CPU threads: for tests and for checking
    /// the kernels without a GPU. It is never faster than the CPU backend, so <see cref="ComputeMode.Automatic"/> never picks it.
    /// </summary>
    public static IlgpuComputeBackend CreateCpuAccelerator()
    {
        var context = Context.Create(builder => builder.CPU());
        return new IlgpuComputeBackend(context, context.CreateCPUAccelerator(0), "ilgpu-cpu");
    }

    /// <summary>Releases the device and its buffers.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _zetas.Dispose();
            _accelerator.Dispose();
            _context.Dispose();
        }
    }

    internal override bool SupportsG2 => false;

    internal override G1Point MultiplyG1(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G1Point> points) =>
        MultiplyG1(scalars, points, IlgpuMsm.WindowBits(points.Length));

    /// <summary>The G1 MSM with a chosen window width (tests sweep it).</summary>
    internal G1Point MultiplyG1(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G1Point> points, int windowBits)
    {
        ComputeChecks.Msm(scalars.Length, points.Length);
        if (points.Length == 0)
        {
            return G1Point.Identity;
        }

        if (points.Length > IlgpuMsm.MaxPoints)
        {
            // Not a misuse of the seam, a limit of this backend: the seam falls back to the CPU and records it.
            throw new NotSupportedException($"The ILGPU G1 MSM takes at most {IlgpuMsm.MaxPoints} points, not {points.Length}.");
        }

        var plan = IlgpuMsm.Plan(scalars, windowBits);
        try
        {
            DeviceProjective[] segments;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                segments = IlgpuMsm.Run(_accelerator, _kernels.AccumulateBuckets, _kernels.ReduceSegments, plan, MemoryMarshal.Cast<G1Point, DeviceProjective>(points), DeviceConstants.G1);
            }

            return IlgpuMsm.Combine(plan, MemoryMarshal.Cast<DeviceProjective, G1Point>(segments));
        }
        finally
        {
            plan.Clear();
        }
    }

    internal override G2Point MultiplyG2(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G2Point> points) =>
        throw new NotSupportedException("The ILGPU backend has no G2 MSM; the compute seam keeps G2 on the CPU.");

    internal override EdwardsPoint MultiplyRistretto(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points) =>
        MultiplyRistretto(scalars, points, IlgpuMsm.WindowBits(points.Length));

    /// <summary>The ristretto255 MSM with a chosen window width (tests sweep it).</summary>
    internal EdwardsPoint MultiplyRistretto(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points, int windowBits)
    {
        ComputeChecks.Msm(scalars.Length, points.Length);
        if (points.Length == 0)
        {
            return EdwardsPoint.Identity;
        }

        if (points.Length > IlgpuMsm.MaxPoints)
        {
            throw new NotSupportedException($"The ILGPU ristretto255 MSM takes at most {IlgpuMsm.MaxPoints} points, not {points.Length}.");
        }

        var canonical = new Limbs256[scalars.Length];
        Span<byte> bytes = stackalloc byte[32];
        for (var i = 0; i < canonical.Length; i++)
        {
            scalars[i].Encode(bytes);
            canonical[i] = Limbs256.FromLittleEndian(bytes);
        }

        var plan = IlgpuMsm.Plan(canonical, windowBits);
        Array.Clear(canonical);
        var device = IlgpuRistretto.ToDevice(points);
        try
        {
            DeviceEdwards[] segments;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                IlgpuRistretto.ToMontgomery(_accelerator, _kernels, device);
                segments = IlgpuMsm.Run(_accelerator, _kernels.AccumulateRistrettoBuckets, _kernels.ReduceRistrettoSegments, plan, device, DeviceConstants.Edwards25519);
            }

            return IlgpuRistretto.Combine(plan, segments);
        }
        finally
        {
            plan.Clear();
        }
    }

    internal override void TransformFr(FrDomain domain, Span<Fr> values, FrTransform kind)
    {
        ComputeChecks.FrBatch(domain, values.Length);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            IlgpuNtt.TransformFr(_accelerator, _kernels, domain, MemoryMarshal.Cast<Fr, DeviceLimbs>(values), kind);
        }
    }

    internal override void LatticeForward(Span<int> polynomials) => Lattice(polynomials, inverse: false);

    internal override void LatticeInverseToMontgomery(Span<int> polynomials) => Lattice(polynomials, inverse: true);

    private void Lattice(Span<int> polynomials, bool inverse)
    {
        ComputeChecks.LatticeBatch(polynomials.Length);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            IlgpuNtt.Lattice(_accelerator, _kernels, _zetas, polynomials, inverse);
        }
    }
}
