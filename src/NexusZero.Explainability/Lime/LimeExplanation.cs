namespace NexusZero.Explainability.Lime;

/// <summary>LIME's surrogate for one row.</summary>
/// <param name="Weights">Surrogate coefficient per feature, in standardized units (indicator units when discretized); 0 for features not selected.</param>
/// <param name="Contributions">Coefficient × the instance's surrogate input per feature; Intercept + Σ = LocalPrediction.</param>
/// <param name="Intercept">The surrogate's intercept.</param>
/// <param name="Score">The surrogate's weighted R² on the perturbed samples.</param>
/// <param name="LocalPrediction">The surrogate's prediction at the instance.</param>
/// <param name="ModelPrediction">The model's output at the instance.</param>
/// <param name="SelectedFeatures">The features the surrogate uses, ascending.</param>
public sealed record LimeExplanation(
    IReadOnlyList<double> Weights,
    IReadOnlyList<double> Contributions,
    double Intercept,
    double Score,
    double LocalPrediction,
    double ModelPrediction,
    IReadOnlyList<int> SelectedFeatures)
{
    /// <summary>|LocalPrediction − ModelPrediction|: how well the surrogate matches the model at the instance.</summary>
    public double LocalError => Math.Abs(LocalPrediction - ModelPrediction);
}
