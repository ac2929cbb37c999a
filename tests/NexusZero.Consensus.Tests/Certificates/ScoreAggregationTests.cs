using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus.Tests.Certificates;

public sealed class ScoreAggregationTests
{
    [Fact]
    public void EqualWeights_OddIsMedian_EvenIsLowerMedian()
    {
        Assert.Equal(new Score(3), Median(5, 1, 3));
        Assert.Equal(new Score(2), Median(4, 1, 3, 2));
        Assert.Equal(new Score(7), Median(7));
    }

    [Fact]
    public void Weighted_HeavyVoterDominates()
    {
        var entries = new[] { (new Score(10), 1), (new Score(20), 5), (new Score(90), 1) };
        Assert.Equal(new Score(20), ScoreAggregation.WeightedLowerMedian(entries));
    }

    [Fact]
    public void WithFewerThanHalfFaulty_MedianStaysInHonestRange()
    {
        // System.Random is fine here: this is test input generation, not proof code.
        var random = new Random(1234);
        for (var trial = 0; trial < 2000; trial++)
        {
            var f = random.Next(0, 6);
            var honestCount = random.Next(f + 1, f + 8);
            var honest = Enumerable.Range(0, honestCount).Select(_ => (uint)random.Next(0, 1_000_001)).ToArray();
            var faulty = Enumerable.Range(0, f).Select(_ => random.Next(2) == 0 ? 0u : 1_000_000u).ToArray();
            var all = honest.Concat(faulty).Select(s => (new Score(s), 1)).ToArray();
            var median = ScoreAggregation.WeightedLowerMedian(all).Millionths;
            Assert.InRange(median, honest.Min(), honest.Max());
        }
    }

    private static Score Median(params uint[] values) =>
        ScoreAggregation.WeightedLowerMedian(values.Select(v => (new Score(v), 1)).ToArray());
}
