namespace NexusZero.Diagnostics;

/// <summary>Summary statistics of one figure over a batch of proofs.</summary>
/// <param name="Count">Number of values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="P50">Median (nearest-rank).</param>
/// <param name="P95">95th percentile (nearest-rank).</param>
/// <param name="P99">99th percentile (nearest-rank).</param>
public sealed record FigureSummary(int Count, double Mean, double Min, double Max, double P50, double P95, double P99);
