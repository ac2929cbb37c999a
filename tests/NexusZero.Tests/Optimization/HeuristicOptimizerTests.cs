using NexusZero.Optimization;
using NexusZero.Tests.TestDoubles;

namespace NexusZero.Tests.Optimization;

public sealed class HeuristicOptimizerTests
{
    [Theory]
    [InlineData(128, 1)]
    [InlineData(192, 2)]
    [InlineData(256, 3)]
    public void DelegatesToTheProofSystemsOwnRule(int level, ushort expectedId)
    {
        var system = new FakeProofSystem();

        var chosen = HeuristicOptimizer.Instance.Select(new ParameterRequest(system, FakeStatement.For([1]), level));

        Assert.Equal(expectedId, chosen.Id);
        Assert.Equal("heuristic", HeuristicOptimizer.Instance.Name);
    }

    [Fact]
    public void PassesTheSystemsRefusalThrough()
    {
        var system = new FakeProofSystem { MaxSecurityBits = 128 };

        var error = Assert.Throws<NexusZeroException>(() => HeuristicOptimizer.Instance.Select(new ParameterRequest(system, FakeStatement.For([1]), 256)));

        Assert.Equal(NexusZeroErrorKind.OptimizationFailed, error.Kind);
    }
}
