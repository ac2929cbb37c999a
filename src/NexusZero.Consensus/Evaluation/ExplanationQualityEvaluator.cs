using System.Globalization;
using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus.Evaluation;

/// <summary>
/// Checks explanation quality metrics (such as fidelity or stability, as plain numbers) against minimums.
/// Accepts when every required metric is present and at least its minimum; the score is the mean of the
/// required metrics clamped to [0, 1] (0 for a missing metric).
/// </summary>
public sealed class ExplanationQualityEvaluator : IQualityEvaluator
{
    private readonly KeyValuePair<string, double>[] _minimums;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="minimums">Required metric names and their minimum values; at least one.</param>
    /// <exception cref="ArgumentException">No minimums, an invalid name, or a value that is not finite.</exception>
    public ExplanationQualityEvaluator(IReadOnlyDictionary<string, double> minimums)
    {
        ArgumentNullException.ThrowIfNull(minimums);
        if (minimums.Count == 0)
        {
            throw new ArgumentException("At least one metric minimum is needed.", nameof(minimums));
        }

        foreach (var (name, value) in minimums)
        {
            if (!ProposalContent.IsValidMetricName(name) || !double.IsFinite(value))
            {
                throw new ArgumentException($"Minimum for '{name}' must name a printable ASCII metric and be finite.", nameof(minimums));
            }
        }

        _minimums = minimums.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
    }

    /// <inheritdoc />
    public string Name => "explanation";

    /// <inheritdoc />
    public ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var reasons = new List<string>();
        var sum = 0.0;
        var accept = true;
        foreach (var (name, minimum) in _minimums)
        {
            if (!content.ExplanationMetrics.TryGetValue(name, out var value))
            {
                accept = false;
                reasons.Add($"metric '{name}' is missing");
                continue;
            }

            sum += Math.Clamp(value, 0.0, 1.0);
            if (value < minimum)
            {
                accept = false;
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.####} < {minimum:0.####}"));
            }
        }

        var verdict = accept ? Verdict.Accept : Verdict.Reject;
        return ValueTask.FromResult(new QualityAssessment(sum / _minimums.Length, verdict, reasons));
    }
}
