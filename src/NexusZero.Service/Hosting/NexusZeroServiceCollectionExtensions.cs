using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NexusZero.Pipeline;
using NexusZero.Service.Caching;
using NexusZero.Service.Consensus;
using NexusZero.Service.Grpc;
using NexusZero.Service.Handlers;
using NexusZero.Service.Models;
using NexusZero.Service.Results;
using NexusZero.Service.Security;

namespace NexusZero.Service.Hosting;

/// <summary>Registers the verifiable-inference service in an ASP.NET Core app (docs/service.md, "Hosting").</summary>
public static class NexusZeroServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gRPC services, handlers, model registry (loading the configured models), validators, receipt cache
    /// coordinator (over <see cref="NoReceiptCache"/> unless another <see cref="IReceiptCache"/> is registered), and the
    /// per-caller rate limiter. Call <see cref="NexusZeroApplicationBuilderExtensions.UseNexusZeroService"/> and
    /// <see cref="NexusZeroApplicationBuilderExtensions.MapNexusZeroService"/> on the app.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (after configuration binding, when the host binds them).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddNexusZeroService(this IServiceCollection services, Action<NexusZeroServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<NexusZeroServiceOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<NexusZeroServiceOptions>>().Value);
        services.TryAddSingleton(sp => ModelRegistry.FromOptions(sp.GetRequiredService<NexusZeroServiceOptions>()));
        services.TryAddSingleton(sp => ServiceValidators.Create(sp.GetRequiredService<NexusZeroServiceOptions>(), sp.GetRequiredService<ModelRegistry>()));
        services.TryAddSingleton(sp => CacheSecret.FromOptions(sp.GetRequiredService<NexusZeroServiceOptions>()));
        services.TryAddSingleton<IReceiptCache>(NoReceiptCache.Instance);
        // Through the options system, so a cache registered before or after this call configures the same instance.
        services.AddReceiptCacheOptions(configure: null);
        services.TryAddSingleton(sp => new ReceiptCacheCoordinator(
            sp.GetRequiredService<IReceiptCache>(),
            sp.GetRequiredService<ReceiptCacheOptions>(),
            sp.GetService<IMeterFactory>(),
            sp.GetService<ILogger<ReceiptCacheCoordinator>>()));
        services.TryAddSingleton(_ => new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 }));
        services.TryAddSingleton(sp => new CachedResultVerifier(sp.GetRequiredService<CacheSecret>().Key, sp.GetRequiredService<NexuszeroApi>()));
        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.TryAddSingleton<ClientCertificateAuthenticator>();
        services.TryAddSingleton<InferenceRunner>();
        services.TryAddSingleton<VerifiableInferenceHandler>();
        services.TryAddSingleton<ExplanationHandler>();
        services.TryAddSingleton<ConsensusCheckHandler>();
        services.TryAddSingleton<AdminHandler>();

        services.AddGrpc();
        services.AddOptions<global::Grpc.AspNetCore.Server.GrpcServiceOptions<VerifiableInferenceGrpcService>>()
            .Configure<NexusZeroServiceOptions>((grpc, options) => grpc.MaxReceiveMessageSize = options.MaxRequestBytes);
        services.AddOptions<global::Grpc.AspNetCore.Server.GrpcServiceOptions<ModelAdminGrpcService>>()
            .Configure<NexusZeroServiceOptions>((grpc, options) => grpc.MaxReceiveMessageSize = options.MaxAdminRequestBytes);

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<NexusZeroServiceOptions>((limiter, options) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Items[CallerAuthenticationMiddleware.CallerItem] is string caller
                    ? RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.RateLimitPermits,
                        Window = options.RateLimitWindow,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("unauthenticated"));
            limiter.OnRejected = (context, _) => new ValueTask(ErrorWriter.WriteAsync(
                context.HttpContext,
                StatusCode.ResourceExhausted,
                $"Rate limit: {options.RateLimitPermits} requests per {options.RateLimitWindow.TotalSeconds} s per caller.",
                StatusCodes.Status429TooManyRequests));
        });
        return services;
    }
}
