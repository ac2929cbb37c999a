using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus.Evaluation;

/// <summary>
/// What a validator checks about a proposal. A validator runs all its evaluators; its vote accepts only when
/// every evaluator accepts, and its score is the lowest evaluator score.
/// </summary>
public interface IQualityEvaluator
{
    /// <summary>A short name used as the prefix of this evaluator's reasons.</summary>
    string Name { get; }

    /// <summary>Judges the content of a proposal.</summary>
    /// <param name="proposal">The proposal (its subject already matches <paramref name="content"/>).</param>
    /// <param name="content">The artifacts.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The assessment.</returns>
    ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken);
}
