using NexusZero.Service.Caching;
using NexusZero.Service.Tests.Caching.Support;

namespace NexusZero.Service.Tests.Caching;

/// <summary>
/// The coordinator skips re-verification only for bytes this process computed or verified for the same key: anything
/// else a store returns is verified in full.
/// </summary>
public sealed class VerifiedValueMemoTests
{
    [Fact]
    public async Task A_value_computed_here_is_served_without_a_second_verification()
    {
        var store = new MemoryReceiptCache(new ReceiptCacheOptions());
        var coordinator = new ReceiptCacheCoordinator(store, new ReceiptCacheOptions());
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue();
        var checks = 0;
        bool Check(ReadOnlyMemory<byte> v) { checks++; return TestKeys.IsGood(v); }

        Assert.Equal(CacheOutcome.Miss, (await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(value), Check, CancellationToken.None)).Outcome);
        Assert.Equal(CacheOutcome.Hit, (await coordinator.GetOrComputeAsync(key, _ => throw new InvalidOperationException(), Check, CancellationToken.None)).Outcome);
        Assert.Equal(0, checks);
    }

    [Fact]
    public async Task Changed_bytes_or_another_key_are_verified_in_full()
    {
        var store = new MemoryReceiptCache(new ReceiptCacheOptions());
        var coordinator = new ReceiptCacheCoordinator(store, new ReceiptCacheOptions());
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue();
        var checks = 0;
        bool Check(ReadOnlyMemory<byte> v) { checks++; return TestKeys.IsGood(v); }
        await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(value), Check, CancellationToken.None);

        // Same length, one byte changed, the marker intact: the check runs (and here accepts).
        var altered = (byte[])value.Clone();
        altered[^1] ^= 1;
        await store.SetAsync(key, altered, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(CacheOutcome.Hit, (await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(value), Check, CancellationToken.None)).Outcome);
        Assert.Equal(1, checks);

        // The computed bytes moved under another key: verified there, and refused when the check refuses.
        var other = TestKeys.NewKey();
        await store.SetAsync(other, value, TimeSpan.FromMinutes(1), CancellationToken.None);
        var result = await coordinator.GetOrComputeAsync(other, _ => ValueTask.FromResult(TestKeys.GoodValue()), _ => { checks++; return false; }, CancellationToken.None);
        Assert.Equal(CacheOutcome.Rejected, result.Outcome);
        Assert.Equal(2, checks);
    }

    [Fact]
    public async Task With_the_memo_off_every_read_is_verified()
    {
        var options = new ReceiptCacheOptions { VerifiedMemoCapacity = 0 };
        var coordinator = new ReceiptCacheCoordinator(new MemoryReceiptCache(options), options);
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue();
        var checks = 0;
        bool Check(ReadOnlyMemory<byte> v) { checks++; return TestKeys.IsGood(v); }
        await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(value), Check, CancellationToken.None);
        await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(value), Check, CancellationToken.None);
        await coordinator.GetOrComputeAsync(key, _ => ValueTask.FromResult(value), Check, CancellationToken.None);
        Assert.Equal(2, checks);
    }

    [Fact]
    public void The_memo_is_bounded()
    {
        var memo = new VerifiedValueMemo(capacity: 3);
        for (var i = 0; i < 10; i++)
        {
            memo.Add(TestKeys.NewKey(), TestKeys.GoodValue());
            Assert.InRange(memo.Count, 1, 3);
        }
    }
}
