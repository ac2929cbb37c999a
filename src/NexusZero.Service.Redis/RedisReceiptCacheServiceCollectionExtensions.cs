using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NexusZero.Service.Caching;

namespace NexusZero.Service.Redis;

/// <summary>Registers the Redis receipt cache.</summary>
public static class RedisReceiptCacheServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="RedisReceiptCache"/> the <see cref="IReceiptCache"/>, replacing any earlier registration
    /// (the service registers <see cref="NoReceiptCache"/> only when none is). The store is a singleton that the
    /// container disposes; <see cref="RedisReceiptCacheOptions"/> come from <c>IOptions&lt;RedisReceiptCacheOptions&gt;</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets where Redis is and the limits.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNexusZeroRedisReceiptCache(this IServiceCollection services, Action<RedisReceiptCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddReceiptCacheOptions(null);
        services.AddOptions<RedisReceiptCacheOptions>().Configure(configure);
        services.TryAddSingleton(sp => new RedisReceiptCache(
            sp.GetRequiredService<IOptions<RedisReceiptCacheOptions>>().Value,
            sp.GetService<ILogger<RedisReceiptCache>>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.Replace(ServiceDescriptor.Singleton<IReceiptCache>(sp => sp.GetRequiredService<RedisReceiptCache>()));
        return services;
    }
}
