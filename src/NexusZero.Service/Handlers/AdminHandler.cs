using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using NexusZero.Service.Models;
using NexusZero.Service.Protos;
using NexusZero.Service.Requests;

namespace NexusZero.Service.Handlers;

/// <summary>RegisterModel and ListModels: the admin surface (off by default, its own keys).</summary>
internal sealed partial class AdminHandler(ModelRegistry registry, ILogger<AdminHandler> logger)
{
    public RegisterModelResponse Register(RegisterModelRequest request, string admin)
    {
        RegisteredModel model;
        try
        {
            RegisteredModel.CheckId(request.ModelId);
            if (registry.TryGet(request.ModelId, out _))
            {
                throw new ServiceException(StatusCode.AlreadyExists, $"model_id: '{request.ModelId}' is already registered.");
            }

            model = RegisteredModel.Create(request.ModelId, request.Onnx.ToByteArray(), request.Background, request.FeatureNames.Count > 0 ? request.FeatureNames : null);
        }
        catch (ArgumentException ex)
        {
            throw ServiceException.InvalidArgument(ex.Message);
        }

        try
        {
            registry.Add(model);
        }
        catch (InvalidOperationException ex)
        {
            model.Dispose();
            throw new ServiceException(StatusCode.FailedPrecondition, ex.Message);
        }

        LogRegistered(logger, admin, model.Id, model.Keys.ConstraintCount);
        return new RegisterModelResponse { Model = Info(model) };
    }

    public ListModelsResponse List()
    {
        var response = new ListModelsResponse();
        response.Models.AddRange(registry.List().Select(Info));
        return response;
    }

    private static ModelInfo Info(RegisteredModel model) => new()
    {
        ModelId = model.Id,
        ModelCommitment = ByteString.CopyFrom(model.Commitment.Span),
        InputCount = model.InputCount,
        OutputCount = model.OutputCount,
        ConstraintCount = model.Keys.ConstraintCount,
        VerifyingKeyJson = model.VerifyingKeyJson,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId} registered by {Admin} ({Constraints} constraints)")]
    private static partial void LogRegistered(ILogger logger, string admin, string modelId, int constraints);
}
