namespace NexusZero.Explainability.Shap;

/// <summary>Options of <see cref="KernelShapExplainer"/>.</summary>
public sealed record KernelShapOptions : ExplainerOptions
{
    /// <summary>Coalitions evaluated per row (each over the whole background); null = 2·M + 2048, capped at 2^M − 2.</summary>
    public int? Budget { get; init; }

    /// <summary>When set below M, keep only this many features per output, chosen by the order they enter an L1 (lasso) path; the rest get 0.</summary>
    public int? L1FeatureCount { get; init; }

    /// <summary>Bootstrap replicates over the sampled coalition pairs for the standard errors (0 = report 0).</summary>
    public int BootstrapReplicates { get; init; } = 32;
}
