using System.Diagnostics;
using Grpc.Core;
using NexusZero.Explainability.Quality;
using NexusZero.Explainability.Shap;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;
using NexusZero.Pipeline;
using NexusZero.Service.Consensus;
using NexusZero.Service.Models;
using NexusZero.Service.Requests;
using NexusZero.Service.Results;
using NexusZero.Service.Telemetry;

namespace NexusZero.Service.Handlers;

/// <summary>
/// Computes a result at a level: the quantized evaluation always; Kernel SHAP of the predicted output (seeded) from
/// <see cref="InferenceLevel.Explanation"/>; the proof of inference from <see cref="InferenceLevel.Proof"/>; a consensus
/// round over subject, envelope and explanation at <see cref="InferenceLevel.Consensus"/>. One span per stage.
/// </summary>
internal sealed class InferenceRunner(NexuszeroApi api, ServiceValidators validators, NexusZeroServiceOptions options)
{
    public const string EfficiencyMetric = "efficiency";
    public const string ShapMethod = "kernel-shap";

    public async ValueTask<InferenceResult> RunAsync(RegisteredModel model, ValidatedInput input, InferenceLevel level, ulong seed, CancellationToken cancellationToken)
    {
        var trace = model.Model.Evaluate(input.Quantized);
        var claim = new InferenceClaim([.. trace.Input], [.. trace.Output], trace.ArgMax);
        var subject = new InferenceSubject(model.Commitment.Span, claim);
        if (level == InferenceLevel.OutputOnly)
        {
            return new InferenceResult(level, subject, null, null, null);
        }

        var explanation = Explain(model, input, trace.ArgMax ?? 0, seed, cancellationToken);
        if (level == InferenceLevel.Explanation)
        {
            return new InferenceResult(level, subject, explanation, null, null);
        }

        byte[] envelope;
        using (var span = ServiceTelemetry.ActivitySource.StartActivity("generate_proof"))
        {
            var clock = Stopwatch.StartNew();
            var proof = api.ProveInference(model.Keys, input.Real, new InferenceProofOptions { Context = input.Context });
            if (!proof.Claim.Input.SequenceEqual(input.Quantized))
            {
                throw new InvalidOperationException("The prover re-quantized the input differently from the validator.");
            }

            envelope = proof.ToBytes();
            ServiceTelemetry.ProofDuration.Record(clock.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("model", model.Id));
            span?.SetTag("nexuszero.envelope_bytes", envelope.Length);

            // The result message has no field for it; the trace carries this row's quantization error (against the imported float model).
            span?.SetTag("nexuszero.quantization.max_abs_error", proof.Quantization.MaxAbsoluteError);
            span?.SetTag("nexuszero.quantization.argmax_agrees", proof.Quantization.ArgMaxAgreement == 1);
        }

        if (level == InferenceLevel.Proof)
        {
            return new InferenceResult(level, subject, explanation, envelope, null);
        }

        using (var span = ServiceTelemetry.ActivitySource.StartActivity("validate_consensus"))
        {
            var clock = Stopwatch.StartNew();
            var round = await validators.Client.ProposeAsync(InferenceReceipt.ToProposalContent(subject, envelope, explanation), cancellationToken).ConfigureAwait(false);
            ServiceTelemetry.ConsensusLatency.Record(clock.Elapsed.TotalSeconds);
            span?.SetTag("nexuszero.consensus.state", round.State.ToString());
            if (round.Certificate is not { } certificate)
            {
                throw new ServiceException(StatusCode.Unavailable, $"consensus: the round did not finalize ({round.FailureReason}).");
            }

            if (certificate.Verdict != NexusZero.Consensus.Messages.Verdict.Accept)
            {
                throw new ServiceException(StatusCode.FailedPrecondition, $"consensus: the validators rejected the result (score {certificate.AggregateScore}).");
            }

            return new InferenceResult(level, subject, explanation, envelope, certificate);
        }
    }

    /// <summary>Kernel SHAP of <paramref name="output"/> with its efficiency score as the quality metric.</summary>
    public ReceiptExplanation Explain(RegisteredModel model, ValidatedInput input, int output, ulong seed, CancellationToken cancellationToken)
    {
        using var span = ServiceTelemetry.ActivitySource.StartActivity("generate_explanation");
        var shap = new KernelShapExplainer(model.FloatModel, model.Background, new KernelShapOptions
        {
            Seed = SeedOf(seed),
            Budget = options.ExplainerBudget,
            BootstrapReplicates = 0,
            FeatureNames = model.FeatureNames,
        });
        var explanation = shap.Explain([input.Real], cancellationToken);
        var residual = ExplanationQuality.EfficiencyResidual(explanation, model.FloatModel);
        var score = 1 - Math.Min(1, residual);
        ServiceTelemetry.ExplanationQuality.Record(score, new KeyValuePair<string, object?>("method", ShapMethod));
        var metrics = new Dictionary<string, double> { [EfficiencyMetric] = score };
        return ReceiptExplanation.From(explanation, row: 0, output: output, metrics);
    }

    /// <exception cref="ServiceException">InvalidArgument when the seed exceeds the explainers' 31-bit range.</exception>
    public static int SeedOf(ulong seed) => seed <= int.MaxValue
        ? (int)seed
        : throw ServiceException.InvalidArgument($"explainer_seed: at most {int.MaxValue}.");
}
