namespace NexusZero.Explainability.Models;

/// <summary>
/// A model that predicts many rows in one call. Explainers always hand over whole batches, never one row per call.
/// </summary>
/// <remarks>
/// Implementations must be safe to call from several threads at once when an explainer runs with
/// <see cref="ExplainerOptions.MaxDegreeOfParallelism"/> above one, and must return the same outputs for the same inputs.
/// </remarks>
public interface IBatchModel
{
    /// <summary>Number of input columns per row.</summary>
    int InputCount { get; }

    /// <summary>Number of outputs per row (1 for a regressor or a single score, the class count for class probabilities).</summary>
    int OutputCount { get; }

    /// <summary>Predicts <paramref name="rowCount"/> rows.</summary>
    /// <param name="inputs">Row-major inputs, <paramref name="rowCount"/> × <see cref="InputCount"/> values.</param>
    /// <param name="rowCount">Number of rows.</param>
    /// <param name="outputs">Row-major destination, <paramref name="rowCount"/> × <see cref="OutputCount"/> values.</param>
    void Predict(ReadOnlySpan<double> inputs, int rowCount, Span<double> outputs);
}
