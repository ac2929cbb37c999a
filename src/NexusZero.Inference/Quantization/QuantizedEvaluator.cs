namespace NexusZero.Inference.Quantization;

/// <summary>
/// Integer evaluation, the same arithmetic as the circuit: floor shifts, max(x, 0), window maxima. Each value
/// is checked against its layer's bound, so a bound that did not hold would be reported here, not as a
/// circuit that cannot be satisfied.
/// </summary>
internal static class QuantizedEvaluator
{
    public static QuantizedTrace Evaluate(QuantizedModel model, ReadOnlySpan<long> input)
    {
        var source = model.Source;
        if (input.Length != source.InputSize)
        {
            throw new ArgumentException($"The model takes {source.InputSize} inputs, not {input.Length}.", nameof(input));
        }

        foreach (var x in input)
        {
            if (x < -model.InputLimit || x >= model.InputLimit)
            {
                throw new ArgumentException($"A quantized input, {x}, is outside [−{model.InputLimit}, {model.InputLimit}).", nameof(input));
            }
        }

        var values = new long[source.Values.Count][];
        values[source.Input] = input.ToArray();
        foreach (var layer in model.Layers)
        {
            var y = layer switch
            {
                QuantizedAffine a => Affine(a, values[a.Input]),
                QuantizedRelu r => [.. values[r.Input].Select(x => Math.Max(x, 0))],
                QuantizedMax m => Max(m, values[m.Input]),
                QuantizedSum s => [.. s.LeftIndex.Select((l, i) => values[s.Left][l] + values[s.Right][s.RightIndex[i]])],
                QuantizedPiecewise p => [.. values[p.Input].Select(x => Piecewise(p, x))],
                _ => throw new InvalidOperationException($"Unknown layer {layer.GetType().Name}."),
            };
            foreach (var v in y)
            {
                if (Math.Abs(v) > layer.OutputBound)
                {
                    throw new InvalidOperationException($"Layer '{layer.Name}' produced {v}, beyond its derived bound {layer.OutputBound}.");
                }
            }

            values[layer.Output] = y;
        }

        var output = values[source.Output];
        int? argMax = source.SoftmaxAtOutput ? ArgMax(output) : null;
        return new QuantizedTrace(values, source.Input, source.Output, argMax);
    }

    internal static int ArgMax(long[] values)
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

    private static long[] Affine(QuantizedAffine layer, long[] x)
    {
        var y = new long[layer.Rows];
        for (var i = 0; i < y.Length; i++)
        {
            var acc = layer.Bias[i];
            for (var k = layer.RowStart[i]; k < layer.RowStart[i + 1]; k++)
            {
                acc += layer.Weights[k] * x[layer.Columns[k]];
            }

            y[i] = acc >> layer.Shift;
        }

        return y;
    }

    private static long[] Max(QuantizedMax layer, long[] x)
    {
        var y = new long[layer.Rows];
        for (var i = 0; i < y.Length; i++)
        {
            var best = x[layer.Columns[layer.RowStart[i]]];
            for (var k = layer.RowStart[i] + 1; k < layer.RowStart[i + 1]; k++)
            {
                best = Math.Max(best, x[layer.Columns[k]]);
            }

            y[i] = best;
        }

        return y;
    }

    private static long Piecewise(QuantizedPiecewise layer, long x)
    {
        var acc = layer.Offset;
        for (var k = 0; k < layer.Knots.Length; k++)
        {
            acc += layer.SlopeChanges[k] * Math.Max(x - layer.Knots[k], 0);
        }

        return acc >> layer.Shift;
    }
}
