using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;

namespace NexusZero.ValidatorNode;

/// <summary>
/// A custom evaluator that stands in for slow work (such as running a model): it waits, then accepts.
/// Demos and the multi-process test use it to have a round in flight long enough to kill a validator.
/// </summary>
internal sealed class DelayEvaluator(TimeSpan delay) : IQualityEvaluator
{
    public string Name => "delay";

    public async ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return new QualityAssessment(1.0, Verdict.Accept);
    }
}
