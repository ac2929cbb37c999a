using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;
using NexusZero.IO;
using NexusZero.Proofs.Groth16;

namespace NexusZero.ValidatorNode;

/// <summary>
/// The node's proof-of-inference check over the models it was given (<c>--inference-vk</c>): the proposal's subject
/// names a model (its weights form and commitment) and that model's <see cref="InferenceProposalEvaluator"/> decides,
/// so the proof must be about the proposal's own model, input and output. A proposal naming no pinned model, or whose
/// output is not an inference subject, is rejected.
/// </summary>
internal sealed class PinnedModelsEvaluator : IQualityEvaluator
{
    private readonly Dictionary<(WeightVisibility Weights, string Commitment), InferenceProposalEvaluator> _models = [];

    private PinnedModelsEvaluator()
    {
    }

    /// <inheritdoc />
    public string Name => "inference-proof";

    /// <summary>Loads each model's verifying key and pins it to its commitment.</summary>
    /// <exception cref="FormatException">A key file is missing, unreadable or malformed, or a commitment is not valid for its weights form (a weights commitment must be an element of Fr); the message names the option.</exception>
    public static PinnedModelsEvaluator Load(IReadOnlyList<InferenceModelArgument> models)
    {
        var evaluator = new PinnedModelsEvaluator();
        foreach (var model in models)
        {
            var key = ReadKey(model.VerifyingKeyPath);
            try
            {
                evaluator._models.Add((model.Weights, Convert.ToHexStringLower(model.Commitment)), new InferenceProposalEvaluator(key, model.Commitment, model.Weights));
            }
            catch (ArgumentException ex)
            {
                var option = model.Weights == WeightVisibility.Private ? InferenceModelArguments.WeightsCommitmentOption : InferenceModelArguments.ModelCommitmentOption;
                throw new FormatException($"{option}: {ex.Message}", ex);
            }
        }

        return evaluator;
    }

    /// <inheritdoc />
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
            return Reject($"the output is not an inference subject: {ex.Message}");
        }

        return _models.TryGetValue((subject.Weights, Convert.ToHexStringLower(subject.ModelCommitment)), out var model)
            ? model.EvaluateAsync(proposal, content, cancellationToken)
            : Reject($"the subject names {(subject.Weights == WeightVisibility.Private ? "private-weights" : "public-weights")} model {Convert.ToHexStringLower(subject.ModelCommitment)}, which this validator was not given");
    }

    private static Groth16VerifyingKey ReadKey(string path)
    {
        try
        {
            return SnarkjsJson.ReadVerifyingKey(BoundedFile.ReadAllText(path, SnarkjsJson.MaxJsonBytes, "key file"));
        }
        catch (Exception ex) when (ex is FormatException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            throw new FormatException($"{InferenceModelArguments.VerifyingKeyOption} {path}: {ex.Message}", ex);
        }
    }

    private static ValueTask<QualityAssessment> Reject(string reason) => ValueTask.FromResult(new QualityAssessment(0, Verdict.Reject, [reason]));
}
