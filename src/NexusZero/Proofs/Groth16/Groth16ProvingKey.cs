using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16;

/// <summary>
/// A Groth16 proving key for one constraint system: the verifying key, [α]₁, [β]₁, [δ]₁, and per variable
/// i the queries [uᵢ(τ)]₁, [vᵢ(τ)]₁, [vᵢ(τ)]₂, for private variables [(β·uᵢ(τ) + α·vᵢ(τ) + wᵢ(τ))/δ]₁, and
/// [τʲ·Z(τ)/δ]₁ for j &lt; n − 1 over the evaluation domain of size n.
/// </summary>
public sealed class Groth16ProvingKey
{
    internal Groth16ProvingKey(
        Groth16VerifyingKey verifyingKey,
        int domainLogSize,
        G1Point alpha1,
        G1Point beta1,
        G1Point delta1,
        G1Point[] a1,
        G1Point[] b1,
        G2Point[] b2,
        G1Point[] l1,
        G1Point[] h1)
    {
        VerifyingKey = verifyingKey;
        DomainLogSize = domainLogSize;
        Alpha1 = alpha1;
        Beta1 = beta1;
        Delta1 = delta1;
        A1 = a1;
        B1 = b1;
        B2 = b2;
        L1 = l1;
        H1 = h1;
    }

    /// <summary>The matching verifying key.</summary>
    public Groth16VerifyingKey VerifyingKey { get; }

    /// <summary>log2 of the evaluation domain's size.</summary>
    public int DomainLogSize { get; }

    internal G1Point Alpha1 { get; }

    internal G1Point Beta1 { get; }

    internal G1Point Delta1 { get; }

    internal G1Point[] A1 { get; }

    internal G1Point[] B1 { get; }

    internal G2Point[] B2 { get; }

    internal G1Point[] L1 { get; }

    internal G1Point[] H1 { get; }
}
