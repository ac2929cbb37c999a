using System.Diagnostics;
using NexusZero.Service.Caching;
using NexusZero.Service.Redis;
using NexusZero.Service.Tests.Caching.Support;

namespace NexusZero.Service.Tests.Caching;

/// <summary>Redis stops in the middle of a run and comes back on the same port: requests keep being served throughout.</summary>
public sealed class RedisRestartTests
{
    [Fact]
    public async Task RedisRestart_ServingContinuesAndCachingResumes()
    {
        await using var server = await RedisServer.StartAsync();
        await using var store = new RedisReceiptCache(new RedisReceiptCacheOptions
        {
            Configuration = server.Configuration,
            MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
        });
        var coordinator = new ReceiptCacheCoordinator(store, new ReceiptCacheOptions { TimeToLive = TimeSpan.FromMinutes(5) });
        var computations = 0;

        async Task<CachedValue> RequestAsync(ReceiptCacheKey key, byte[] value) =>
            await coordinator.GetOrComputeAsync(key, _ => { Interlocked.Increment(ref computations); return ValueTask.FromResult(value); }, TestKeys.IsGood, CancellationToken.None);

        var before = TestKeys.NewKey();
        var beforeValue = TestKeys.GoodValue();
        Assert.Equal(CacheOutcome.Miss, (await RequestAsync(before, beforeValue)).Outcome);
        Assert.Equal(CacheOutcome.Hit, (await RequestAsync(before, beforeValue)).Outcome);

        await server.StopAsync();

        // Down: every request is computed and served, none throws, none waits long.
        var down = TestKeys.NewKey();
        var downValue = TestKeys.GoodValue();
        for (var i = 0; i < 10; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await RequestAsync(i % 2 == 0 ? down : before, i % 2 == 0 ? downValue : beforeValue);
            Assert.Equal(CacheOutcome.Miss, result.Outcome);
            Assert.Equal(i % 2 == 0 ? downValue : beforeValue, result.Value);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"a request with Redis down took {clock.Elapsed}.");
        }

        Assert.Equal(11, computations);

        // Back on the same port (empty: no persistence): the client reconnects by itself and caching resumes.
        await server.StartAgainAsync();
        var after = TestKeys.NewKey();
        var afterValue = TestKeys.GoodValue();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            await RequestAsync(after, afterValue);
            if ((await RequestAsync(after, afterValue)).Outcome == CacheOutcome.Hit)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "caching did not resume within 15 s of Redis coming back.");
            await Task.Delay(100);
        }

        Assert.True(store.IsConnected);
    }
}
