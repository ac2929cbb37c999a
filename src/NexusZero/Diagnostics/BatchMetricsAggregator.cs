namespace NexusZero.Diagnostics;

/// <summary>
/// Collects figures over many proofs and summarizes each: count, mean, min, max, p50, p95, p99.
/// Safe to share across threads. Every value is kept (8 bytes each) so that percentiles are exact.
/// </summary>
public sealed class BatchMetricsAggregator
{
    /// <summary>Whole-pipeline time per proof, in milliseconds.</summary>
    public const string TotalMilliseconds = "total.ms";

    /// <summary>Serialized envelope size, in bytes.</summary>
    public const string EnvelopeBytes = "envelope.bytes";

    /// <summary>Stored / original payload size.</summary>
    public const string CompressionRatio = "compression.ratio";

    /// <summary>Bytes allocated on the proving thread.</summary>
    public const string AllocatedBytes = "allocated.bytes";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _values = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds one proof's figures: <see cref="TotalMilliseconds"/>, <see cref="EnvelopeBytes"/>,
    /// <see cref="CompressionRatio"/>, <see cref="AllocatedBytes"/>, "stage.&lt;stage&gt;.ms" for every stage
    /// that ran, and every figure the proof system reported, under its own name.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> is null.</exception>
    public void Add(ProofMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        lock (_gate)
        {
            AddLocked(TotalMilliseconds, metrics.TotalDuration.TotalMilliseconds);
            AddLocked(EnvelopeBytes, metrics.EnvelopeSize);
            AddLocked(CompressionRatio, metrics.CompressionRatio);
            AddLocked(AllocatedBytes, metrics.AllocatedBytes);
            foreach (var (stage, duration) in metrics.StageDurations)
            {
                AddLocked(StageFigureName(stage), duration.TotalMilliseconds);
            }

            foreach (var figure in metrics.Figures)
            {
                AddLocked(figure.Name, figure.Value);
            }
        }
    }

    /// <summary>Adds one value of a named figure.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="value"/> is not a finite number.</exception>
    public void Add(string name, double value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("A figure's value must be a finite number.", nameof(value));
        }

        lock (_gate)
        {
            AddLocked(name, value);
        }
    }

    /// <summary>The summary of every figure seen so far, by name.</summary>
    public IReadOnlyDictionary<string, FigureSummary> Summarize()
    {
        var copies = new List<KeyValuePair<string, double[]>>();
        lock (_gate)
        {
            foreach (var (name, values) in _values)
            {
                copies.Add(new(name, [.. values]));
            }
        }

        var result = new SortedDictionary<string, FigureSummary>(StringComparer.Ordinal);
        foreach (var (name, values) in copies)
        {
            result[name] = Summarize(values);
        }

        return result;
    }

    /// <summary>The figure name under which a stage's duration is aggregated, e.g. "stage.prove.ms".</summary>
    public static string StageFigureName(ProofStage stage) =>
        $"stage.{stage.ToString().ToLowerInvariant()}.ms";

    private void AddLocked(string name, double value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            list = [];
            _values[name] = list;
        }

        list.Add(value);
    }

    private static FigureSummary Summarize(double[] values)
    {
        Array.Sort(values);
        double sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return new FigureSummary(
            values.Length,
            sum / values.Length,
            values[0],
            values[^1],
            NearestRank(values, 50),
            NearestRank(values, 95),
            NearestRank(values, 99));
    }

    // Nearest-rank percentile: the smallest value with at least p% of the values at or below it.
    private static double NearestRank(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
