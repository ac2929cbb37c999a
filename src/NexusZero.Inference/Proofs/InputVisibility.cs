namespace NexusZero.Inference.Proofs;

/// <summary>Whether the verifier learns the quantized input (docs/architecture.md, "Committed inputs").</summary>
public enum InputVisibility
{
    /// <summary>The quantized inputs are public values of the statement.</summary>
    Public = 0,

    /// <summary>
    /// The quantized inputs are witness values: the circuit range-checks them (as their bits), recomputes a blinded
    /// Poseidon commitment to them, and the statement carries that commitment instead of the inputs
    /// (<see cref="CommittedInputOpening"/>).
    /// </summary>
    Committed = 1,
}
