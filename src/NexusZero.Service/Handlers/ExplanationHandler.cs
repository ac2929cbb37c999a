using NexusZero.Explainability.Counterfactuals;
using NexusZero.Explainability.Lime;
using NexusZero.Explainability.Quality;
using NexusZero.Inference.Receipts;
using NexusZero.Service.Protos;
using NexusZero.Service.Requests;
using NexusZero.Service.Telemetry;

namespace NexusZero.Service.Handlers;

/// <summary>
/// GetExplanation: Kernel SHAP (the receipts' method), LIME, or counterfactuals toward the next most likely class, of
/// the validated (quantized) input. Not cached: it carries no proof to re-verify and costs what the explainer costs.
/// </summary>
internal sealed class ExplanationHandler(VerifiableInferenceHandler inference, InferenceRunner runner, NexusZeroServiceOptions options)
{
    public const string Shap = "kernel-shap";
    public const string Lime = "lime";
    public const string Counterfactual = "counterfactual";

    public GetExplanationResponse GetExplanation(GetExplanationRequest request, CancellationToken cancellationToken)
    {
        using var span = ServiceTelemetry.ActivitySource.StartActivity("generate_explanation");
        var model = inference.Resolve(request.ModelId);
        var method = request.Method is { Length: > 0 } m ? m : Shap;
        if (method is not (Shap or Lime or Counterfactual))
        {
            throw ServiceException.InvalidArgument($"method: '{(method.Length > 32 ? method[..32] : method)}' is not one of {Shap}, {Lime}, {Counterfactual}.");
        }

        var seed = InferenceRunner.SeedOf(request.Seed);
        var input = ValidatedInput.Validate(model, request.Input, default);
        var trace = model.Model.Evaluate(input.Quantized);
        var predicted = trace.ArgMax ?? 0;
        var response = new GetExplanationResponse { ModelId = model.Id };
        switch (method)
        {
            case Shap:
                response.Explanation = VerifiableInferenceHandler.ToMessage(runner.Explain(model, input, predicted, request.Seed, cancellationToken));
                break;
            case Lime:
                var lime = new LimeTabularExplainer(model.FloatModel, model.Background, new LimeOptions
                {
                    Seed = seed,
                    Samples = Math.Max(64, options.ExplainerBudget * 4),
                    OutputIndex = predicted,
                    FeatureNames = model.FeatureNames,
                    SampleAroundInstance = true,
                });
                var explanation = lime.Explain([input.Real], cancellationToken);
                var residual = ExplanationQuality.EfficiencyResidual(explanation, model.FloatModel, predicted);
                var metrics = new Dictionary<string, double> { ["local_fidelity"] = 1 - Math.Min(1, residual) };
                ServiceTelemetry.ExplanationQuality.Record(metrics["local_fidelity"], new KeyValuePair<string, object?>("method", Lime));
                response.Explanation = VerifiableInferenceHandler.ToMessage(new ReceiptExplanation(Lime, predicted, explanation.GetBaseValue(0), explanation.FeatureNames, explanation.GetValues(0), metrics));
                break;
            default:
                if (model.OutputCount < 2)
                {
                    throw ServiceException.InvalidArgument("method: counterfactuals need a model with at least two output classes.");
                }

                var target = Enumerable.Range(0, trace.Output.Count).Where(i => i != predicted).MaxBy(i => trace.Output[i]);
                var search = new CounterfactualExplainer(model.FloatModel, model.Background, new CounterfactualOptions
                {
                    Seed = seed,
                    MaxCandidates = Math.Max(100, options.ExplainerBudget),
                    FeatureNames = model.FeatureNames,
                });
                var result = search.Explain([input.Real], CounterfactualTarget.Class(target), cancellationToken)[0];
                foreach (var found in result.Counterfactuals)
                {
                    var message = new Protos.Counterfactual { Proximity = found.Proximity };
                    message.Values.AddRange(found.Values);
                    message.Prediction.AddRange(found.Prediction);
                    message.ChangedFeatures.AddRange(found.ChangedFeatures);
                    response.Counterfactuals.Add(message);
                }

                response.Summary = result.Summary;
                break;
        }

        return response;
    }
}
