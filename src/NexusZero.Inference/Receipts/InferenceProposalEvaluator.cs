using NexusZero.Circuits;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Inference.Proofs;
using NexusZero.Pipeline;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Inference.Receipts;

/// <summary>
/// Votes on whether a proposal's proof is a proof of <i>its</i> inference: the output bytes must be an
/// <see cref="InferenceSubject"/> naming the pinned model (of the pinned kind: public weights by their SHA-256
/// commitment, private weights by their Poseidon commitment), the model id must be the subject's, and the envelope must
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
    private readonly WeightVisibility _weights;
    private readonly NexuszeroApi _api;

    /// <summary>Creates the evaluator for one model with public weights.</summary>
    /// <param name="verifyingKey">The verifying key of the model's circuit, as this validator trusts it.</param>
    /// <param name="modelCommitment">The model's 32-byte commitment.</param>
    /// <param name="api">The proof verifier; one accepting Groth16's 100-bit level when null.</param>
    /// <exception cref="ArgumentException">The commitment is not 32 bytes.</exception>
    public InferenceProposalEvaluator(Groth16VerifyingKey verifyingKey, ReadOnlySpan<byte> modelCommitment, NexuszeroApi? api = null)
        : this(verifyingKey, modelCommitment, WeightVisibility.Public, api)
    {
    }

    /// <summary>Creates the evaluator for one model with public or private weights.</summary>
    /// <param name="verifyingKey">The verifying key of the model's circuit, as this validator trusts it.</param>
    /// <param name="modelCommitment">The model's 32-byte commitment: public weights, the SHA-256 model commitment; private, the weights commitment (<see cref="PrivateWeightsOpening.CommitmentBytes"/>), which the key alone does not fix.</param>
    /// <param name="weights">Which weights the key is for; a subject of the other form is rejected.</param>
    /// <param name="api">The proof verifier; one accepting Groth16's 100-bit level when null.</param>
    /// <exception cref="ArgumentException">The commitment is not 32 bytes, or (private weights) not a canonical element of Fr.</exception>
    public InferenceProposalEvaluator(Groth16VerifyingKey verifyingKey, ReadOnlySpan<byte> modelCommitment, WeightVisibility weights, NexuszeroApi? api = null)
    {
        ArgumentNullException.ThrowIfNull(verifyingKey);
        if (modelCommitment.Length != InferenceSubject.CommitmentSize)
        {
            throw new ArgumentException($"A model commitment is {InferenceSubject.CommitmentSize} bytes; got {modelCommitment.Length}.", nameof(modelCommitment));
        }

        if (weights == WeightVisibility.Private && !FieldElement.TryFromBigEndian(modelCommitment, out _))
        {
            throw new ArgumentException("A weights commitment is a canonical element of Fr (< r).", nameof(modelCommitment));
        }

        if (weights is not (WeightVisibility.Public or WeightVisibility.Private))
        {
            throw new ArgumentOutOfRangeException(nameof(weights), weights, "Public or private.");
        }

        _key = verifyingKey;
        _modelCommitment = modelCommitment.ToArray();
        _weights = weights;
        _api = api ?? DefaultApi;
    }

    /// <summary>Creates the evaluator from a public-weights model's keys (its verifying key and commitment).</summary>
    /// <param name="keys">The model's keys.</param>
    /// <param name="api">The proof verifier; one accepting Groth16's 100-bit level when null.</param>
    /// <exception cref="ArgumentException">The keys are for private weights (use <see cref="InferenceProposalEvaluator(InferenceCircuitKeys, FieldElement, NexuszeroApi?)"/>).</exception>
    public InferenceProposalEvaluator(InferenceCircuitKeys keys, NexuszeroApi? api = null)
        : this(PublicKey(keys), keys.Model.Commitment.Span, api)
    {
    }

    /// <summary>Creates the evaluator from a private-weights model's keys and the weights commitment it must name.</summary>
    /// <param name="keys">The model's private-weights keys.</param>
    /// <param name="weightsCommitment">The weights commitment the model owner published (<see cref="PrivateWeightsOpening.Commitment"/>).</param>
    /// <param name="api">The proof verifier; one accepting Groth16's 100-bit level when null.</param>
    /// <exception cref="ArgumentException">The keys are for public weights.</exception>
    public InferenceProposalEvaluator(InferenceCircuitKeys keys, FieldElement weightsCommitment, NexuszeroApi? api = null)
        : this(PrivateKey(keys), ElementBytes(weightsCommitment), WeightVisibility.Private, api)
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

        if (subject.Weights != _weights)
        {
            return Reject($"the subject is about a model with {Describe(subject.Weights)} weights; this validator pinned {Describe(_weights)} weights");
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
            statement = _weights == WeightVisibility.Private
                ? InferenceStatement.BuildPrivate(_key, subject.Claim)
                : InferenceStatement.Build(_key, _modelCommitment, subject.Claim);
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

    private static Groth16VerifyingKey PublicKey(InferenceCircuitKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Weights == WeightVisibility.Public
            ? keys.VerifyingKey
            : throw new ArgumentException("The keys are for private weights: pass the weights commitment the proposals must name.", nameof(keys));
    }

    private static Groth16VerifyingKey PrivateKey(InferenceCircuitKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Weights == WeightVisibility.Private
            ? keys.VerifyingKey
            : throw new ArgumentException("The keys are for public weights: they fix the model, so no weights commitment is taken.", nameof(keys));
    }

    private static byte[] ElementBytes(FieldElement value)
    {
        var bytes = new byte[FieldElement.ByteLength];
        value.WriteBigEndian(bytes);
        return bytes;
    }

    private static string Describe(WeightVisibility weights) => weights == WeightVisibility.Private ? "private" : "public";

    private static QualityAssessment Reject(string reason) => new(0, Verdict.Reject, [reason]);
}
