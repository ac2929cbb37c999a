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
}
