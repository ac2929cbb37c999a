namespace NexusZero.Inference.Proofs;

/// <summary>Whether the verifier knows the model's weights (docs/architecture.md, "Private weights").</summary>
public enum WeightVisibility
{
    /// <summary>
    /// The weights are constants of the circuit: the verifying key pins them, and the statement carries the model's
    /// SHA-256 commitment (<see cref="Quantization.QuantizedModel.Commitment"/>).
    /// </summary>
    Public = 0,

    /// <summary>
    /// The weights are witness values: the circuit fixes only the model's structure and widths, recomputes a hiding
    /// Poseidon commitment to the weights, and the statement carries that commitment (<see cref="PrivateWeightsOpening"/>).
    /// </summary>
    Private = 1,
}
