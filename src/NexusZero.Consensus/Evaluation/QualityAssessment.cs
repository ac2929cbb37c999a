using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus.Evaluation;

/// <summary>One evaluator's judgement: a score in [0, 1], a verdict and short reasons.</summary>
public sealed record QualityAssessment
{
    /// <summary>Creates an assessment.</summary>
    /// <param name="score">A number in [0, 1].</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="reasons">Short reasons; the validator keeps at most <see cref="Vote.MaxReasons"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The score is NaN or outside [0, 1].</exception>
    public QualityAssessment(double score, Verdict verdict, IReadOnlyList<string>? reasons = null)
    {
        Score = Messages.Score.FromDouble(score);
        Verdict = verdict;
        Reasons = reasons ?? [];
    }

    /// <summary>The score.</summary>
    public Score Score { get; }

    /// <summary>The verdict.</summary>
    public Verdict Verdict { get; }

    /// <summary>Why.</summary>
    public IReadOnlyList<string> Reasons { get; }
}
