using NexusZero.Inference.Circuits;
using NexusZero.Inference.Quantization;
using NexusZero.Pipeline;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// A proof of inference: the pipeline's result (envelope and metrics), the claim it proves, and the circuit's cost per
/// layer, and the quantization error of this row; with a committed input, also the input's opening, which only the
/// prover holds (dispose it when done).
/// </summary>
/// <param name="Proof">
/// The envelope and metrics; the metrics' figures include the per-layer constraint counts and the quantization error
/// (<c>inference.quantization.maxAbsError</c>, <c>inference.quantization.argmaxAgrees</c>, 1 or 0).
/// </param>
/// <param name="Claim">What is proven.</param>
/// <param name="Layers">Constraints per layer.</param>
public sealed record InferenceProof(ProofResult Proof, InferenceClaim Claim, IReadOnlyList<LayerConstraintCount> Layers)
{
    /// <summary>The opening of the input commitment (with a committed input; null otherwise): secret, hand it only to whoever may learn the input.</summary>
    public CommittedInputOpening? InputOpening { get; init; }

    /// <summary>
    /// The quantization error of the proven row, which the prover alone can measure (it knows the input, committed or
    /// not): max |dequantized output − float output| (probabilities after Softmax when the model ends in one) and whether
    /// the argmax agrees (<see cref="QuantizationReport.ArgMaxAgreement"/> 1 or 0), against ONNX Runtime when
    /// <see cref="InferenceProofOptions.Reference"/> was given, otherwise against the imported model's float evaluation
    /// (<see cref="QuantizationReport.Reference"/> says which). Not part of the statement: a verifier learns nothing of it.
    /// </summary>
    public required QuantizationReport Quantization { get; init; }

    /// <summary>The envelope's bytes.</summary>
    public byte[] ToBytes() => Proof.ToBytes();
}
