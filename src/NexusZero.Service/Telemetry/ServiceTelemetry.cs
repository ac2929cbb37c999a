using System.Diagnostics;
using System.Diagnostics.Metrics;
using NexusZero.Service.Caching;

namespace NexusZero.Service.Telemetry;

/// <summary>
/// The service's Meter and ActivitySource, both named <see cref="Name"/> (docs/service.md, "Observability"). Spans:
/// <c>verify_inference</c> with children <c>generate_proof</c>, <c>generate_explanation</c> and <c>validate_consensus</c>.
/// No instrument or tag carries an input, a key or a secret.
/// </summary>
public static class ServiceTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "NexusZero.Service";

    /// <summary>The histogram buckets of the proof generation duration, in seconds.</summary>
    public static IReadOnlyList<double> ProofDurationBuckets { get; } = [0.01, 0.05, 0.1, 0.5, 1, 5];

    internal static readonly Meter Meter = new(Name);

    internal static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Histogram<double> ProofDuration = Meter.CreateHistogram(
        "nexuszero.service.proof.duration",
        unit: "s",
        description: "Proof-of-inference generation time.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ProofDurationBuckets });

    internal static readonly Histogram<double> ExplanationQuality = Meter.CreateHistogram<double>(
        "nexuszero.service.explanation.quality",
        unit: "1",
        description: "Explanation quality score (Kernel SHAP efficiency: 1 − residual).");

    internal static readonly Histogram<double> ConsensusLatency = Meter.CreateHistogram<double>(
        "nexuszero.service.consensus.duration",
        unit: "s",
        description: "Time of one consensus round, proposal to certificate.");

    internal static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "nexuszero.service.cache.lookups",
        unit: "{request}",
        description: "VerifyInference results by cache outcome (hit, miss, rejected, shared).");

    internal static void CountCache(CacheOutcome outcome, InferenceLevel level) =>
        CacheLookups.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()), new KeyValuePair<string, object?>("level", level.ToString()));
}
