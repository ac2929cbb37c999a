using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Inference.Proofs;
using NexusZero.Pipeline;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Inference.Receipts;

/// <summary>
/// Votes on whether a proposal's proof is a proof of <i>its</i> inference: the output bytes must be an
/// <see cref="InferenceSubject"/> naming the pinned model, the model id must be the subject's, and the envelope must
/// verify under the pinned verifying key for exactly that model commitment, input and output. Unlike
/// <see cref="EnvelopeVerifiesEvaluator"/> without an expected statement, an envelope that proves anything else (another
/// output, another input, another model) is rejected. When the proposal carries an explanation it must parse as a
/// <see cref="ReceiptExplanation"/> of one of the outputs.
/// </summary>
public sealed class InferenceProposalEvaluator : IQualityEvaluator
{
    private static readonly NexuszeroApi DefaultApi = new(ProtocolConfig.Default() with { SecurityLevel = 100 });

    private readonly Groth16VerifyingKey _key;
    private readonly byte[] _modelCommitment;
    private readonly NexuszeroApi _api;

    /// <summary>Creates the evaluator for one model.</summary>
    /// <param name="verifyingKey">The verifying key of the model's circuit, as this validator trusts it.</param>
    /// <param name="modelCommitment">The model's 32-byte commitment.</param>
    /// <param name="api">The proof verifier; one accepting Groth16's 100-bit level when null.</param>
    /// <exception cref="ArgumentException">The commitment is not 32 bytes.</exception>
    public InferenceProposalEvaluator(Groth16VerifyingKey verifyingKey, ReadOnlySpan<byte> modelCommitment, NexuszeroApi? api = null)
    {
        ArgumentNullException.ThrowIfNull(verifyingKey);
        if (modelCommitment.Length != InferenceSubject.CommitmentSize)
        {
            throw new ArgumentException($"A model commitment is {InferenceSubject.CommitmentSize} bytes; got {modelCommitment.Length}.", nameof(modelCommitment));
        }

        _key = verifyingKey;
        _modelCommitment = modelCommitment.ToArray();
        _api = api ?? DefaultApi;
    }

    /// <summary>Creates the evaluator from a model's keys (its verifying key and commitment).</summary>
    /// <param name="keys">The model's keys.</param>
    /// <param name="api">The proof verifier; one accepting Groth16's 100-bit level when null.</param>
    public InferenceProposalEvaluator(InferenceCircuitKeys keys, NexuszeroApi? api = null)
        : this((keys ?? throw new ArgumentNullException(nameof(keys))).VerifyingKey, keys.Model.Commitment.Span, api)
    {
    }

    /// <inheritdoc />
    public string Name => "inference-proof";

    /// <inheritdoc />
    public ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ValueTask.FromResult(Evaluate(content));
    }

    private QualityAssessment Evaluate(ProposalContent content)
    {
        InferenceSubject subject;
        try
        {
            subject = InferenceSubject.Parse(content.Output.Span);
        }
        catch (FormatException ex)
        {
            return Reject($"the output is not an inference subject: {ex.Message}");
        }

        if (!subject.ModelCommitment.SequenceEqual(_modelCommitment))
        {
            return Reject($"the subject names model {Convert.ToHexStringLower(subject.ModelCommitment)}, not this validator's {Convert.ToHexStringLower(_modelCommitment)}");
        }

        if (!string.Equals(content.ModelId, subject.ModelId, StringComparison.Ordinal))
        {
            return Reject($"the model id '{content.ModelId}' is not the subject's '{subject.ModelId}'");
        }

        if (!content.Explanation.IsEmpty)
        {
            try
            {
                var explanation = ReceiptExplanation.Parse(content.Explanation.Span, content.ExplanationMetrics);
                if (explanation.OutputIndex >= subject.Claim.Output.Count)
                {
                    return Reject($"the explanation is of output {explanation.OutputIndex}; the model has {subject.Claim.Output.Count}");
                }
            }
            catch (FormatException ex)
            {
                return Reject($"the explanation is malformed: {ex.Message}");
            }
        }

        if (content.Envelope.IsEmpty)
        {
            return Reject("no proof envelope");
        }

        NexusZero.Proofs.Statement statement;
        try
        {
            statement = InferenceStatement.Build(_key, _modelCommitment, subject.Claim);
        }
        catch (ArgumentException ex)
        {
            return Reject($"the claim does not fit the model's key: {ex.Message}");
        }

        var result = _api.Verify(content.Envelope.Span, statement);
        return result.IsValid
            ? new QualityAssessment(1, Verdict.Accept, ["the proof shows the pinned model maps the subject's input to its output"])
            : Reject($"proof envelope rejected ({result.Failure}): {result.Reason}");
    }

    private static QualityAssessment Reject(string reason) => new(0, Verdict.Reject, [reason]);
}
