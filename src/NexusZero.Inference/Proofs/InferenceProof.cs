using NexusZero.Inference.Circuits;
using NexusZero.Pipeline;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// A proof of inference: the pipeline's result (envelope and metrics), the claim it proves, and the circuit's cost per
/// layer; with a committed input, also the input's opening, which only the prover holds (dispose it when done).
/// </summary>
/// <param name="Proof">The envelope and metrics; the metrics' figures include the per-layer constraint counts.</param>
/// <param name="Claim">What is proven.</param>
/// <param name="Layers">Constraints per layer.</param>
public sealed record InferenceProof(ProofResult Proof, InferenceClaim Claim, IReadOnlyList<LayerConstraintCount> Layers)
{
    /// <summary>The opening of the input commitment (with a committed input; null otherwise): secret, hand it only to whoever may learn the input.</summary>
    public CommittedInputOpening? InputOpening { get; init; }

    /// <summary>The envelope's bytes.</summary>
    public byte[] ToBytes() => Proof.ToBytes();
}
