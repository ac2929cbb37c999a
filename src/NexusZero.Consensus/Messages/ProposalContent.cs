using System.Security.Cryptography;
using NexusZero.Consensus.Canonical;

namespace NexusZero.Consensus.Messages;

/// <summary>
/// The artifacts validators evaluate: the proof envelope bytes, the model output bytes, the explanation's
/// quality metrics (plain numbers, so this package does not depend on the explainability package) and, optionally,
/// the explanation itself as opaque bytes in a format the evaluators agree on (an inference receipt's attributions).
/// Validators recompute <see cref="ToSubject"/> from what they receive, so the digests they sign are theirs.
/// </summary>
public sealed class ProposalContent
{
    /// <summary>The largest proof envelope carried in a proposal.</summary>
    public const int MaxEnvelopeBytes = 4 * 1024 * 1024;

    /// <summary>The largest model output carried in a proposal.</summary>
    public const int MaxOutputBytes = 1024 * 1024;

    /// <summary>The most explanation metrics.</summary>
    public const int MaxMetrics = 64;

    /// <summary>The longest metric name (printable ASCII).</summary>
    public const int MaxMetricNameLength = 64;

    /// <summary>The largest explanation carried in a proposal.</summary>
    public const int MaxExplanationBytes = 256 * 1024;

    private readonly SortedDictionary<string, double> _metrics;

    /// <summary>Creates proposal content.</summary>
    /// <param name="modelId">1 to 128 UTF-8 bytes naming the model.</param>
    /// <param name="envelope">The proof envelope bytes (may be empty when there is no proof).</param>
    /// <param name="output">The model output bytes.</param>
    /// <param name="explanationMetrics">Explanation quality metrics by name (finite numbers); null for none.</param>
    /// <exception cref="ArgumentException">A size limit is exceeded, a metric name is invalid or a value is not finite.</exception>
    public ProposalContent(string modelId, ReadOnlyMemory<byte> envelope, ReadOnlyMemory<byte> output, IReadOnlyDictionary<string, double>? explanationMetrics = null)
        : this(modelId, envelope, output, explanationMetrics, ReadOnlyMemory<byte>.Empty)
    {
    }

    /// <summary>Creates proposal content that carries the explanation itself beside its metrics.</summary>
    /// <param name="modelId">1 to 128 UTF-8 bytes naming the model.</param>
    /// <param name="envelope">The proof envelope bytes (may be empty when there is no proof).</param>
    /// <param name="output">The model output bytes.</param>
    /// <param name="explanationMetrics">Explanation quality metrics by name (finite numbers); null for none.</param>
    /// <param name="explanation">The explanation's bytes (at most <see cref="MaxExplanationBytes"/>); empty for none.</param>
    /// <exception cref="ArgumentException">A size limit is exceeded, a metric name is invalid or a value is not finite.</exception>
    public ProposalContent(string modelId, ReadOnlyMemory<byte> envelope, ReadOnlyMemory<byte> output, IReadOnlyDictionary<string, double>? explanationMetrics, ReadOnlyMemory<byte> explanation)
    {
        if (explanation.Length > MaxExplanationBytes)
        {
            throw new ArgumentException($"The explanation is {explanation.Length} bytes; the limit is {MaxExplanationBytes}.", nameof(explanation));
        }

        ProposalSubject.ValidateModelId(modelId);
        if (envelope.Length > MaxEnvelopeBytes)
        {
            throw new ArgumentException($"The envelope is {envelope.Length} bytes; the limit is {MaxEnvelopeBytes}.", nameof(envelope));
        }

        if (output.Length > MaxOutputBytes)
        {
            throw new ArgumentException($"The output is {output.Length} bytes; the limit is {MaxOutputBytes}.", nameof(output));
        }

        _metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (explanationMetrics is not null)
        {
            if (explanationMetrics.Count > MaxMetrics)
            {
                throw new ArgumentException($"{explanationMetrics.Count} explanation metrics; the limit is {MaxMetrics}.", nameof(explanationMetrics));
            }

            foreach (var (name, value) in explanationMetrics)
            {
                if (!IsValidMetricName(name))
                {
                    throw new ArgumentException($"Metric name '{name}' must be 1 to {MaxMetricNameLength} printable ASCII characters.", nameof(explanationMetrics));
                }

                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"Metric '{name}' is not a finite number.", nameof(explanationMetrics));
                }

                _metrics.Add(name, value);
            }
        }

        ModelId = modelId;
        Envelope = envelope.ToArray();
        Output = output.ToArray();
        Explanation = explanation.ToArray();
    }

    /// <summary>The model id.</summary>
    public string ModelId { get; }

    /// <summary>The proof envelope bytes.</summary>
    public ReadOnlyMemory<byte> Envelope { get; }

    /// <summary>The model output bytes.</summary>
    public ReadOnlyMemory<byte> Output { get; }

    /// <summary>The explanation quality metrics, sorted by name.</summary>
    public IReadOnlyDictionary<string, double> ExplanationMetrics => _metrics;

    /// <summary>The explanation's bytes; empty when the proposal carries only metrics.</summary>
    public ReadOnlyMemory<byte> Explanation { get; }

    /// <summary>Computes the digests validators sign.</summary>
    /// <returns>The subject.</returns>
    public ProposalSubject ToSubject() =>
        new(ModelId, SHA256.HashData(Envelope.Span), SHA256.HashData(Output.Span), ComputeExplanationDigest(_metrics, Explanation.Span));

    /// <summary>
    /// The explanation digest of metrics and explanation bytes: with no explanation bytes, the metrics digest
    /// (<see cref="ComputeExplanationDigest(IReadOnlyDictionary{string, double})"/>); otherwise SHA-256 over the label
    /// <c>NexusZero/consensus/explanation/v1</c>, the metrics digest, the explanation's length (u32) and its bytes
    /// (docs/formats.md). The two forms have distinct labels, so neither can be passed off as the other.
    /// </summary>
    /// <param name="metrics">The metrics.</param>
    /// <param name="explanation">The explanation's bytes, possibly empty.</param>
    /// <returns>32 bytes.</returns>
    /// <exception cref="ArgumentException">The explanation exceeds <see cref="MaxExplanationBytes"/>.</exception>
    public static byte[] ComputeExplanationDigest(IReadOnlyDictionary<string, double> metrics, ReadOnlySpan<byte> explanation)
    {
        var metricsDigest = ComputeExplanationDigest(metrics);
        if (explanation.IsEmpty)
        {
            return metricsDigest;
        }

        if (explanation.Length > MaxExplanationBytes)
        {
            throw new ArgumentException($"The explanation is {explanation.Length} bytes; the limit is {MaxExplanationBytes}.", nameof(explanation));
        }

        var writer = new CanonicalWriter(64 + explanation.Length);
        writer.WriteLabel(DomainLabels.Explanation);
        writer.WriteBytes(metricsDigest);
        writer.WriteUInt32((uint)explanation.Length);
        writer.WriteBytes(explanation);
        return SHA256.HashData(writer.WrittenSpan);
    }

    /// <summary>
    /// The explanation digest: SHA-256 over a label, the metric count and each (name, IEEE 754 binary64 value)
    /// in ordinal name order (docs/formats.md).
    /// </summary>
    /// <param name="metrics">The metrics.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] ComputeExplanationDigest(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var writer = new CanonicalWriter();
        writer.WriteLabel(DomainLabels.ExplanationMetrics);
        writer.WriteUInt16(checked((ushort)metrics.Count));
        foreach (var (name, value) in metrics.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString8(name);
            writer.WriteUInt64((ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value));
        }

        return SHA256.HashData(writer.WrittenSpan);
    }

    internal static bool IsValidMetricName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxMetricNameLength && name.All(c => c is >= ' ' and <= '~');
}
