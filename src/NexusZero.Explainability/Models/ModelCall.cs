namespace NexusZero.Explainability.Models;

/// <summary>Calls a model on a batch and refuses non-finite outputs, which would make every attribution meaningless.</summary>
internal static class ModelCall
{
    public static void Predict(IBatchModel model, ReadOnlySpan<double> inputs, int rows, Span<double> outputs)
    {
        var destination = outputs[..(rows * model.OutputCount)];
        model.Predict(inputs[..(rows * model.InputCount)], rows, destination);
        foreach (double v in destination)
        {
            if (!double.IsFinite(v))
            {
                throw new InvalidOperationException("The model returned an output that is not a finite number.");
            }
        }
    }
}
