using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NexusZero.Service.Handlers;
using NexusZero.Service.Protos;
using NexusZero.Service.Requests;
using NexusZero.Service.Security;

namespace NexusZero.Service.Gateway;

/// <summary>
/// The JSON/HTTP gateway: POST the proto3 JSON form of a request to <c>/v1/inference/{call}</c> or
/// <c>/v1/admin/{call}</c> and get the proto3 JSON form of the response. Same handlers, same authentication and rate
/// limits as gRPC; bodies above the limit are 413, errors are <c>{"code","message"}</c> with the mapped HTTP status.
/// </summary>
internal static class GatewayEndpoints
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static void Map(IEndpointRouteBuilder endpoints, NexusZeroServiceOptions options)
    {
        const string Inference = CallerAuthenticationMiddleware.InferenceHttpPrefix;
        const string Admin = CallerAuthenticationMiddleware.AdminHttpPrefix;
        MapCall<VerifyInferenceRequest>(endpoints, Inference + "verify", options.MaxRequestBytes, async (context, request, ct) =>
            await context.RequestServices.GetRequiredService<VerifiableInferenceHandler>().VerifyInferenceAsync(request, CallerAuthenticationMiddleware.CallerOf(context), ct).ConfigureAwait(false));
        MapCall<GetExplanationRequest>(endpoints, Inference + "explain", options.MaxRequestBytes, (context, request, ct) =>
            Task.FromResult<IMessage>(context.RequestServices.GetRequiredService<ExplanationHandler>().GetExplanation(request, ct)));
        MapCall<CheckConsensusRequest>(endpoints, Inference + "check-consensus", options.MaxRequestBytes, async (context, request, ct) =>
            await context.RequestServices.GetRequiredService<ConsensusCheckHandler>().CheckAsync(request, ct).ConfigureAwait(false));
        if (options.AdminEnabled)
        {
            MapCall<RegisterModelRequest>(endpoints, Admin + "register-model", options.MaxAdminRequestBytes, (context, request, ct) =>
                Task.Run<IMessage>(() => context.RequestServices.GetRequiredService<AdminHandler>().Register(request, CallerAuthenticationMiddleware.CallerOf(context)), ct));
            MapCall<ListModelsRequest>(endpoints, Admin + "list-models", options.MaxRequestBytes, (context, _, _) =>
                Task.FromResult<IMessage>(context.RequestServices.GetRequiredService<AdminHandler>().List()));
        }
    }

    private static void MapCall<TRequest>(IEndpointRouteBuilder endpoints, string path, int maxBytes, Func<HttpContext, TRequest, CancellationToken, Task<IMessage>> handle)
        where TRequest : IMessage<TRequest>, new() =>
        endpoints.MapPost(path, (RequestDelegate)(context => HandleAsync(context, maxBytes, handle)));

    private static async Task HandleAsync<TRequest>(HttpContext context, int maxBytes, Func<HttpContext, TRequest, CancellationToken, Task<IMessage>> handle)
        where TRequest : IMessage<TRequest>, new()
    {
        var ct = context.RequestAborted;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (context.Request.ContentLength > maxBytes)
        {
            await ErrorWriter.WriteAsync(context, StatusCode.ResourceExhausted, $"The body exceeds the limit of {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
            return;
        }

        var body = await ReadBoundedAsync(context.Request.Body, maxBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            await ErrorWriter.WriteAsync(context, StatusCode.ResourceExhausted, $"The body exceeds the limit of {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
            return;
        }

        TRequest request;
        try
        {
            request = Parser.Parse<TRequest>(System.Text.Encoding.UTF8.GetString(body));
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            await ErrorWriter.WriteAsync(context, StatusCode.InvalidArgument, $"The body is not a valid {typeof(TRequest).Name} in JSON: {ex.Message}").ConfigureAwait(false);
            return;
        }

        IMessage response;
        try
        {
            response = await handle(context, request, ct).ConfigureAwait(false);
        }
        catch (ServiceException ex)
        {
            await ErrorWriter.WriteAsync(context, ex.Code, ex.Message).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Formatter.Format(response), ct).ConfigureAwait(false);
    }

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/> (read no further than one byte past it).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
