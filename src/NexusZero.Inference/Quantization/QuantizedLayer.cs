namespace NexusZero.Inference.Quantization;

/// <summary>
/// A layer on integers. <see cref="OutputBound"/> is a proven bound: |y| ≤ OutputBound for every input within
/// the model's input range, derived layer by layer, so every range check in the circuit has a width that the
/// honest values fit and no value can wrap around the field.
/// </summary>
/// <param name="Name">The ONNX node.</param>
/// <param name="Output">The value id written.</param>
/// <param name="OutputBound">The bound on |y|.</param>
public abstract record QuantizedLayer(string Name, int Output, long OutputBound);

/// <summary>
/// acc[i] = Bias[i] + Σ Weights[k]·x[Columns[k]], then y = ⌊acc / 2^Shift⌋ (Bias includes 2^(Shift−1), so the
/// truncation rounds to nearest). AccumulatorBits is the signed width that holds every acc.
/// </summary>
public sealed record QuantizedAffine(string Name, int Input, int Output, int[] RowStart, int[] Columns, long[] Weights, long[] Bias, int Shift, int AccumulatorBits, long OutputBound)
    : QuantizedLayer(Name, Output, OutputBound)
{
    /// <summary>Output count.</summary>
    public int Rows => Bias.Length;
}

/// <summary>y = max(x, 0); InputBits holds every x.</summary>
public sealed record QuantizedRelu(string Name, int Input, int Output, int InputBits, long OutputBound) : QuantizedLayer(Name, Output, OutputBound);

/// <summary>y[i] = max over a window; DifferenceBits holds every difference of two window values.</summary>
public sealed record QuantizedMax(string Name, int Input, int Output, int[] RowStart, int[] Columns, int DifferenceBits, long OutputBound)
    : QuantizedLayer(Name, Output, OutputBound)
{
    /// <summary>Output count.</summary>
    public int Rows => RowStart.Length - 1;
}

/// <summary>y[i] = a[LeftIndex[i]] + b[RightIndex[i]].</summary>
public sealed record QuantizedSum(string Name, int Left, int Right, int Output, int[] LeftIndex, int[] RightIndex, long OutputBound)
    : QuantizedLayer(Name, Output, OutputBound);

/// <summary>
/// A piecewise-linear activation: acc = Offset + Σ SlopeChanges[k]·max(x − Knots[k], 0), y = ⌊acc / 2^Shift⌋
/// (Offset includes 2^(Shift−1)). KnotBits[k] holds every x − Knots[k].
/// </summary>
public sealed record QuantizedPiecewise(string Name, int Input, int Output, long[] Knots, long[] SlopeChanges, long Offset, int[] KnotBits, int Shift, int AccumulatorBits, long OutputBound)
    : QuantizedLayer(Name, Output, OutputBound);
