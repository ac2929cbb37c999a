using NexusZero.Inference.Graph;

namespace NexusZero.Inference.Import;

/// <summary>
/// Folds an affine layer whose rows each read one value (BatchNormalization, Add of a bias) into the affine
/// layer before it when nothing else reads that layer's output: y = a·(Wx + b) + c = (aW)x + (ab + c). The
/// circuit then rescales once instead of twice, which is both smaller and more accurate.
/// </summary>
internal static class AffineFolding
{
    public static List<ModelLayer> Fold(List<ModelLayer> layers, int modelOutput)
    {
        var readers = new Dictionary<int, int>();
        foreach (var layer in layers)
        {
            foreach (var input in Inputs(layer))
            {
                readers[input] = readers.GetValueOrDefault(input) + 1;
            }
        }

        var result = new List<ModelLayer>(layers.Count);
        foreach (var layer in layers)
        {
            if (layer is AffineLayer second && IsDiagonal(second)
                && result.Count > 0 && result[^1] is AffineLayer first && first.Output == second.Input
                && readers.GetValueOrDefault(first.Output) == 1 && first.Output != modelOutput)
            {
                result[^1] = Compose(first, second);
                continue;
            }

            result.Add(layer);
        }

        return result;
    }

    private static bool IsDiagonal(AffineLayer layer)
    {
        for (var i = 0; i < layer.Rows; i++)
        {
            if (layer.RowStart[i + 1] - layer.RowStart[i] != 1)
            {
                return false;
            }
        }

        return true;
    }

    private static AffineLayer Compose(AffineLayer first, AffineLayer second)
    {
        var rowStart = new int[second.Rows + 1];
        var columns = new List<int>();
        var weights = new List<double>();
        var bias = new double[second.Rows];
        for (var i = 0; i < second.Rows; i++)
        {
            rowStart[i] = columns.Count;
            var source = second.Columns[second.RowStart[i]];
            var scale = second.Weights[second.RowStart[i]];
            for (var k = first.RowStart[source]; k < first.RowStart[source + 1]; k++)
            {
                columns.Add(first.Columns[k]);
                weights.Add(scale * first.Weights[k]);
            }

            bias[i] = (scale * first.Bias[source]) + second.Bias[i];
        }

        rowStart[second.Rows] = columns.Count;
        return new AffineLayer(first.Name, first.Input, second.Output, rowStart, [.. columns], [.. weights], bias);
    }

    internal static IEnumerable<int> Inputs(ModelLayer layer) => layer switch
    {
        AffineLayer a => [a.Input],
        ReluLayer r => [r.Input],
        MaxLayer m => [m.Input],
        SumLayer s => [s.Left, s.Right],
        ActivationLayer a => [a.Input],
        _ => throw new InvalidOperationException($"Unknown layer {layer.GetType().Name}."),
    };
}
