using System.Diagnostics;
using System.Diagnostics.Metrics;
using NexusZero.Proofs;

namespace NexusZero.Diagnostics;

/// <summary>
/// The SDK's <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/>,
/// both named "NexusZero", so OpenTelemetry (or any <see cref="MeterListener"/> / <see cref="ActivityListener"/>)
/// collects them with no dependency of ours. Instruments carry the tag <c>nexuszero.proof_system</c>.
/// </summary>
/// <remarks>Instruments are process-wide and thread-safe; recording costs nothing when nobody listens.</remarks>
public static class NexusZeroTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "NexusZero";

    /// <summary>The tag naming the proof system on every measurement and span.</summary>
    public const string ProofSystemTag = "nexuszero.proof_system";

    /// <summary>The tag naming a rejection's or failure's kind.</summary>
    public const string ReasonTag = "nexuszero.reason";

    /// <summary>The meter "NexusZero".</summary>
    public static Meter Meter { get; } = new(Name, "1.0");

    /// <summary>The activity source "NexusZero": one span per proof or verification and one child span per stage.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, "1.0");

    /// <summary>Time to generate a proof (the whole pipeline run), in milliseconds.</summary>
    public static Histogram<double> ProveDuration { get; } =
        Meter.CreateHistogram<double>("nexuszero.prove.duration", "ms", "Time to generate a proof through the pipeline.");

    /// <summary>Time to verify a proof envelope, in milliseconds.</summary>
    public static Histogram<double> VerifyDuration { get; } =
        Meter.CreateHistogram<double>("nexuszero.verify.duration", "ms", "Time to verify a proof envelope.");

    /// <summary>Size of generated proof envelopes, in bytes.</summary>
    public static Histogram<int> ProofSize { get; } =
        Meter.CreateHistogram<int>("nexuszero.proof.size", "By", "Size of generated proof envelopes.");

    /// <summary>Proofs generated.</summary>
    public static Counter<long> Proofs { get; } =
        Meter.CreateCounter<long>("nexuszero.proofs", "{proof}", "Proofs generated.");

    /// <summary>Verifications run (valid or not), including verification after generation.</summary>
    public static Counter<long> Verifications { get; } =
        Meter.CreateCounter<long>("nexuszero.verifications", "{verification}", "Verifications run.");

    /// <summary>Verifications that rejected the proof.</summary>
    public static Counter<long> Rejections { get; } =
        Meter.CreateCounter<long>("nexuszero.rejections", "{verification}", "Verifications that rejected the proof.");

    /// <summary>Proof generations that failed with an error.</summary>
    public static Counter<long> Failures { get; } =
        Meter.CreateCounter<long>("nexuszero.failures", "{proof}", "Proof generations that failed.");

    internal static KeyValuePair<string, object?> SystemTag(ProofSystemId id) => new(ProofSystemTag, id.ToString());

    internal static KeyValuePair<string, object?> SystemTag(string name) => new(ProofSystemTag, name);

    internal static Activity? StartStage(ProofStage stage) =>
        ActivitySource.StartActivity(StageActivityName(stage));

    internal static string StageActivityName(ProofStage stage) => stage switch
    {
        ProofStage.Validate => "nexuszero.validate",
        ProofStage.Parameters => "nexuszero.parameters",
        ProofStage.Prove => "nexuszero.prove",
        ProofStage.Envelope => "nexuszero.envelope",
        ProofStage.Compress => "nexuszero.compress",
        ProofStage.VerifyAfter => "nexuszero.verify_after",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
