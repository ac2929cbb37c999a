using NexusZero.Optimization;
using NexusZero.Proofs;

namespace NexusZero.Tests.TestDoubles;

/// <summary>An optimizer that always returns the same parameter set.</summary>
internal sealed class FixedOptimizer(ParameterSet parameters) : IParameterOptimizer
{
    public string Name => "fixed";

    public ParameterSet Select(ParameterRequest request) => parameters;
}
