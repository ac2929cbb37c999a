using NexusZero.Optimization;
using NexusZero.Proofs;

namespace NexusZero.Tests.TestDoubles;

/// <summary>An optimizer that always throws.</summary>
internal sealed class FailingOptimizer(Exception failure) : IParameterOptimizer
{
    public string Name => "failing";

    public ParameterSet Select(ParameterRequest request) => throw failure;
}
