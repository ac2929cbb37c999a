namespace NexusZero.Explainability.Shap;

/// <summary>Options of <see cref="PermutationShapExplainer"/>.</summary>
public sealed record PermutationShapOptions : ExplainerOptions
{
    /// <summary>Random permutations per row; each is walked forward and in reverse (antithetic pair). At least 1.</summary>
    public int PermutationPairs { get; init; } = 10;
}
