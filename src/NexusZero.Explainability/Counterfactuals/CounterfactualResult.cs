namespace NexusZero.Explainability.Counterfactuals;

/// <summary>The counterfactuals found for one row and their quality.</summary>
/// <param name="Instance">The explained row.</param>
/// <param name="Prediction">The model's outputs for it.</param>
/// <param name="Counterfactuals">The counterfactuals, best first; empty when none was found.</param>
/// <param name="Validity">Fraction of the returned counterfactuals that meet the target (0 when none).</param>
/// <param name="MeanProximity">Mean MAD-scaled L1 distance to the instance (NaN when none).</param>
/// <param name="MeanSparsity">Mean number of changed columns (NaN when none).</param>
/// <param name="Diversity">Mean pairwise MAD-scaled L1 distance among the counterfactuals (0 with fewer than two).</param>
/// <param name="CandidatesEvaluated">Model evaluations spent on the search.</param>
/// <param name="Summary">One sentence saying what was found, or plainly that nothing was.</param>
public sealed record CounterfactualResult(
    IReadOnlyList<double> Instance,
    IReadOnlyList<double> Prediction,
    IReadOnlyList<Counterfactual> Counterfactuals,
    double Validity,
    double MeanProximity,
    double MeanSparsity,
    double Diversity,
    int CandidatesEvaluated,
    string Summary)
{
    /// <summary>True when at least one valid counterfactual was found.</summary>
    public bool Found => Counterfactuals.Count > 0;
}
