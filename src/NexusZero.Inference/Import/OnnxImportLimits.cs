namespace NexusZero.Inference.Import;

/// <summary>
/// Bounds checked before anything is allocated for an ONNX model: a model that exceeds one is refused with a
/// message naming the limit. The defaults fit models that a Groth16 circuit on one machine can prove.
/// </summary>
public sealed record OnnxImportLimits
{
    /// <summary>The defaults.</summary>
    public static OnnxImportLimits Default { get; } = new();

    /// <summary>Largest model file in bytes (default 64 MiB).</summary>
    public long MaxFileBytes { get; init; } = 64L << 20;

    /// <summary>Most nodes in the graph (default 256).</summary>
    public int MaxNodes { get; init; } = 256;

    /// <summary>Most initializers (default 512).</summary>
    public int MaxInitializers { get; init; } = 512;

    /// <summary>Most dimensions of any tensor (default 6).</summary>
    public int MaxRank { get; init; } = 6;

    /// <summary>Largest single dimension (default 65,536).</summary>
    public long MaxDimension { get; init; } = 1 << 16;

    /// <summary>Most elements of any one tensor, initializer or activation (default 2^20).</summary>
    public long MaxTensorElements { get; init; } = 1 << 20;

    /// <summary>Most parameters (initializer elements) in the whole model (default 2^22).</summary>
    public long MaxParameters { get; init; } = 1 << 22;

    /// <summary>Most multiply-accumulate terms over all layers, a proxy for the circuit's size (default 2^24).</summary>
    public long MaxTerms { get; init; } = 1 << 24;

    /// <summary>Deepest protobuf message nesting (default 16).</summary>
    public int MaxRecursionDepth { get; init; } = 16;
}
