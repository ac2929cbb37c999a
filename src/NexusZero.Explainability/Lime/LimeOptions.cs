namespace NexusZero.Explainability.Lime;

/// <summary>Options of <see cref="LimeTabularExplainer"/>; defaults follow the lime package.</summary>
public sealed record LimeOptions : ExplainerOptions
{
    /// <summary>Perturbed samples per row, the instance included (default 5000).</summary>
    public int Samples { get; init; } = 5000;

    /// <summary>Exponential kernel width on standardized distances; null = 0.75·√M.</summary>
    public double? KernelWidth { get; init; }

    /// <summary>Quartile-discretize features and fit on "same quartile as the instance" indicators (off by default).</summary>
    public bool Discretize { get; init; }

    /// <summary>Feature selection method (default auto).</summary>
    public LimeFeatureSelection FeatureSelection { get; init; } = LimeFeatureSelection.Auto;

    /// <summary>Features kept by the selection; null = min(M, 10) as in lime.</summary>
    public int? FeatureCount { get; init; }

    /// <summary>The model output explained (default 0).</summary>
    public int OutputIndex { get; init; }

    /// <summary>Ridge penalty α of the surrogate (default 1).</summary>
    public double RidgeAlpha { get; init; } = 1.0;

    /// <summary>Draw continuous samples around the instance instead of around the background mean (lime's default is the mean).</summary>
    public bool SampleAroundInstance { get; init; }
}
