namespace NexusZero.Explainability.Quality;

/// <summary>How much two methods agree, averaged over rows.</summary>
/// <param name="MethodA">The first method.</param>
/// <param name="MethodB">The second method.</param>
/// <param name="RankCorrelation">Mean Spearman rank correlation of the signed attributions (rows where either is constant are skipped; NaN if all are).</param>
/// <param name="TopKOverlap">Mean fraction of shared features among each method's top k by absolute attribution.</param>
public sealed record MethodAgreement(string MethodA, string MethodB, double RankCorrelation, double TopKOverlap);
