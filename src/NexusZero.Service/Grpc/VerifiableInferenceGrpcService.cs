using Grpc.Core;
using NexusZero.Service.Handlers;
using NexusZero.Service.Protos;
using NexusZero.Service.Requests;
using NexusZero.Service.Security;

namespace NexusZero.Service.Grpc;

/// <summary>The gRPC face of the inference calls; the handlers are the gateway's too.</summary>
internal sealed class VerifiableInferenceGrpcService(VerifiableInferenceHandler inference, ExplanationHandler explanations, ConsensusCheckHandler consensus)
    : VerifiableInference.VerifiableInferenceBase
{
    public override Task<VerifyInferenceResponse> VerifyInference(VerifyInferenceRequest request, ServerCallContext context) =>
        Guard(() => inference.VerifyInferenceAsync(request, CallerAuthenticationMiddleware.CallerOf(context.GetHttpContext()), context.CancellationToken));

    public override Task<GetExplanationResponse> GetExplanation(GetExplanationRequest request, ServerCallContext context) =>
        Guard(() => Task.FromResult(explanations.GetExplanation(request, context.CancellationToken)));

    public override Task<CheckConsensusResponse> CheckConsensus(CheckConsensusRequest request, ServerCallContext context) =>
        Guard(() => consensus.CheckAsync(request, context.CancellationToken));

    internal static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ServiceException ex)
        {
            throw ex.ToRpcException();
        }
    }
}
