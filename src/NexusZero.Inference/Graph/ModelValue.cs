namespace NexusZero.Inference.Graph;

/// <summary>One tensor of the imported graph: its shape (batch dimension 1), stored flat in row-major order.</summary>
/// <param name="Name">The ONNX value name.</param>
/// <param name="Shape">The dimensions.</param>
public sealed record ModelValue(string Name, IReadOnlyList<int> Shape)
{
    /// <summary>The element count.</summary>
    public int Size => Shape.Aggregate(1, (product, d) => product * d);
}
