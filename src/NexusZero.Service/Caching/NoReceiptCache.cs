namespace NexusZero.Service.Caching;

/// <summary>A cache that keeps nothing: every request computes. For tests and for hosts that want no cache.</summary>
public sealed class NoReceiptCache : IReceiptCache
{
    /// <summary>The shared instance.</summary>
    public static NoReceiptCache Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<byte[]?> TryGetAsync(ReceiptCacheKey key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    /// <inheritdoc />
    public ValueTask SetAsync(ReceiptCacheKey key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask RemoveAsync(ReceiptCacheKey key, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
