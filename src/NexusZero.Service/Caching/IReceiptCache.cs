namespace NexusZero.Service.Caching;

/// <summary>
/// Where computed results are kept between requests. A store holds bytes and nothing else: it is not
/// trusted, and <see cref="ReceiptCacheCoordinator"/> re-verifies every value it reads before serving it.
/// </summary>
/// <remarks>
/// A store that cannot be reached behaves as a miss on read and as a no-op on write (implementations
/// log it and count it); it never fails the request that asked. Implementations are thread-safe.
/// </remarks>
public interface IReceiptCache
{
    /// <summary>The cached bytes for <paramref name="key"/>, or <see langword="null"/> on a miss or when the store is unreachable.</summary>
    ValueTask<byte[]?> TryGetAsync(ReceiptCacheKey key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> for at most <paramref name="timeToLive"/>.</summary>
    ValueTask SetAsync(ReceiptCacheKey key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Removes the entry for <paramref name="key"/> (used when a cached value fails re-verification).</summary>
    ValueTask RemoveAsync(ReceiptCacheKey key, CancellationToken cancellationToken);
}
