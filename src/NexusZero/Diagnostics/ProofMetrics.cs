using NexusZero.Compression;
using NexusZero.Proofs;

namespace NexusZero.Diagnostics;

/// <summary>
/// What the pipeline measured while producing one proof: each stage's duration, sizes, allocations,
/// the parameter choice and anything that went differently from the plan (optimizer fallback,
/// compression warning, failed verification after generation under the Report policy).
/// </summary>
public sealed record ProofMetrics
{
    /// <summary>The proof system that proved.</summary>
    public required ProofSystemId ProofSystem { get; init; }

    /// <summary>Duration of every stage that ran, by stage; skipped stages are absent.</summary>
    public required IReadOnlyDictionary<ProofStage, TimeSpan> StageDurations { get; init; }

    /// <summary>Wall-clock time of the whole pipeline run.</summary>
    public required TimeSpan TotalDuration { get; init; }

    /// <summary>Size in bytes of the proof payload as the proof system produced it.</summary>
    public required int OriginalPayloadSize { get; init; }

    /// <summary>Size in bytes of the payload as stored in the envelope (after compression, if any).</summary>
    public required int StoredPayloadSize { get; init; }

    /// <summary>Size in bytes of the whole serialized envelope.</summary>
    public required int EnvelopeSize { get; init; }

    /// <summary>The codec the stored payload uses.</summary>
    public required CompressionCodecId Codec { get; init; }

    /// <summary>
    /// <see cref="StoredPayloadSize"/> / <see cref="OriginalPayloadSize"/>: 1.0 when stored raw,
    /// smaller is better.
    /// </summary>
    public required double CompressionRatio { get; init; }

    /// <summary>Why the payload was kept raw although compression was on (a codec failed or did not shrink it); otherwise null.</summary>
    public string? CompressionWarning { get; init; }

    /// <summary>Bytes allocated on the proving thread during the run (<see cref="GC.GetAllocatedBytesForCurrentThread"/>).</summary>
    public required long AllocatedBytes { get; init; }

    /// <summary>The envelope id of the chosen parameter set.</summary>
    public required ushort ParameterSetId { get; init; }

    /// <summary>The chosen parameter set's name.</summary>
    public required string ParameterSetName { get; init; }

    /// <summary>The chosen parameter set's estimated security in bits.</summary>
    public required int SecurityBits { get; init; }

    /// <summary>The name of the optimizer whose choice was used.</summary>
    public required string OptimizerName { get; init; }

    /// <summary>True when the configured optimizer failed and the heuristic chose instead.</summary>
    public bool OptimizerFallback { get; init; }

    /// <summary>Why the configured optimizer failed, when <see cref="OptimizerFallback"/> is true.</summary>
    public string? OptimizerFallbackReason { get; init; }

    /// <summary>Where the prover's MSMs and NTTs ran: the accelerator's name when it ran any of them, else "cpu".</summary>
    public string ComputeBackend { get; init; } = "cpu";

    /// <summary>True when the configured accelerator failed and the CPU redid its work (<see cref="Pipeline.ProtocolConfig.Compute"/>).</summary>
    public bool ComputeFallback { get; init; }

    /// <summary>The accelerator's first failure, when <see cref="ComputeFallback"/> is true.</summary>
    public string? ComputeFallbackReason { get; init; }

    /// <summary>
    /// The result of verification after generation, when it ran; under the Report policy a failed
    /// result lands here instead of throwing.
    /// </summary>
    public VerificationResult? VerifyAfterResult { get; init; }

    /// <summary>Figures the proof system reported (see <see cref="IProofFigureReporter"/>).</summary>
    public IReadOnlyList<MetricFigure> Figures { get; init; } = [];

    /// <summary>The duration of <paramref name="stage"/>, or null when it did not run.</summary>
    public TimeSpan? DurationOf(ProofStage stage) =>
        StageDurations.TryGetValue(stage, out var duration) ? duration : null;
}
