namespace NexusZero.Explainability.Counterfactuals;

/// <summary>Options of <see cref="CounterfactualExplainer"/>.</summary>
public sealed record CounterfactualOptions : ExplainerOptions
{
    /// <summary>How many diverse counterfactuals to return per row (default 3).</summary>
    public int Count { get; init; } = 3;

    /// <summary>Columns that must not change (for example age or a protected attribute).</summary>
    public IReadOnlyList<int>? ImmutableFeatures { get; init; }

    /// <summary>Columns that take integer values only.</summary>
    public IReadOnlyList<int>? IntegerFeatures { get; init; }

    /// <summary>Lower bound per column; null = the background minimum (widened to include the instance).</summary>
    public IReadOnlyList<double>? LowerBounds { get; init; }

    /// <summary>Upper bound per column; null = the background maximum (widened to include the instance).</summary>
    public IReadOnlyList<double>? UpperBounds { get; init; }

    /// <summary>Most columns a counterfactual may change; null = every mutable column.</summary>
    public int? MaxChangedFeatures { get; init; }

    /// <summary>Random candidates tried per row before refinement (default 2000).</summary>
    public int MaxCandidates { get; init; } = 2000;

    /// <summary>Loss per changed column, added to the MAD-scaled L1 distance (default 0.5).</summary>
    public double SparsityWeight { get; init; } = 0.5;

    /// <summary>Weight of the distance to already chosen counterfactuals when picking the next one (default 1).</summary>
    public double DiversityWeight { get; init; } = 1.0;
}
