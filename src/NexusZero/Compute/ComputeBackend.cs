using NexusZero.Groups.Bn254;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Compute;

/// <summary>
/// Where the two operations that dominate proving run: multi-scalar multiplication over BN254's G1 and G2 and over
/// ristretto255, and
/// batched number-theoretic transforms over BN254's Fr and over the ML-DSA ring Z_q[X]/(X^256 + 1), q = 8380417.
/// <see cref="Cpu"/> is the default; the package NexusZero.Accelerators.Ilgpu adds a GPU backend. Every backend
/// returns bit-identical results (the same group element, the same integers).
/// </summary>
/// <remarks>
/// The operations themselves are internal: backends are written only inside NexusZero's own packages, and the public
/// surface names no accelerator library. Callers choose a backend through <see cref="ComputeOptions"/>; which operation
/// actually runs where (size thresholds, secret-scalar policy, fallback on failure) is decided per call
/// (docs/architecture.md, "Compute backends").
/// </remarks>
public abstract class ComputeBackend
{
    private protected ComputeBackend()
    {
    }

    /// <summary>The CPU backend: the SDK's own constant-time-where-needed code, always available.</summary>
    public static ComputeBackend Cpu { get; } = new CpuComputeBackend();

    /// <summary>A short name for metrics and logs, e.g. "cpu" or "ilgpu-cuda".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// True when the backend runs on a discrete accelerator (a CUDA device), the only kind
    /// <see cref="ComputeMode.Automatic"/> ever chooses; false for the CPU and for emulated accelerators.
    /// </summary>
    public abstract bool IsDeviceAccelerated { get; }

    /// <summary>Σ scalars[i]·points[i] in G1. The spans have equal length.</summary>
    internal abstract G1Point MultiplyG1(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G1Point> points);

    /// <summary>False when the backend has no G2 MSM; the seam then keeps G2 on the CPU without counting a failure.</summary>
    internal virtual bool SupportsG2 => true;

    /// <summary>Σ scalars[i]·points[i] in G2. The spans have equal length.</summary>
    internal abstract G2Point MultiplyG2(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G2Point> points);

    /// <summary>Σ scalars[i]·points[i] on edwards25519 (ristretto255's points), variable-time: public scalars only.</summary>
    internal abstract EdwardsPoint MultiplyRistretto(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points);

    /// <summary>
    /// <paramref name="kind"/> applied in place to each of the values.Length / domain.Size consecutive vectors
    /// (values.Length is a non-zero multiple of the domain size).
    /// </summary>
    internal abstract void TransformFr(FrDomain domain, Span<Fr> values, FrTransform kind);

    /// <summary>The forward ML-DSA NTT of each of the consecutive 256-coefficient polynomials, in place.</summary>
    internal abstract void LatticeForward(Span<int> polynomials);

    /// <summary>The inverse ML-DSA NTT (times 2^32) of each of the consecutive 256-coefficient polynomials, in place.</summary>
    internal abstract void LatticeInverseToMontgomery(Span<int> polynomials);

    /// <inheritdoc />
    public override string ToString() => Name;
}
