using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using NexusZero.Inference.Receipts;
using NexusZero.Service.Caching;
using NexusZero.Service.Consensus;
using NexusZero.Service.Models;
using NexusZero.Service.Protos;
using NexusZero.Service.Requests;
using NexusZero.Service.Results;
using NexusZero.Service.Telemetry;

namespace NexusZero.Service.Handlers;

/// <summary>
/// VerifyInference, shared by the gRPC service and the JSON gateway: look the model up, validate the input before any
/// work, then serve through the cache coordinator, which re-verifies a cached value before it is served.
/// </summary>
internal sealed partial class VerifiableInferenceHandler(
    ModelRegistry registry,
    InferenceRunner runner,
    ReceiptCacheCoordinator cache,
    CachedResultVerifier verifier,
    CacheSecret secret,
    ServiceValidators validators,
    ILogger<VerifiableInferenceHandler> logger)
{
    public async Task<VerifyInferenceResponse> VerifyInferenceAsync(VerifyInferenceRequest request, string caller, CancellationToken cancellationToken)
    {
        using var span = ServiceTelemetry.ActivitySource.StartActivity("verify_inference");
        var model = Resolve(request.ModelId);
        var level = LevelOf(request.Level);
        var seed = level >= InferenceLevel.Explanation ? request.ExplainerSeed : 0;
        InferenceRunner.SeedOf(seed);
        var input = ValidatedInput.Validate(model, request.Input, request.Context.Span);
        span?.SetTag("nexuszero.model", model.Id);
        span?.SetTag("nexuszero.level", level.ToString());

        var key = new ReceiptCacheKey(model.Commitment.Span, input.Canonical, level, seed);
        InferenceResult? served = null;
        var value = await cache.GetOrComputeAsync(
            key,
            async ct =>
            {
                served = await runner.RunAsync(model, input, level, seed, ct).ConfigureAwait(false);
                return CachedResultEncoding.Encode(served, key, secret.Key);
            },
            bytes =>
            {
                served = verifier.Verify(bytes.Span, key, model, input, validators.ValidatorSet, out var reason);
                if (served is null)
                {
                    LogRejected(logger, model.Id, level, reason ?? "");
                }

                return served is not null;
            },
            cancellationToken).ConfigureAwait(false);

        // Not set here when the coordinator served bytes it had already computed or verified for this key (its memo,
        // or another request's flight): those need decoding only. Verifying them again would cost a Groth16
        // verification per proof-level hit; the coordinator's contract is that it returns no other bytes.
        served ??= Decode(value.Value);
        ServiceTelemetry.CountCache(value.Outcome, level);
        span?.SetTag("nexuszero.cache", value.Outcome.ToString());
        LogServed(logger, caller, model.Id, level, value.Outcome);
        return ToResponse(model, served, value.Outcome);
    }

    private static InferenceResult Decode(byte[] verified)
    {
        try
        {
            return CachedResultEncoding.Parse(verified).Result;
        }
        catch (FormatException ex)
        {
            // Bytes the coordinator vouches for were produced or accepted by this process: a parse failure is a bug.
            throw new ServiceException(StatusCode.Internal, $"A verified cached result did not decode: {ex.Message}");
        }
    }

    internal RegisteredModel Resolve(string modelId)
    {
        try
        {
            RegisteredModel.CheckId(modelId);
        }
        catch (ArgumentException ex)
        {
            throw ServiceException.InvalidArgument(ex.Message);
        }

        return registry.TryGet(modelId, out var model) ? model : throw ServiceException.NotFound($"model_id: no model '{modelId}' is registered.");
    }

    private static InferenceLevel LevelOf(Level level) => Enum.IsDefined((InferenceLevel)(int)level)
        ? (InferenceLevel)(int)level
        : throw ServiceException.InvalidArgument($"level: {(int)level} is not a level (0 … 3).");

    private static VerifyInferenceResponse ToResponse(RegisteredModel model, InferenceResult result, CacheOutcome outcome)
    {
        var claim = result.Subject.Claim;
        var response = new VerifyInferenceResponse
        {
            ModelId = model.Id,
            ModelCommitment = ByteString.CopyFrom(model.Commitment.Span),
            Level = (Level)(int)result.Level,
            Argmax = claim.ArgMax ?? -1,
            Subject = ByteString.CopyFrom(result.Subject.ToBytes()),
            Cache = (CacheStatus)(outcome switch
            {
                CacheOutcome.Hit => CacheStatus.Hit,
                CacheOutcome.Rejected => CacheStatus.Rejected,
                CacheOutcome.Shared => CacheStatus.Shared,
                _ => CacheStatus.Miss,
            }),
        };
        response.QuantizedOutput.AddRange(claim.Output);
        response.Output.AddRange(claim.Output.Select(model.Model.Dequantize));
        if (result.Explanation is { } explanation)
        {
            response.Explanation = ToMessage(explanation);
        }

        if (result.Envelope is { } envelope)
        {
            response.ProofEnvelope = ByteString.CopyFrom(envelope);
        }

        if (result.Receipt is { } receipt)
        {
            response.Certificate = ByteString.CopyFrom(receipt.Certificate.ToBytes());
            response.Receipt = ByteString.CopyFrom(receipt.ToBytes());
        }

        return response;
    }

    internal static Protos.Explanation ToMessage(ReceiptExplanation explanation)
    {
        var message = new Protos.Explanation
        {
            Method = explanation.Method,
            OutputIndex = explanation.OutputIndex,
            BaseValue = explanation.BaseValue,
            Encoded = ByteString.CopyFrom(explanation.ToBytes()),
        };
        message.FeatureNames.AddRange(explanation.FeatureNames);
        message.Values.AddRange(explanation.Values);
        foreach (var (name, value) in explanation.Metrics)
        {
            message.Metrics[name] = value;
        }

        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cached {Level} result for model {ModelId} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string modelId, InferenceLevel level, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "VerifyInference by {Caller}: model {ModelId}, level {Level}, cache {Outcome}")]
    private static partial void LogServed(ILogger logger, string caller, string modelId, InferenceLevel level, CacheOutcome outcome);
}
