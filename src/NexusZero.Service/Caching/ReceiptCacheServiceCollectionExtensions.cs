using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NexusZero.Service.Caching;

/// <summary>Registers the in-process receipt cache.</summary>
public static class ReceiptCacheServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="MemoryReceiptCache"/> the <see cref="IReceiptCache"/>, replacing any earlier registration
    /// (the service registers <see cref="NoReceiptCache"/> only when none is). <see cref="ReceiptCacheOptions"/>
    /// come from the options system (<c>IOptions&lt;ReceiptCacheOptions&gt;</c>), configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the time to live and the size bound; null keeps the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddNexusZeroMemoryReceiptCache(this IServiceCollection services, Action<ReceiptCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddReceiptCacheOptions(services, configure);
        services.TryAddSingleton(sp => new MemoryReceiptCache(sp.GetRequiredService<ReceiptCacheOptions>()));
        services.Replace(ServiceDescriptor.Singleton<IReceiptCache>(sp => sp.GetRequiredService<MemoryReceiptCache>()));
        return services;
    }

    /// <summary>
    /// Registers <see cref="ReceiptCacheOptions"/> in the options system, applies <paramref name="configure"/>, and
    /// makes the configured instance resolvable as <see cref="ReceiptCacheOptions"/> itself unless one already is.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Applied to the options; null for none.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddReceiptCacheOptions(this IServiceCollection services, Action<ReceiptCacheOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ReceiptCacheOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ReceiptCacheOptions>>().Value);
        return services;
    }
}
