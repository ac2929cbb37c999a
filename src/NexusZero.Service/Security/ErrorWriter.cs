using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace NexusZero.Service.Security;

/// <summary>
/// Writes a refusal before any handler runs: to a gRPC caller as a trailers-only response (grpc-status and
/// grpc-message headers), to a gateway caller as an HTTP status and a JSON body <c>{"code","message"}</c>.
/// </summary>
internal static class ErrorWriter
{
    public static bool IsGrpc(HttpContext context) => context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext context, StatusCode code, string message, int? httpStatus = null)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        if (IsGrpc(context))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = httpStatus ?? HttpStatusOf(code);
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = code.ToString(), ["message"] = message }));
    }

    public static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists => StatusCodes.Status409Conflict,
        StatusCode.FailedPrecondition => StatusCodes.Status422UnprocessableEntity,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.Cancelled => 499,
        _ => StatusCodes.Status500InternalServerError,
    };
}
