using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NexusZero.Service.Gateway;
using NexusZero.Service.Grpc;
using NexusZero.Service.Models;
using NexusZero.Service.Security;

namespace NexusZero.Service.Hosting;

/// <summary>Puts the service into an ASP.NET Core pipeline.</summary>
public static class NexusZeroApplicationBuilderExtensions
{
    /// <summary>Authentication of the service's paths, then the per-caller rate limiter. Call before routing to the endpoints.</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static IApplicationBuilder UseNexusZeroService(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<CallerAuthenticationMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps the gRPC services and the JSON gateway (admin ones only when enabled), and loads the models now rather than at the first call.</summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <returns>The endpoint builder.</returns>
    public static IEndpointRouteBuilder MapNexusZeroService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<NexusZeroServiceOptions>();
        endpoints.ServiceProvider.GetRequiredService<ModelRegistry>();
        endpoints.MapGrpcService<VerifiableInferenceGrpcService>();
        if (options.AdminEnabled)
        {
            endpoints.MapGrpcService<ModelAdminGrpcService>();
        }

        GatewayEndpoints.Map(endpoints, options);
        return endpoints;
    }
}
