using NexusZero.Inference.Runtime;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Inference.Proofs;

/// <summary>Options of one proof of inference.</summary>
public sealed record InferenceProofOptions
{
    /// <summary>The defaults: no context.</summary>
    public static InferenceProofOptions Default { get; } = new();

    /// <summary>Bytes the proof is bound to (a request id, a session); verification uses the envelope's.</summary>
    public ReadOnlyMemory<byte> Context { get; init; }

    /// <summary>
    /// The opening of the weights commitment: required with keys for <see cref="WeightVisibility.Private"/>, refused with
    /// public weights. It is not retained.
    /// </summary>
    public PrivateWeightsOpening? Weights { get; init; }

    /// <summary>
    /// Whether the input is to be public or committed. It must match the keys' (or circuit's) <c>Input</c>: asking
    /// for <see cref="InputVisibility.Committed"/> with keys for a public input is refused rather than proven, since that
    /// proof would publish the input the caller meant to hide. With a committed input, proving draws a fresh blinding
    /// and returns the opening in <see cref="InferenceProof.InputOpening"/>.
    /// </summary>
    public InputVisibility Input { get; init; }

    /// <summary>
    /// ONNX Runtime on the same model's ONNX bytes, when the caller has a session: the proof's quantization error
    /// (<see cref="InferenceProof.Quantization"/>) is then measured against it, and the import's own error with it. When
    /// null it is measured against the imported graph's float evaluation. Not retained; the caller disposes it.
    /// </summary>
    public OnnxReferenceModel? Reference { get; init; }
}
