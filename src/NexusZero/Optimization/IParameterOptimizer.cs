using NexusZero.Proofs;

namespace NexusZero.Optimization;

/// <summary>
/// Chooses a parameter set for a proof request. This is the seam where a learned cost model (ONNX)
/// can replace the heuristic estimator.
/// </summary>
public interface IParameterOptimizer
{
    /// <summary>A short name recorded in metrics.</summary>
    string Name { get; }

    /// <summary>Chooses parameters meeting <see cref="ParameterRequest.SecurityLevel"/>.</summary>
    /// <exception cref="NexusZeroException">No parameter set fits (<see cref="NexusZeroErrorKind.OptimizationFailed"/>).</exception>
    ParameterSet Select(ParameterRequest request);
}
