using NexusZero.Proofs;

namespace NexusZero.Optimization;

/// <summary>
/// The rule-based optimizer, and the pipeline's fallback when another optimizer fails: each proof system's
/// own default rule (<see cref="IProofSystem.SelectDefaultParameters"/>). Stateless and thread-safe.
/// </summary>
public sealed class HeuristicOptimizer : IParameterOptimizer
{
    /// <summary>The shared instance.</summary>
    public static HeuristicOptimizer Instance { get; } = new();

    private HeuristicOptimizer()
    {
    }

    /// <inheritdoc />
    public string Name => "heuristic";

    /// <inheritdoc />
    public ParameterSet Select(ParameterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ProofSystem.SelectDefaultParameters(request.Statement, request.SecurityLevel);
    }
}
