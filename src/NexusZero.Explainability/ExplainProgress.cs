namespace NexusZero.Explainability;

/// <summary>How far a running explanation has come; reported through <see cref="ExplainerOptions.Progress"/>.</summary>
/// <param name="CompletedRows">Rows whose explanation is finished.</param>
/// <param name="TotalRows">Rows asked for.</param>
/// <param name="ModelRows">Model evaluations (rows passed to the model) so far, the unit an explainer's cost is measured in.</param>
/// <param name="Elapsed">Time since the call started.</param>
public readonly record struct ExplainProgress(int CompletedRows, int TotalRows, long ModelRows, TimeSpan Elapsed);
