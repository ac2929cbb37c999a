using NexusZero.Inference.Proofs;

namespace NexusZero.Inference.Circuits;

/// <summary>Which inference circuit to build for a model: weights as constants or committed witnesses, inputs as public values or committed witnesses, and whether a context binding input ends the public inputs (Groth16) or not (post-quantum).</summary>
/// <param name="Weights">Public or private weights.</param>
/// <param name="ContextWire">True for Groth16, whose proof system sets the last public input from the context.</param>
/// <param name="Input">Public or committed inputs.</param>
internal sealed record InferenceCircuitShape(WeightVisibility Weights, bool ContextWire, InputVisibility Input = InputVisibility.Public);
