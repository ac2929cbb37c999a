using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NexusZero.Service.Caching;
using NexusZero.Service.Redis;
using NexusZero.Service.Tests.Caching.Support;

namespace NexusZero.Service.Tests.Caching;

/// <summary>A Redis that is down is logged (once per window, without values) and counted.</summary>
public sealed class RedisObservabilityTests
{
    [Fact]
    public async Task RedisDown_FailuresAreCountedAndLoggedWithoutValues()
    {
        var dead = await RedisServer.StartAsync();
        await dead.DisposeAsync();

        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var errors = new List<(string Operation, string Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Name == ReceiptCacheMetrics.StoreErrorsInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? operation = null, reason = null, store = null;
            foreach (var tag in tags)
            {
                operation = tag.Key == ReceiptCacheMetrics.OperationTag ? (string?)tag.Value : operation;
                reason = tag.Key == ReceiptCacheMetrics.ReasonTag ? (string?)tag.Value : reason;
                store = tag.Key == ReceiptCacheMetrics.StoreTag ? (string?)tag.Value : store;
            }

            Assert.Equal("redis", store);
            lock (errors)
            {
                errors.Add((operation!, reason!));
            }
        });
        listener.Start();

        var logger = new CapturingLogger<RedisReceiptCache>();
        await using var store = new RedisReceiptCache(new RedisReceiptCacheOptions { Configuration = dead.Configuration }, logger, meterFactory);
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue();
        var valueHex = Convert.ToHexString(value);

        Assert.Null(await store.TryGetAsync(key, CancellationToken.None));
        await store.SetAsync(key, value, TimeSpan.FromMinutes(1), CancellationToken.None);
        await store.RemoveAsync(key, CancellationToken.None);
        Assert.Null(await store.TryGetAsync(key, CancellationToken.None));

        lock (errors)
        {
            Assert.Equal(["get", "set", "remove", "get"], errors.Select(e => e.Operation));
            Assert.All(errors, e => Assert.Contains(e.Reason, new[] { "unreachable", "timeout" }));
        }

        var line = Assert.Single(logger.Lines);
        Assert.StartsWith("Warning:", line, StringComparison.Ordinal);
        Assert.DoesNotContain(valueHex, line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key.Value, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(value), line, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNexusZeroRedisReceiptCache_ReplacesTheDefaultStore()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IReceiptCache>(NoReceiptCache.Instance);
        services.AddNexusZeroRedisReceiptCache(o => o.Configuration = "127.0.0.1:1");
        using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<RedisReceiptCache>(provider.GetRequiredService<IReceiptCache>());
        Assert.Same(store, provider.GetRequiredService<RedisReceiptCache>());
        Assert.Single(services, d => d.ServiceType == typeof(IReceiptCache));
    }

    [Fact]
    public void AddNexusZeroMemoryReceiptCache_ReplacesTheDefaultStoreAndBindsOptions()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IReceiptCache>(NoReceiptCache.Instance);
        services.AddNexusZeroMemoryReceiptCache(o => o.MemorySizeLimitBytes = 12345);
        using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<MemoryReceiptCache>(provider.GetRequiredService<IReceiptCache>());
        Assert.Equal(12345, store.SizeLimitBytes);
        Assert.Equal(12345, provider.GetRequiredService<ReceiptCacheOptions>().MemorySizeLimitBytes);
        Assert.Single(services, d => d.ServiceType == typeof(IReceiptCache));
    }
}
