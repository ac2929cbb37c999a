using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Inference.Receipts;
using NexusZero.Service.Models;

namespace NexusZero.Service.Consensus;

/// <summary>
/// An in-process validator's proof check over every registered model: the proposal's subject names a model commitment,
/// and that model's pinned key decides (<see cref="InferenceProposalEvaluator"/>). A model the registry lacks is rejected.
/// </summary>
internal sealed class RegistryProposalEvaluator(ModelRegistry registry) : IQualityEvaluator
{
    public string Name => "inference-proof";

    public ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        InferenceSubject subject;
        try
        {
            subject = InferenceSubject.Parse(content.Output.Span);
        }
        catch (FormatException ex)
        {
            return ValueTask.FromResult(new QualityAssessment(0, Verdict.Reject, [$"the output is not an inference subject: {ex.Message}"]));
        }

        return registry.TryGetByCommitment(subject.ModelCommitment, out var model)
            ? model.ProposalEvaluator.EvaluateAsync(proposal, content, cancellationToken)
            : ValueTask.FromResult(new QualityAssessment(0, Verdict.Reject, ["the subject names a model this service does not hold"]));
    }
}
