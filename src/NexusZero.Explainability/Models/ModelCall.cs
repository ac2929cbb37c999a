namespace NexusZero.Explainability.Models;

/// <summary>
/// Calls a model on a batch and refuses non-finite outputs, which would make every attribution meaningless. With a
/// run, the batch is cut into chunks of bounded cost and the run's cancellation and time limit are checked before each.
/// </summary>
internal static class ModelCall
{
    /// <summary>Multiply-adds per chunk: tens of milliseconds on one core, the latency of a cancellation or a timeout.</summary>
    private const long ChunkCost = 1L << 24;

    public static void Predict(IBatchModel model, ReadOnlySpan<double> inputs, int rows, Span<double> outputs, ExplainRun? run = null)
    {
        int p = model.InputCount;
        int k = model.OutputCount;
        int chunk = run is null ? rows : ChunkRows(model);
        for (int start = 0; start < rows; start += chunk)
        {
            run?.Check();
            int count = Math.Min(chunk, rows - start);
            var destination = outputs.Slice(start * k, count * k);
            model.Predict(inputs.Slice(start * p, count * p), count, destination);
            foreach (double v in destination)
            {
                if (!double.IsFinite(v))
                {
                    throw new InvalidOperationException("The model returned an output that is not a finite number.");
                }
            }

            run?.AddModelRows(count);
        }

        if (rows == 0)
        {
            run?.Check();
        }
    }

    /// <summary>Rows per chunk from the model's cost per row (its weights for a dense model, inputs + outputs otherwise).</summary>
    private static int ChunkRows(IBatchModel model)
    {
        long perRow = model is DenseModel dense ? Math.Max(1, dense.WeightCount) : (long)model.InputCount + model.OutputCount;
        return (int)Math.Clamp(ChunkCost / perRow, 1, int.MaxValue);
    }
}
