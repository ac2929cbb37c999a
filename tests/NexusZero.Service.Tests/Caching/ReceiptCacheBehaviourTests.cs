using NexusZero.Service.Caching;
using NexusZero.Service.Tests.Caching.Support;

namespace NexusZero.Service.Tests.Caching;

/// <summary>
/// What every store must do under the coordinator: round trip, expiry, a poisoned value rejected and
/// replaced, identical concurrent requests computed once, and two coordinators (two service instances)
/// sharing one store. Run once per store by the derived classes.
/// </summary>
public abstract class ReceiptCacheBehaviourTests
{
    private protected static readonly ReceiptCacheOptions Options = new() { TimeToLive = TimeSpan.FromMinutes(5) };

    /// <summary>A store instance; two calls give two clients of one shared store where the store can be shared.</summary>
    private protected abstract IReceiptCache CreateStore();

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/> behind the coordinator's back.</summary>
    private protected abstract Task PoisonAsync(ReceiptCacheKey key, byte[] value);

    [Fact]
    public async Task RoundTrip_StoredValueIsReadBack()
    {
        var store = CreateStore();
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue(1000);

        Assert.Null(await store.TryGetAsync(key, CancellationToken.None));
        await store.SetAsync(key, value, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(value, await store.TryGetAsync(key, CancellationToken.None));

        await store.RemoveAsync(key, CancellationToken.None);
        Assert.Null(await store.TryGetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task TimeToLive_EntryExpires()
    {
        var store = CreateStore();
        var key = TestKeys.NewKey();
        // A TTL long enough that a loaded machine reads the entry before it expires, then a bounded wait for the
        // expiry (no fixed sleep that a slow machine could outrun).
        var written = System.Diagnostics.Stopwatch.StartNew();
        await store.SetAsync(key, TestKeys.GoodValue(), TimeSpan.FromSeconds(2), CancellationToken.None);
        var present = await store.TryGetAsync(key, CancellationToken.None);
        Assert.True(present is not null || written.Elapsed >= TimeSpan.FromSeconds(2), "The entry was gone before its time to live.");

        byte[]? after = present;
        while (after is not null && written.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            after = await store.TryGetAsync(key, CancellationToken.None);
        }

        Assert.Null(after);
        Assert.True(written.Elapsed >= TimeSpan.FromSeconds(2) || present is null, "The entry expired before its time to live.");
    }

    [Fact]
    public async Task Coordinator_MissThenHit()
    {
        var coordinator = new ReceiptCacheCoordinator(CreateStore(), Options);
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue();
        var computations = 0;

        var first = await coordinator.GetOrComputeAsync(key, _ => { computations++; return ValueTask.FromResult(value); }, TestKeys.IsGood, CancellationToken.None);
        var second = await coordinator.GetOrComputeAsync(key, _ => { computations++; return ValueTask.FromResult(value); }, TestKeys.IsGood, CancellationToken.None);

        Assert.Equal(CacheOutcome.Miss, first.Outcome);
        Assert.Equal(CacheOutcome.Hit, second.Outcome);
        Assert.Equal(value, second.Value);
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task CorruptedValue_IsRejectedRemovedRecomputedAndReplaced()
    {
        var store = CreateStore();
        var coordinator = new ReceiptCacheCoordinator(store, Options);
        var key = TestKeys.NewKey();
        var good = TestKeys.GoodValue();
        var corrupted = (byte[])good.Clone();
        corrupted[0] ^= 0xFF;
        await PoisonAsync(key, corrupted);

        var validated = new List<byte[]>();
        var computations = 0;
        var result = await coordinator.GetOrComputeAsync(
            key,
            _ => { computations++; return ValueTask.FromResult(good); },
            value => { validated.Add(value.ToArray()); return TestKeys.IsGood(value); },
            CancellationToken.None);

        Assert.Equal(CacheOutcome.Rejected, result.Outcome);
        Assert.Equal(good, result.Value);
        Assert.Equal(1, computations);
        Assert.Equal(corrupted, Assert.Single(validated));
        Assert.Equal(good, await store.TryGetAsync(key, CancellationToken.None));

        var again = await coordinator.GetOrComputeAsync(key, _ => throw new InvalidOperationException("must not compute"), TestKeys.IsGood, CancellationToken.None);
        Assert.Equal(CacheOutcome.Hit, again.Outcome);
        Assert.Equal(good, again.Value);
    }

    [Fact]
    public async Task ConcurrentIdenticalRequests_ComputeOnce()
    {
        var coordinator = new ReceiptCacheCoordinator(CreateStore(), Options);
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var computations = 0;

        async ValueTask<byte[]> Compute(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref computations);
            await release.Task.WaitAsync(cancellationToken);
            return value;
        }

        var requests = Enumerable.Range(0, 32)
            .Select(_ => Task.Run(() => coordinator.GetOrComputeAsync(key, Compute, TestKeys.IsGood, CancellationToken.None).AsTask()))
            .ToArray();
        await WaitUntilAsync(() => Volatile.Read(ref computations) > 0);
        await Task.Delay(100);
        release.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.Equal(1, computations);
        Assert.All(results, r => Assert.Equal(value, r.Value));
        Assert.Equal(1, results.Count(r => r.Outcome == CacheOutcome.Miss));
        Assert.Equal(31, results.Count(r => r.Outcome == CacheOutcome.Shared));
        Assert.Equal(0, coordinator.InFlightCount);
    }

    [Fact]
    public async Task TwoCoordinators_SeeEachOthersValues()
    {
        var first = new ReceiptCacheCoordinator(CreateStore(), Options);
        var second = new ReceiptCacheCoordinator(CreateStore(), Options);
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue();

        var computed = await first.GetOrComputeAsync(key, _ => ValueTask.FromResult(value), TestKeys.IsGood, CancellationToken.None);
        var shared = await second.GetOrComputeAsync(key, _ => throw new InvalidOperationException("must not compute"), TestKeys.IsGood, CancellationToken.None);

        Assert.Equal(CacheOutcome.Miss, computed.Outcome);
        Assert.Equal(CacheOutcome.Hit, shared.Outcome);
        Assert.Equal(value, shared.Value);
    }

    private protected static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(10);
        }
    }
}
