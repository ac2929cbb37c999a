using System.Text;
using NexusZero.Consensus.Messages;
using NexusZero.Explainability;

namespace NexusZero.Inference.Receipts;

/// <summary>
/// The explanation in an inference receipt: the method, which output it explains, the base value, one attribution
/// per feature, and the quality metrics validators judged. <see cref="Digest"/> is what the consensus proposal
/// carries as its explanation digest (<see cref="ProposalContent.ComputeExplanationDigest(IReadOnlyDictionary{string, double}, ReadOnlySpan{byte})"/>
/// over the metrics and <see cref="ToBytes"/>), so the certificate signs these exact values.
/// </summary>
public sealed class ReceiptExplanation
{
    /// <summary>The longest method name and feature name, in bytes.</summary>
    public const int MaxNameBytes = 64;

    /// <summary>The most features.</summary>
    public const int MaxFeatures = 4096;

    private readonly string[] _featureNames;
    private readonly double[] _values;
    private readonly SortedDictionary<string, double> _metrics;
    private readonly byte[] _bytes;

    /// <summary>Creates an explanation.</summary>
    /// <param name="method">The method ("shap-kernel", "lime", …): 1 to 64 printable ASCII characters.</param>
    /// <param name="outputIndex">The model output the values explain.</param>
    /// <param name="baseValue">The base value (finite).</param>
    /// <param name="featureNames">One name per feature, each at most 64 UTF-8 bytes.</param>
    /// <param name="values">One attribution per feature (finite).</param>
    /// <param name="metrics">Quality metrics by name, as <see cref="ProposalContent"/> accepts them; null for none.</param>
    /// <exception cref="ArgumentException">A name, count or value is out of range.</exception>
    public ReceiptExplanation(string method, int outputIndex, double baseValue, IReadOnlyList<string> featureNames, IReadOnlyList<double> values, IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(values);
        if (method.Length is 0 or > MaxNameBytes || !method.All(c => c is > ' ' and <= '~'))
        {
            throw new ArgumentException($"The method name must be 1 to {MaxNameBytes} printable ASCII characters without spaces.", nameof(method));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(outputIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputIndex, ushort.MaxValue);
        if (featureNames.Count is 0 or > MaxFeatures || values.Count != featureNames.Count)
        {
            throw new ArgumentException($"1 to {MaxFeatures} features with one value each; got {featureNames.Count} names and {values.Count} values.", nameof(values));
        }

        if (featureNames.Any(n => n is null || Encoding.UTF8.GetByteCount(n) > MaxNameBytes))
        {
            throw new ArgumentException($"Feature names are at most {MaxNameBytes} UTF-8 bytes.", nameof(featureNames));
        }

        if (!double.IsFinite(baseValue) || values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("The base value and every attribution must be finite numbers.", nameof(values));
        }

        // ProposalContent holds the rules for metric names and values; its check runs here so a receipt is always proposable.
        _ = new ProposalContent(InferenceSubject.ModelIdPrefix, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, metrics);
        Method = method;
        OutputIndex = outputIndex;
        BaseValue = baseValue == 0 ? 0.0 : baseValue;
        _featureNames = [.. featureNames];
        _values = [.. values.Select(v => v == 0 ? 0.0 : v)];
        _metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in metrics ?? new Dictionary<string, double>())
        {
            _metrics.Add(name, value == 0 ? 0.0 : value);
        }

        _bytes = Encode();
    }

    /// <summary>The method that produced the values.</summary>
    public string Method { get; }

    /// <summary>The model output the values explain.</summary>
    public int OutputIndex { get; }

    /// <summary>The base value (expected output for SHAP, the intercept for LIME).</summary>
    public double BaseValue { get; }

    /// <summary>The feature names.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>One attribution per feature.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The quality metrics, sorted by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics => _metrics;

    /// <summary>The explanation digest the certificate signs: over the metrics and <see cref="ToBytes"/>.</summary>
    public byte[] Digest => ProposalContent.ComputeExplanationDigest(_metrics, _bytes);

    /// <summary>One row and output of an explainer's result, with the metrics validators will judge.</summary>
    /// <param name="explanation">The explainer's result.</param>
    /// <param name="row">The row.</param>
    /// <param name="output">The output.</param>
    /// <param name="metrics">Quality metrics; null for none.</param>
    /// <returns>The receipt's explanation.</returns>
    /// <exception cref="ArgumentException">As the constructor.</exception>
    public static ReceiptExplanation From(Explanation explanation, int row = 0, int output = 0, IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return new ReceiptExplanation(explanation.Method, output, explanation.GetBaseValue(row, output), explanation.FeatureNames, explanation.GetValues(row, output), metrics);
    }

    /// <summary>
    /// The attributions' canonical bytes, without the metrics (docs/formats.md, "Receipt explanation"): what the
    /// consensus proposal carries as its explanation.
    /// </summary>
    /// <returns>A copy of the encoding.</returns>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    /// <summary>Parses the attributions' bytes strictly and pairs them with metrics.</summary>
    /// <param name="bytes">The encoding <see cref="ToBytes"/> writes.</param>
    /// <param name="metrics">The metrics; null for none.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="FormatException">The bytes are not canonical, or the metrics are not acceptable; the message names the field.</exception>
    public static ReceiptExplanation Parse(ReadOnlySpan<byte> bytes, IReadOnlyDictionary<string, double>? metrics = null)
    {
        var reader = new ReceiptReader(bytes);
        reader.ExpectLabel(ReceiptLabels.Explanation, "explanation label");
        var method = reader.ReadString8("explanation method", MaxNameBytes);
        var output = reader.ReadUInt16("explanation output index");
        var baseValue = reader.ReadDouble("explanation base value");
        var count = reader.ReadCount16("explanation feature count", 1, MaxFeatures);
        var names = new List<string>(Math.Min(count, reader.Remaining / 9));
        var values = new List<double>(names.Capacity);
        for (var i = 0; i < count; i++)
        {
            names.Add(reader.ReadString8($"explanation feature {i} name", MaxNameBytes));
            values.Add(reader.ReadDouble($"explanation feature {i} value"));
        }

        reader.EnsureEnd("explanation");
        try
        {
            return new ReceiptExplanation(method, output, baseValue, names, values, metrics);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"explanation: {ex.Message}", ex);
        }
    }

    internal void WriteMetrics(ReceiptWriter writer)
    {
        writer.WriteUInt16(_metrics.Count);
        foreach (var (name, value) in _metrics)
        {
            writer.WriteString8(name);
            writer.WriteDouble(value);
        }
    }

    internal static Dictionary<string, double> ReadMetrics(ref ReceiptReader reader)
    {
        var count = reader.ReadCount16("metric count", 0, ProposalContent.MaxMetrics);
        var metrics = new Dictionary<string, double>(count, StringComparer.Ordinal);
        string? previous = null;
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString8($"metric {i} name", ProposalContent.MaxMetricNameLength);
            if (previous is not null && string.CompareOrdinal(previous, name) >= 0)
            {
                throw new FormatException($"metric {i} name: '{name}' is not in strictly ascending order (duplicate or unsorted).");
            }

            previous = name;
            metrics.Add(name, reader.ReadDouble($"metric '{name}' value"));
        }

        return metrics;
    }

    private byte[] Encode()
    {
        var writer = new ReceiptWriter(64 + (_values.Length * 24));
        writer.WriteLabel(ReceiptLabels.Explanation);
        writer.WriteString8(Method);
        writer.WriteUInt16(OutputIndex);
        writer.WriteDouble(BaseValue);
        writer.WriteUInt16(_values.Length);
        for (var i = 0; i < _values.Length; i++)
        {
            writer.WriteString8(_featureNames[i]);
            writer.WriteDouble(_values[i]);
        }

        return writer.ToArray();
    }
}
