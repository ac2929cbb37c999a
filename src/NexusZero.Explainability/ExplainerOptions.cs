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

    /// <summary>
    /// Wall-clock budget of one <c>Explain</c> call; past it the call throws <see cref="TimeoutException"/>
    /// (checked before every chunk of model evaluations and after every row). Null (the default) sets no limit.
    /// </summary>
    /// <remarks>An explainer's cost grows with rows × background rows × coalitions (or samples) × model weights; see docs/security.md.</remarks>
    public TimeSpan? TimeLimit
    {
        get;
        init
        {
            if (value is { } limit && limit <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(TimeLimit), limit, "The time limit must be positive.");
            }

            field = value;
        }
    }

    /// <summary>Receives progress of long calls: after every row, and at most every 250 ms while a row runs. Null = none.</summary>
    public IProgress<ExplainProgress>? Progress { get; init; }
}
