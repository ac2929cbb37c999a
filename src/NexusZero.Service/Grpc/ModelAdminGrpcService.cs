using Grpc.Core;
using NexusZero.Service.Handlers;
using NexusZero.Service.Protos;
using NexusZero.Service.Security;

namespace NexusZero.Service.Grpc;

/// <summary>The gRPC face of the admin calls (mapped only when the admin surface is on).</summary>
internal sealed class ModelAdminGrpcService(AdminHandler admin) : ModelAdmin.ModelAdminBase
{
    public override Task<RegisterModelResponse> RegisterModel(RegisterModelRequest request, ServerCallContext context) =>
        VerifiableInferenceGrpcService.Guard(() => Task.Run(() => admin.Register(request, CallerAuthenticationMiddleware.CallerOf(context.GetHttpContext())), context.CancellationToken));

    public override Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context) =>
        VerifiableInferenceGrpcService.Guard(() => Task.FromResult(admin.List()));
}
