using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus.Evaluation;

/// <summary>
/// Verifies the proposal's proof envelope with NexusZero's verifier (<see cref="NexuszeroApi.Verify(ReadOnlySpan{byte})"/>).
/// Accepts with score 1 when the envelope verifies; rejects with score 0 and the verifier's reason otherwise,
/// including when there is no envelope.
/// </summary>
public sealed class ProofEnvelopeEvaluator : IQualityEvaluator
{
    private readonly NexuszeroApi _api;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="api">The verifier to use; a default <see cref="NexuszeroApi"/> when null.</param>
    public ProofEnvelopeEvaluator(NexuszeroApi? api = null)
    {
        _api = api ?? new NexuszeroApi();
    }

    /// <inheritdoc />
    public string Name => "proof";

    /// <inheritdoc />
    public ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Envelope.IsEmpty)
        {
            return ValueTask.FromResult(new QualityAssessment(0, Verdict.Reject, ["no proof envelope"]));
        }

        var result = _api.Verify(content.Envelope.Span);
        return ValueTask.FromResult(result.IsValid
            ? new QualityAssessment(1, Verdict.Accept, ["proof envelope verifies"])
            : new QualityAssessment(0, Verdict.Reject, [$"proof envelope rejected ({result.Failure}): {result.Reason}"]));
    }
}
