namespace NexusZero.Explainability.Counterfactuals;

/// <summary>One counterfactual: a changed row that reaches the target.</summary>
/// <param name="Values">The model inputs of the counterfactual.</param>
/// <param name="Prediction">The model's outputs for it.</param>
/// <param name="ChangedFeatures">Columns that differ from the instance, ascending.</param>
/// <param name="Proximity">Σ_j |c_j − x_j| / MAD_j: the MAD-scaled L1 distance to the instance (lower is closer).</param>
/// <param name="IsValid">Whether the model's output meets the target (checked by a fresh model call).</param>
public sealed record Counterfactual(
    IReadOnlyList<double> Values,
    IReadOnlyList<double> Prediction,
    IReadOnlyList<int> ChangedFeatures,
    double Proximity,
    bool IsValid)
{
    /// <summary>The number of changed columns.</summary>
    public int Sparsity => ChangedFeatures.Count;
}
