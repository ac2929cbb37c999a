using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NexusZero.Service.Caching;
using NexusZero.Service.Tests.Caching.Support;

namespace NexusZero.Service.Tests.Caching;

/// <summary>The coordinator's single-flight table: cancellation, failure, draining, metrics, misbehaving stores.</summary>
public sealed class SingleFlightTests
{
    private static readonly ReceiptCacheOptions Options = new();

    [Fact]
    public async Task OneWaiterCancelling_DoesNotCancelTheComputationForTheOthers()
    {
        using var store = new MemoryReceiptCache(Options);
        var coordinator = new ReceiptCacheCoordinator(store, Options);
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var computeCancelled = false;

        async ValueTask<byte[]> Compute(CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await release.Task;
            computeCancelled = cancellationToken.IsCancellationRequested;
            return value;
        }

        using var leaderCancellation = new CancellationTokenSource();
        var leader = coordinator.GetOrComputeAsync(key, Compute, TestKeys.IsGood, leaderCancellation.Token).AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var follower = coordinator.GetOrComputeAsync(key, Compute, TestKeys.IsGood, CancellationToken.None).AsTask();

        await leaderCancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leader);
        release.SetResult();

        var result = await follower.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(CacheOutcome.Shared, result.Outcome);
        Assert.Equal(value, result.Value);
        Assert.False(computeCancelled);
        Assert.Equal(value, await store.TryGetAsync(key, CancellationToken.None));
        Assert.Equal(0, coordinator.InFlightCount);
    }

    [Fact]
    public async Task EveryWaiterCancelling_CancelsTheComputationAndFreesTheKey()
    {
        var coordinator = new ReceiptCacheCoordinator(NoReceiptCache.Instance, Options);
        var key = TestKeys.NewKey();
        var observed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async ValueTask<byte[]> Hang(CancellationToken cancellationToken)
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                observed.TrySetResult(true);
                throw;
            }

            return [];
        }

        using var cancellation = new CancellationTokenSource();
        var only = coordinator.GetOrComputeAsync(key, Hang, TestKeys.IsGood, cancellation.Token).AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => only);

        Assert.True(await observed.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, coordinator.InFlightCount);

        // The key is free: the next request computes afresh.
        var value = TestKeys.GoodValue();
        var next = await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(value), TestKeys.IsGood, CancellationToken.None);
        Assert.Equal(CacheOutcome.Miss, next.Outcome);
    }

    [Fact]
    public async Task FailedComputation_ReachesEveryWaiterAndIsNotCached()
    {
        using var store = new MemoryReceiptCache(Options);
        var coordinator = new ReceiptCacheCoordinator(store, Options);
        var key = TestKeys.NewKey();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var computations = 0;

        async ValueTask<byte[]> Fail(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref computations);
            await release.Task;
            throw new InvalidDataException("model evaluation failed");
        }

        var requests = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => coordinator.GetOrComputeAsync(key, Fail, TestKeys.IsGood, CancellationToken.None).AsTask()))
            .ToArray();
        while (Volatile.Read(ref computations) == 0)
        {
            await Task.Delay(10);
        }

        await Task.Delay(50);
        release.SetResult();
        foreach (var request in requests)
        {
            var ex = await Assert.ThrowsAsync<InvalidDataException>(() => request);
            Assert.Equal("model evaluation failed", ex.Message);
        }

        Assert.True(computations < 8, $"{computations} computations for 8 identical requests.");
        Assert.Null(await store.TryGetAsync(key, CancellationToken.None));
        Assert.Equal(0, coordinator.InFlightCount);

        var value = TestKeys.GoodValue();
        var retry = await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(value), TestKeys.IsGood, CancellationToken.None);
        Assert.Equal(CacheOutcome.Miss, retry.Outcome);
    }

    [Fact]
    public async Task InFlightTable_DrainsAfterManyDistinctKeys()
    {
        using var store = new MemoryReceiptCache(Options);
        var coordinator = new ReceiptCacheCoordinator(store, Options);
        var requests = Enumerable.Range(0, 500).Select(i => Task.Run(async () =>
        {
            var value = TestKeys.GoodValue();
            if (i % 3 == 0)
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() =>
                    coordinator.GetOrComputeAsync(TestKeys.NewKey(), _ => throw new InvalidOperationException("boom"), TestKeys.IsGood, CancellationToken.None).AsTask());
            }
            else
            {
                await coordinator.GetOrComputeAsync(TestKeys.NewKey(), _ => ValueTask.FromResult(value), TestKeys.IsGood, CancellationToken.None);
            }
        }));
        await Task.WhenAll(requests);
        Assert.Equal(0, coordinator.InFlightCount);
    }

    [Fact]
    public async Task SharedValues_AreCopiesPerCaller()
    {
        var coordinator = new ReceiptCacheCoordinator(NoReceiptCache.Instance, Options);
        var key = TestKeys.NewKey();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var value = TestKeys.GoodValue();

        async ValueTask<byte[]> Compute(CancellationToken cancellationToken)
        {
            await release.Task;
            return value;
        }

        var first = coordinator.GetOrComputeAsync(key, Compute, TestKeys.IsGood, CancellationToken.None).AsTask();
        var second = coordinator.GetOrComputeAsync(key, Compute, TestKeys.IsGood, CancellationToken.None).AsTask();
        release.SetResult();
        var results = await Task.WhenAll(first, second);

        Assert.NotSame(results[0].Value, results[1].Value);
        Assert.Equal(results[0].Value, results[1].Value);
    }

    [Fact]
    public async Task ThrowingStore_IsAMissAndANoOp()
    {
        var coordinator = new ReceiptCacheCoordinator(new ThrowingStore(), Options);
        var value = TestKeys.GoodValue();
        var result = await coordinator.GetOrComputeAsync(TestKeys.NewKey(), _ => ValueTask.FromResult(value), TestKeys.IsGood, CancellationToken.None);
        Assert.Equal(CacheOutcome.Miss, result.Outcome);
        Assert.Equal(value, result.Value);
    }

    [Fact]
    public async Task Metrics_CountEachOutcome()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Meter.Name == ReceiptCacheMetrics.MeterName && instrument.Name == ReceiptCacheMetrics.LookupsInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == ReceiptCacheMetrics.OutcomeTag)
                {
                    lock (counts)
                    {
                        counts[(string)tag.Value!] = counts.GetValueOrDefault((string)tag.Value!) + measurement;
                    }
                }
            }
        });
        listener.Start();

        using var store = new MemoryReceiptCache(Options);
        var coordinator = new ReceiptCacheCoordinator(store, Options, meterFactory, null);
        var key = TestKeys.NewKey();
        var good = TestKeys.GoodValue();
        await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(good), TestKeys.IsGood, CancellationToken.None);
        await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(good), TestKeys.IsGood, CancellationToken.None);
        await store.SetAsync(key, new byte[] { 0 }, TimeSpan.FromMinutes(1), CancellationToken.None);
        await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(good), TestKeys.IsGood, CancellationToken.None);

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var other = TestKeys.NewKey();
        async ValueTask<byte[]> Slow(CancellationToken cancellationToken)
        {
            await release.Task;
            return good;
        }

        var a = coordinator.GetOrComputeAsync(other, Slow, TestKeys.IsGood, CancellationToken.None).AsTask();
        var b = coordinator.GetOrComputeAsync(other, Slow, TestKeys.IsGood, CancellationToken.None).AsTask();
        release.SetResult();
        await Task.WhenAll(a, b);

        lock (counts)
        {
            Assert.Equal(2, counts.GetValueOrDefault("miss"));
            Assert.Equal(1, counts.GetValueOrDefault("hit"));
            Assert.Equal(1, counts.GetValueOrDefault("rejected"));
            Assert.Equal(1, counts.GetValueOrDefault("shared"));
        }
    }

    private sealed class ThrowingStore : IReceiptCache
    {
        public ValueTask<byte[]?> TryGetAsync(ReceiptCacheKey key, CancellationToken cancellationToken) => throw new IOException("store down");

        public ValueTask SetAsync(ReceiptCacheKey key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken) => throw new IOException("store down");

        public ValueTask RemoveAsync(ReceiptCacheKey key, CancellationToken cancellationToken) => throw new IOException("store down");
    }
}
