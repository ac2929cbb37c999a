namespace NexusZero.Explainability.Models;

/// <summary>Predicts a batch of rows: row-major inputs in, row-major outputs out.</summary>
/// <param name="inputs">Row-major inputs, <paramref name="rowCount"/> × input count values.</param>
/// <param name="rowCount">Number of rows in the batch.</param>
/// <param name="outputs">Row-major destination, <paramref name="rowCount"/> × output count values.</param>
public delegate void BatchPredictor(ReadOnlySpan<double> inputs, int rowCount, Span<double> outputs);
