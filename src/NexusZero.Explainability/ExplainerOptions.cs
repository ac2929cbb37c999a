using NexusZero.Explainability.Data;

namespace NexusZero.Explainability;

/// <summary>Settings every explainer shares.</summary>
public record ExplainerOptions
{
    /// <summary>
    /// Seed of the explainer's randomness. Row r uses its own stream derived from (seed, r), so the output is
    /// bit-identical for the same seed whatever the degree of parallelism. Deterministic explainers ignore it.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>How many rows are explained at once on separate threads (1 = sequential).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Names of the model inputs; defaults to the model's own names or x0, x1, ….</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>Names of the model outputs; defaults to the model's own names or output0, output1, ….</summary>
    public IReadOnlyList<string>? OutputNames { get; init; }

    /// <summary>Groups of columns explained as one feature (for example the columns of a one-hot encoding); null = one feature per column.</summary>
    public FeatureGroups? Groups { get; init; }
}
