using NexusZero.Optimization;
using NexusZero.Proofs;

namespace NexusZero.Pipeline;

/// <summary>The parameters chosen for one proof, by whom, and whether the heuristic had to step in.</summary>
internal sealed record ParameterChoice(ParameterSet Parameters, string OptimizerName, bool Fallback, string? FallbackReason)
{
    /// <summary>
    /// Asks <paramref name="optimizer"/> (when given) and falls back to the heuristic when it throws or
    /// returns a parameter set the proof system does not know under that id. A failing heuristic is final: its
    /// <see cref="NexusZeroException"/> or <see cref="ArgumentException"/> (misuse) propagates.
    /// </summary>
    public static ParameterChoice Select(ParameterRequest request, IParameterOptimizer? optimizer)
    {
        string? reason = null;
        if (optimizer is not null && optimizer is not HeuristicOptimizer)
        {
            try
            {
                var chosen = optimizer.Select(request);
                if (IsKnown(request.ProofSystem, chosen) && chosen.SecurityBits >= request.SecurityLevel)
                {
                    return new ParameterChoice(chosen, optimizer.Name, false, null);
                }

                reason = chosen is not null && IsKnown(request.ProofSystem, chosen)
                    ? $"optimizer {optimizer.Name} chose {chosen.Name}, which offers {chosen.DescribeSecurity()}, below the requested {request.SecurityLevel}"
                    : $"optimizer {optimizer.Name} chose a parameter set that {request.ProofSystem.Name} does not define";
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                reason = $"optimizer {optimizer.Name} failed ({ex.GetType().Name}: {ex.Message})";
            }
        }

        ParameterSet parameters;
        try
        {
            parameters = HeuristicOptimizer.Instance.Select(request);
        }
        catch (Exception ex) when (ex is not (NexusZeroException or ArgumentException or OutOfMemoryException))
        {
            throw new NexusZeroException(NexusZeroErrorKind.OptimizationFailed, $"{request.ProofSystem.Name} could not choose parameters at {request.SecurityLevel} bits ({ex.GetType().Name}).", ex);
        }

        if (!IsKnown(request.ProofSystem, parameters))
        {
            throw new NexusZeroException(NexusZeroErrorKind.OptimizationFailed, $"{request.ProofSystem.Name} chose a parameter set it does not define (id {parameters.Id}).");
        }

        // Verifiers refuse a set below their floor, so proving under one would only produce a proof nobody accepts.
        if (parameters.SecurityBits < request.SecurityLevel)
        {
            throw new NexusZeroException(NexusZeroErrorKind.OptimizationFailed, $"{request.ProofSystem.Name} chose {parameters.Name}, which offers {parameters.DescribeSecurity()}, below the requested {request.SecurityLevel}.");
        }

        return new ParameterChoice(parameters, HeuristicOptimizer.Instance.Name, reason is not null, reason);
    }

    // The envelope carries only the id, so the verifier must map it back to exactly these parameters.
    private static bool IsKnown(IProofSystem system, ParameterSet? parameters) =>
        parameters is not null && system.TryGetParameterSet(parameters.Id, out var known) && known.Equals(parameters);
}
