using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace NexusZero.Service.Security;

/// <summary>
/// Authenticates every request to the service's paths before routing reaches a handler: inference calls need a caller
/// key or a pinned client certificate (a key, when sent, decides), admin calls an admin key (a caller key is
/// PermissionDenied; certificates never open the admin surface), and admin calls are PermissionDenied outright while
/// the admin surface is off. The caller's name goes to <see cref="CallerItem"/> for rate limiting and logs.
/// </summary>
internal sealed class CallerAuthenticationMiddleware(RequestDelegate next, ApiKeyAuthenticator keys, ClientCertificateAuthenticator certificates, NexusZeroServiceOptions options)
{
    public const string CallerItem = "NexusZero.Service.Caller";

    public const string InferenceGrpcPrefix = "/nexuszero.service.v1.VerifiableInference/";
    public const string AdminGrpcPrefix = "/nexuszero.service.v1.ModelAdmin/";
    public const string InferenceHttpPrefix = "/v1/inference/";
    public const string AdminHttpPrefix = "/v1/admin/";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var isAdmin = path.StartsWith(AdminGrpcPrefix, StringComparison.Ordinal) || path.StartsWith(AdminHttpPrefix, StringComparison.Ordinal);
        var isInference = path.StartsWith(InferenceGrpcPrefix, StringComparison.Ordinal) || path.StartsWith(InferenceHttpPrefix, StringComparison.Ordinal);
        if (!isAdmin && !isInference)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        string? key = context.Request.Headers[ApiKeyAuthenticator.HeaderName];
        if (string.IsNullOrEmpty(key) && isInference && certificates.Enabled)
        {
            var holder = certificates.Authenticate(context.Connection.ClientCertificate);
            if (holder is null)
            {
                var reason = context.Connection.ClientCertificate is null
                    ? $"Neither the {ApiKeyAuthenticator.HeaderName} header nor a client certificate was presented."
                    : "The client certificate is not recognized.";
                await ErrorWriter.WriteAsync(context, StatusCode.Unauthenticated, reason).ConfigureAwait(false);
                return;
            }

            context.Items[CallerItem] = "certificate:" + holder;
            await next(context).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(key))
        {
            await ErrorWriter.WriteAsync(context, StatusCode.Unauthenticated, $"The {ApiKeyAuthenticator.HeaderName} header is missing.").ConfigureAwait(false);
            return;
        }

        if (isAdmin)
        {
            if (!options.AdminEnabled)
            {
                await ErrorWriter.WriteAsync(context, StatusCode.PermissionDenied, "The admin surface is disabled.").ConfigureAwait(false);
                return;
            }

            var admin = keys.AuthenticateAdmin(key);
            if (admin is null)
            {
                var status = keys.AuthenticateCaller(key) is null ? StatusCode.Unauthenticated : StatusCode.PermissionDenied;
                await ErrorWriter.WriteAsync(context, status, status == StatusCode.PermissionDenied ? "A caller key does not open the admin surface." : "The API key is not recognized.").ConfigureAwait(false);
                return;
            }

            context.Items[CallerItem] = "admin:" + admin;
        }
        else
        {
            var caller = keys.AuthenticateCaller(key);
            if (caller is null)
            {
                await ErrorWriter.WriteAsync(context, StatusCode.Unauthenticated, "The API key is not recognized.").ConfigureAwait(false);
                return;
            }

            context.Items[CallerItem] = caller;
        }

        await next(context).ConfigureAwait(false);
    }

    public static string CallerOf(HttpContext context) => context.Items[CallerItem] as string ?? "anonymous";
}
