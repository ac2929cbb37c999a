namespace NexusZero.Inference.Graph;

/// <summary>
/// One step of an imported model on flat value vectors. The ONNX operators lower to these few kinds
/// (docs/architecture.md, "NexusZero.Inference"): Gemm, MatMul, Conv, AveragePool, BatchNormalization and
/// Add of a constant become <see cref="AffineLayer"/>; Flatten and Reshape change only shapes and vanish.
/// </summary>
/// <param name="Name">The ONNX node that produced it (the first one, when several were folded).</param>
/// <param name="Output">The value id it writes.</param>
public abstract record ModelLayer(string Name, int Output);

/// <summary>
/// y[i] = Σ_k Weights[k]·x[Columns[k]] + Bias[i] over k in [RowStart[i], RowStart[i+1]): a sparse matrix in
/// compressed rows, with constant (public, pinned) weights.
/// </summary>
public sealed record AffineLayer(string Name, int Input, int Output, int[] RowStart, int[] Columns, double[] Weights, double[] Bias)
    : ModelLayer(Name, Output)
{
    /// <summary>Output count.</summary>
    public int Rows => Bias.Length;
}

/// <summary>y = max(x, 0) elementwise.</summary>
public sealed record ReluLayer(string Name, int Input, int Output) : ModelLayer(Name, Output);

/// <summary>y[i] = max over x[Columns[k]], k in [RowStart[i], RowStart[i+1]) (max pooling).</summary>
public sealed record MaxLayer(string Name, int Input, int Output, int[] RowStart, int[] Columns) : ModelLayer(Name, Output)
{
    /// <summary>Output count.</summary>
    public int Rows => RowStart.Length - 1;
}

/// <summary>y[i] = a[LeftIndex[i]] + b[RightIndex[i]] (Add of two activations, broadcasting resolved).</summary>
public sealed record SumLayer(string Name, int Left, int Right, int Output, int[] LeftIndex, int[] RightIndex) : ModelLayer(Name, Output);

/// <summary>A smooth activation, elementwise; quantized as a piecewise-linear approximation (docs/architecture.md).</summary>
public sealed record ActivationLayer(string Name, int Input, int Output, ActivationKind Kind) : ModelLayer(Name, Output);

/// <summary>The smooth activations.</summary>
public enum ActivationKind
{
    /// <summary>1 / (1 + e^−x).</summary>
    Sigmoid,

    /// <summary>tanh x.</summary>
    Tanh,
}
