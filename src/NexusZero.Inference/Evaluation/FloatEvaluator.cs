using NexusZero.Inference.Graph;

namespace NexusZero.Inference.Evaluation;

/// <summary>
/// Evaluates an <see cref="ImportedModel"/> in double precision, exactly as the ONNX operators define it
/// (Softmax included when the graph ends with it). Tests compare it with ONNX Runtime to check the import.
/// </summary>
public static class FloatEvaluator
{
    /// <summary>The model's output for one input row.</summary>
    /// <param name="model">The model.</param>
    /// <param name="input">The input, <see cref="ImportedModel.InputSize"/> values in row-major order.</param>
    /// <param name="applySoftmax">Whether to apply the final Softmax (when the model has one); otherwise the logits.</param>
    /// <returns>The output values.</returns>
    /// <exception cref="ArgumentException">The input has the wrong length.</exception>
    public static double[] Evaluate(ImportedModel model, ReadOnlySpan<double> input, bool applySoftmax = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (input.Length != model.InputSize)
        {
            throw new ArgumentException($"The model takes {model.InputSize} inputs, not {input.Length}.", nameof(input));
        }

        var values = new double[model.Values.Count][];
        values[model.Input] = input.ToArray();
        foreach (var layer in model.Layers)
        {
            values[layer.Output] = layer switch
            {
                AffineLayer a => Affine(a, values[a.Input]),
                ReluLayer r => [.. values[r.Input].Select(x => Math.Max(x, 0))],
                ActivationLayer { Kind: ActivationKind.Sigmoid } s => [.. values[s.Input].Select(x => 1 / (1 + Math.Exp(-x)))],
                ActivationLayer t => [.. values[t.Input].Select(Math.Tanh)],
                MaxLayer m => Max(m, values[m.Input]),
                SumLayer s => [.. s.LeftIndex.Select((l, i) => values[s.Left][l] + values[s.Right][s.RightIndex[i]])],
                _ => throw new InvalidOperationException($"Unknown layer {layer.GetType().Name}."),
            };
        }

        var output = values[model.Output];
        return model.SoftmaxAtOutput && applySoftmax ? Softmax(output) : output;
    }

    /// <summary>The index of the largest value (the first of equal ones), as the circuit's argmax defines it.</summary>
    /// <param name="values">At least one value.</param>
    /// <returns>The index.</returns>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double[] Affine(AffineLayer layer, double[] x)
    {
        var y = new double[layer.Rows];
        for (var i = 0; i < y.Length; i++)
        {
            var sum = layer.Bias[i];
            for (var k = layer.RowStart[i]; k < layer.RowStart[i + 1]; k++)
            {
                sum += layer.Weights[k] * x[layer.Columns[k]];
            }

            y[i] = sum;
        }

        return y;
    }

    private static double[] Max(MaxLayer layer, double[] x)
    {
        var y = new double[layer.Rows];
        for (var i = 0; i < y.Length; i++)
        {
            var best = double.NegativeInfinity;
            for (var k = layer.RowStart[i]; k < layer.RowStart[i + 1]; k++)
            {
                best = Math.Max(best, x[layer.Columns[k]]);
            }

            y[i] = best;
        }

        return y;
    }

    private static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var exp = logits.Select(v => Math.Exp(v - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(v => v / sum)];
    }
}
