using NexusZero.Service.Caching;
using NexusZero.Service.Tests.Caching.Support;

namespace NexusZero.Service.Tests.Caching;

/// <summary>The shared behaviour on <see cref="MemoryReceiptCache"/>, plus its size bound and copying.</summary>
public sealed class MemoryReceiptCacheTests : ReceiptCacheBehaviourTests, IDisposable
{
    // One store per test instance: "two clients" of an in-process cache are two coordinators on one instance.
    private readonly MemoryReceiptCache _store = new(new ReceiptCacheOptions { MemorySizeLimitBytes = 1024 * 1024 });

    private protected override IReceiptCache CreateStore() => _store;

    private protected override async Task PoisonAsync(ReceiptCacheKey key, byte[] value) =>
        await _store.SetAsync(key, value, TimeSpan.FromMinutes(1), CancellationToken.None);

    [Fact]
    public async Task SizeBound_StoredBytesNeverExceedTheLimit()
    {
        const int limit = 10_000;
        using var store = new MemoryReceiptCache(new ReceiptCacheOptions { MemorySizeLimitBytes = limit });
        var keys = new List<ReceiptCacheKey>();
        for (var i = 0; i < 50; i++)
        {
            var key = TestKeys.NewKey();
            keys.Add(key);
            await store.SetAsync(key, TestKeys.GoodValue(1000), TimeSpan.FromMinutes(1), CancellationToken.None);
            Assert.True(store.CurrentSizeBytes <= limit, $"{store.CurrentSizeBytes} bytes stored over a limit of {limit}.");
        }

        long readable = 0;
        foreach (var key in keys)
        {
            readable += (await store.TryGetAsync(key, CancellationToken.None))?.Length ?? 0;
        }

        Assert.InRange(readable, 1000, limit);
    }

    [Fact]
    public async Task SizeBound_ValueLargerThanTheLimitIsNotStored()
    {
        using var store = new MemoryReceiptCache(new ReceiptCacheOptions { MemorySizeLimitBytes = 100 });
        var key = TestKeys.NewKey();
        await store.SetAsync(key, TestKeys.GoodValue(101), TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Null(await store.TryGetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Copies_CallersCannotChangeStoredBytes()
    {
        var key = TestKeys.NewKey();
        var value = TestKeys.GoodValue();
        var original = (byte[])value.Clone();
        await _store.SetAsync(key, value, TimeSpan.FromMinutes(1), CancellationToken.None);
        value[1] ^= 1;

        var read = await _store.TryGetAsync(key, CancellationToken.None);
        Assert.Equal(original, read);
        read![1] ^= 1;
        Assert.Equal(original, await _store.TryGetAsync(key, CancellationToken.None));
    }

    [Fact]
    public void Options_NonPositiveSizeLimitIsRefused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryReceiptCache(new ReceiptCacheOptions { MemorySizeLimitBytes = 0 }));
        Assert.Contains(nameof(ReceiptCacheOptions.MemorySizeLimitBytes), ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _store.Dispose();
}
