using NexusZero.Groups.Bn254;
using NexusZero.Groups.Ristretto255;
using NexusZero.Lattices;

namespace NexusZero.Compute;

/// <summary>The SDK's own CPU code behind the seam: <see cref="Pippenger"/>, ristretto255's <see cref="MultiScalarMultiplication"/>, <see cref="FrDomain"/>, <see cref="Ntt"/>.</summary>
internal sealed class CpuComputeBackend : ComputeBackend
{
    public override string Name => "cpu";

    public override bool IsDeviceAccelerated => false;

    internal override G1Point MultiplyG1(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G1Point> points) =>
        Pippenger.Multiply<Fp, G1Curve>(scalars, points);

    internal override G2Point MultiplyG2(ReadOnlySpan<Fr> scalars, ReadOnlySpan<G2Point> points) =>
        Pippenger.Multiply<Fp2, G2Curve>(scalars, points);

    internal override EdwardsPoint MultiplyRistretto(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points) =>
        MultiScalarMultiplication.MultiplyVarTime(scalars, points);

    internal override void TransformFr(FrDomain domain, Span<Fr> values, FrTransform kind)
    {
        ComputeChecks.FrBatch(domain, values.Length);
        for (var offset = 0; offset < values.Length; offset += domain.Size)
        {
            var vector = values.Slice(offset, domain.Size);
            switch (kind)
            {
                case FrTransform.Forward: domain.Forward(vector); break;
                case FrTransform.Inverse: domain.Inverse(vector); break;
                case FrTransform.CosetForward: domain.CosetForward(vector); break;
                case FrTransform.CosetInverse: domain.CosetInverse(vector); break;
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a known Fr transform.");
            }
        }
    }

    internal override void LatticeForward(Span<int> polynomials)
    {
        ComputeChecks.LatticeBatch(polynomials.Length);
        for (var offset = 0; offset < polynomials.Length; offset += Polynomial.N)
        {
            Ntt.Forward(polynomials.Slice(offset, Polynomial.N));
        }
    }

    internal override void LatticeInverseToMontgomery(Span<int> polynomials)
    {
        ComputeChecks.LatticeBatch(polynomials.Length);
        for (var offset = 0; offset < polynomials.Length; offset += Polynomial.N)
        {
            Ntt.InverseToMontgomery(polynomials.Slice(offset, Polynomial.N));
        }
    }
}
