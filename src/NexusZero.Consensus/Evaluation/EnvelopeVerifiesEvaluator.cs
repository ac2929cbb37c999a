using NexusZero.Consensus.Messages;
using NexusZero.Proofs;

namespace NexusZero.Consensus.Evaluation;

/// <summary>
/// Votes on whether the proposal's proof envelope verifies (<see cref="NexuszeroApi.Verify(ReadOnlySpan{byte}, Statement)"/>).
/// <para>
/// <b>What an accept means.</b> Without <c>expectedStatement</c> this evaluator checks only that the
/// envelope is a valid proof of <i>the statement it carries</i>: a Schnorr proof with secret 1 or an
/// unrelated range proof is accepted. That says nothing about the proposal's output, so the assessment
/// says so in its reason ("not tied to the output"). To vote on the output, pass <c>expectedStatement</c>:
/// the statement the proposal must prove, derived from its content (for example from the output and the
/// model id); an envelope proving anything else is rejected with <see cref="VerificationFailure.StatementMismatch"/>.
/// For proofs of inference, NexusZero.Inference's <c>InferenceProposalEvaluator</c> does this: it reads the model
/// commitment, input and output from the proposal's output bytes and verifies the envelope against that statement.
/// </para>
/// </summary>
public sealed class EnvelopeVerifiesEvaluator : IQualityEvaluator
{
    private readonly NexuszeroApi _api;
    private readonly Func<ProposalContent, Statement?>? _expectedStatement;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="api">The verifier to use; a default <see cref="NexuszeroApi"/> when null.</param>
    /// <param name="expectedStatement">
    /// The statement each proposal must prove, from its content; null (the function, or its result for a
    /// proposal) accepts any statement that verifies, which does not tie the proof to the output.
    /// </param>
    public EnvelopeVerifiesEvaluator(NexuszeroApi? api = null, Func<ProposalContent, Statement?>? expectedStatement = null)
    {
        _api = api ?? new NexuszeroApi();
        _expectedStatement = expectedStatement;
    }

    /// <inheritdoc />
    public string Name => _expectedStatement is null ? "envelope-verifies" : "envelope-proves-expected-statement";

    /// <inheritdoc />
    public ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Envelope.IsEmpty)
        {
            return ValueTask.FromResult(new QualityAssessment(0, Verdict.Reject, ["no proof envelope"]));
        }

        var expected = _expectedStatement?.Invoke(content);
        var result = expected is null ? _api.Verify(content.Envelope.Span) : _api.Verify(content.Envelope.Span, expected);
        if (!result.IsValid)
        {
            return ValueTask.FromResult(new QualityAssessment(0, Verdict.Reject, [$"proof envelope rejected ({result.Failure}): {result.Reason}"]));
        }

        var reason = expected is null
            ? "proof envelope verifies for the statement it carries (not tied to the output)"
            : "proof envelope proves the expected statement";
        return ValueTask.FromResult(new QualityAssessment(1, Verdict.Accept, [reason]));
    }
}
