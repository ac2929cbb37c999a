namespace NexusZero.Explainability.Quality;

/// <summary>The result of <see cref="ExplanationAggregator.Compare"/>.</summary>
/// <param name="Methods">The compared methods, in input order.</param>
/// <param name="Pairs">Agreement for every pair of methods.</param>
/// <param name="Consensus">The mean attribution and mean base value over the methods, for the compared output.</param>
/// <param name="TopK">The k used for the top-k overlap.</param>
public sealed record AgreementReport(IReadOnlyList<string> Methods, IReadOnlyList<MethodAgreement> Pairs, Explanation Consensus, int TopK);
