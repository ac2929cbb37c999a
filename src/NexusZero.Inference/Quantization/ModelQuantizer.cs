using NexusZero.Inference.Graph;

namespace NexusZero.Inference.Quantization;

/// <summary>
/// Turns an <see cref="ImportedModel"/> into a <see cref="QuantizedModel"/>: weights round(w·2^p), biases
/// round(b·2^(s+p)), activations at 2^s, and a bound on every value derived from the input range, refusing a
/// model whose values could exceed <see cref="ValueBounds.MaxBits"/> bits.
/// </summary>
public static class ModelQuantizer
{
    /// <summary>Quantizes <paramref name="model"/>.</summary>
    /// <param name="model">The imported model.</param>
    /// <param name="options">The scales and input width; <see cref="QuantizationOptions.Default"/> when null.</param>
    /// <returns>The quantized model.</returns>
    /// <exception cref="ArgumentException">A value of the quantized model could need more than 62 bits (wrap-around).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static QuantizedModel Quantize(ImportedModel model, QuantizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= QuantizationOptions.Default;
        options.Validate();
        var bounds = new long[model.Values.Count];
        bounds[model.Input] = 1L << (options.InputBits - 1);
        var layers = new List<QuantizedLayer>(model.Layers.Count);
        foreach (var layer in model.Layers)
        {
            QuantizedLayer quantized = layer switch
            {
                AffineLayer a => Affine(a, bounds[a.Input], options),
                ReluLayer r => new QuantizedRelu(r.Name, r.Input, r.Output, ValueBounds.Bits(bounds[r.Input]), bounds[r.Input]),
                MaxLayer m => new QuantizedMax(m.Name, m.Input, m.Output, m.RowStart, m.Columns, ValueBounds.Bits(2 * (Int128)bounds[m.Input]), bounds[m.Input]),
                SumLayer s => new QuantizedSum(s.Name, s.Left, s.Right, s.Output, s.LeftIndex, s.RightIndex, ValueBounds.Checked((Int128)bounds[s.Left] + bounds[s.Right], s.Name, "the sum")),
                ActivationLayer a => Piecewise(a, bounds[a.Input], options),
                _ => throw new InvalidOperationException($"Unknown layer {layer.GetType().Name}."),
            };
            bounds[layer.Output] = quantized.OutputBound;
            layers.Add(quantized);
        }

        return new QuantizedModel(model, options, layers);
    }

    /// <summary>round(v·2^bits), refusing values whose quantization leaves 62 bits.</summary>
    internal static long Round(double value, int bits, string layer)
    {
        var scaled = Math.Round(value * Math.Pow(2, bits), MidpointRounding.AwayFromZero);
        if (!(Math.Abs(scaled) < Math.Pow(2, ValueBounds.MaxBits - 1)))
        {
            throw new ArgumentException($"Layer '{layer}': constant {value} does not fit {ValueBounds.MaxBits} bits at scale 2^{bits}.");
        }

        return (long)scaled;
    }

    private static QuantizedAffine Affine(AffineLayer layer, long inputBound, QuantizationOptions options)
    {
        var shift = options.ParameterScaleBits;
        var weights = layer.Weights.Select(w => Round(w, options.ParameterScaleBits, layer.Name)).ToArray();
        var bias = new long[layer.Rows];
        Int128 accumulator = 0;
        for (var i = 0; i < layer.Rows; i++)
        {
            bias[i] = Round(layer.Bias[i], options.InputScaleBits + options.ParameterScaleBits, layer.Name) + (1L << (shift - 1));
            Int128 row = Int128.Abs(bias[i]);
            for (var k = layer.RowStart[i]; k < layer.RowStart[i + 1]; k++)
            {
                row += Int128.Abs(weights[k]) * inputBound;
            }

            accumulator = Int128.Max(accumulator, row);
        }

        var checkedBound = ValueBounds.Checked(accumulator, layer.Name, "the accumulator");
        var bits = Math.Max(ValueBounds.Bits(checkedBound), shift + 2);
        return new QuantizedAffine(layer.Name, layer.Input, layer.Output, layer.RowStart, layer.Columns, weights, bias, shift, bits, (checkedBound >> shift) + 1);
    }

    private static QuantizedPiecewise Piecewise(ActivationLayer layer, long inputBound, QuantizationOptions options)
    {
        const int shift = PiecewiseLinear.ScaleBits;
        var knots = PiecewiseLinear.Knots(layer.Kind);
        var slopes = PiecewiseLinear.Slopes(layer.Kind).Select(s => Round(s, shift, layer.Name)).ToArray();
        var knotValues = knots.Select(t => Round(t, options.InputScaleBits, layer.Name)).ToArray();

        // Changes of the quantized slopes: they sum to zero, so the approximation is exactly flat past the last knot.
        var changes = slopes.Select((s, k) => s - (k == 0 ? 0 : slopes[k - 1])).ToArray();
        var offset = Round(PiecewiseLinear.Exact(layer.Kind, knots[0]), options.InputScaleBits + shift, layer.Name) + (1L << (shift - 1));
        var knotBits = new int[knots.Length];
        Int128 accumulator = Int128.Abs(offset);
        for (var k = 0; k < knots.Length; k++)
        {
            var difference = ValueBounds.Checked((Int128)inputBound + Int128.Abs(knotValues[k]), layer.Name, "an activation argument");
            knotBits[k] = ValueBounds.Bits(difference);
            accumulator += Int128.Abs(changes[k]) * difference;
        }

        var checkedBound = ValueBounds.Checked(accumulator, layer.Name, "the accumulator");
        var bits = Math.Max(ValueBounds.Bits(checkedBound), shift + 2);

        // The output is the approximation's value, within [−1, 1] at the input scale, plus rounding.
        var outputBound = Math.Min((checkedBound >> shift) + 1, (1L << options.InputScaleBits) + 2);
        return new QuantizedPiecewise(layer.Name, layer.Input, layer.Output, knotValues, changes, offset, knotBits, shift, bits, outputBound);
    }
}
