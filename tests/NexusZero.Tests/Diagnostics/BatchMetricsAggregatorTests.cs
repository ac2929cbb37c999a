using NexusZero.Compression;
using NexusZero.Diagnostics;
using NexusZero.Proofs;

namespace NexusZero.Tests.Diagnostics;

public sealed class BatchMetricsAggregatorTests
{
    [Fact]
    public void SummarizesOneToHundred()
    {
        var aggregator = new BatchMetricsAggregator();
        foreach (var value in Enumerable.Range(1, 100).Reverse())
        {
            aggregator.Add("x", value);
        }

        var summary = aggregator.Summarize()["x"];

        Assert.Equal(new FigureSummary(100, 50.5, 1, 100, 50, 95, 99), summary);
    }

    [Fact]
    public void SingleValueIsEveryPercentile()
    {
        var aggregator = new BatchMetricsAggregator();
        aggregator.Add("x", 4.25);

        Assert.Equal(new FigureSummary(1, 4.25, 4.25, 4.25, 4.25, 4.25, 4.25), aggregator.Summarize()["x"]);
    }

    [Fact]
    public void PercentilesUseNearestRank()
    {
        var aggregator = new BatchMetricsAggregator();
        foreach (var value in new double[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 1000 })
        {
            aggregator.Add("x", value);
        }

        var summary = aggregator.Summarize()["x"];

        Assert.Equal(50, summary.P50);
        Assert.Equal(1000, summary.P95);
        Assert.Equal(1000, summary.P99);
        Assert.Equal(10, summary.Min);
        Assert.Equal(1000, summary.Max);
    }

    [Fact]
    public void RejectsEmptyNamesAndNonFiniteValues()
    {
        var aggregator = new BatchMetricsAggregator();

        Assert.Throws<ArgumentException>(() => aggregator.Add("", 1));
        Assert.Throws<ArgumentException>(() => aggregator.Add("x", double.NaN));
        Assert.Throws<ArgumentException>(() => aggregator.Add("x", double.PositiveInfinity));
        Assert.Empty(aggregator.Summarize());
    }

    [Fact]
    public void AddsEveryFigureOfAProof()
    {
        var aggregator = new BatchMetricsAggregator();
        aggregator.Add(SampleMetrics(2));
        aggregator.Add(SampleMetrics(4));

        var summary = aggregator.Summarize();

        Assert.Equal(3, summary[BatchMetricsAggregator.TotalMilliseconds].Mean);
        Assert.Equal(2, summary[BatchMetricsAggregator.EnvelopeBytes].Count);
        Assert.Equal(0.5, summary[BatchMetricsAggregator.CompressionRatio].Mean);
        Assert.Equal(1000, summary[BatchMetricsAggregator.AllocatedBytes].Max);
        Assert.Equal(2, summary["stage.prove.ms"].Min);
        Assert.Equal(2, summary["lattice.expected_repetitions"].Mean);
    }

    [Fact]
    public void IsSafeUnderConcurrentUse()
    {
        var aggregator = new BatchMetricsAggregator();
        Parallel.For(0, 8, worker =>
        {
            for (var i = 1; i <= 1000; i++)
            {
                aggregator.Add("x", i);
                if (i % 100 == 0)
                {
                    _ = aggregator.Summarize();
                }
            }
        });

        var summary = aggregator.Summarize()["x"];

        Assert.Equal(8000, summary.Count);
        Assert.Equal(500.5, summary.Mean, 9);
        Assert.Equal(500, summary.P50);
    }

    private static ProofMetrics SampleMetrics(double milliseconds) => new()
    {
        ProofSystem = ProofSystemId.SchnorrDiscreteLog,
        StageDurations = new Dictionary<ProofStage, TimeSpan> { [ProofStage.Prove] = TimeSpan.FromMilliseconds(milliseconds) },
        TotalDuration = TimeSpan.FromMilliseconds(milliseconds),
        OriginalPayloadSize = 100,
        StoredPayloadSize = 50,
        EnvelopeSize = 150,
        Codec = CompressionCodecId.Lz4,
        CompressionRatio = 0.5,
        AllocatedBytes = 1000,
        ParameterSetId = 1,
        ParameterSetName = "test",
        SecurityBits = 128,
        OptimizerName = "heuristic",
        Figures = [new MetricFigure("lattice.expected_repetitions", milliseconds - 1)],
    };
}
