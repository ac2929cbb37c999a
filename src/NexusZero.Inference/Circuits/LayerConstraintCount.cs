namespace NexusZero.Inference.Circuits;

/// <summary>The constraints one step of the inference circuit costs.</summary>
/// <param name="Layer">The ONNX node's name, or "input", "output" or "argmax".</param>
/// <param name="Kind">The layer kind (Affine, Relu, Max, Sum, Piecewise, Input, Output, ArgMax).</param>
/// <param name="Constraints">Its constraint count.</param>
public sealed record LayerConstraintCount(string Layer, string Kind, int Constraints);
