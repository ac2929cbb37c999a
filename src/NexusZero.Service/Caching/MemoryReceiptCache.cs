using Microsoft.Extensions.Caching.Memory;

namespace NexusZero.Service.Caching;

/// <summary>
/// The in-process store: a <see cref="MemoryCache"/> of its own, bounded to
/// <see cref="ReceiptCacheOptions.MemorySizeLimitBytes"/> counted as the stored values' byte lengths, with
/// each entry expiring after the time to live it was stored with. Values are copied on the way in and on the
/// way out, so no caller can change what another one reads.
/// </summary>
/// <remarks>
/// A value that would take the cache past its bound is not stored (and the cache compacts, dropping the
/// least recently used entries), so a burst of large receipts costs hits, never memory beyond the bound.
/// The bound counts value bytes only; keys and bookkeeping add about 200 bytes per entry.
/// </remarks>
public sealed class MemoryReceiptCache : IReceiptCache, IDisposable
{
    private readonly MemoryCache _cache;

    /// <summary>Creates an empty cache bounded by <paramref name="options"/>.</summary>
    /// <param name="options">Supplies <see cref="ReceiptCacheOptions.MemorySizeLimitBytes"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size limit is not positive.</exception>
    public MemoryReceiptCache(ReceiptCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MemorySizeLimitBytes, nameof(options) + "." + nameof(ReceiptCacheOptions.MemorySizeLimitBytes));
        SizeLimitBytes = options.MemorySizeLimitBytes;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.MemorySizeLimitBytes, TrackStatistics = true });
    }

    /// <summary>The bound on the bytes of stored values.</summary>
    public long SizeLimitBytes { get; }

    /// <summary>The bytes of values stored now (never more than <see cref="SizeLimitBytes"/>).</summary>
    public long CurrentSizeBytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <inheritdoc />
    public ValueTask<byte[]?> TryGetAsync(ReceiptCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ValueTask.FromResult(_cache.TryGetValue(key.Value, out byte[]? stored) && stored is not null ? (byte[]?)stored.AsSpan().ToArray() : null);
    }

    /// <inheritdoc />
    /// <remarks>A non-positive <paramref name="timeToLive"/> stores nothing.</remarks>
    public ValueTask SetAsync(ReceiptCacheKey key, ReadOnlyMemory<byte> value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (timeToLive <= TimeSpan.Zero || value.Length > SizeLimitBytes)
        {
            return ValueTask.CompletedTask;
        }

        var options = new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = timeToLive,
            Size = value.Length,
        };
        _cache.Set(key.Value, value.ToArray(), options);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(ReceiptCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        _cache.Remove(key.Value);
        return ValueTask.CompletedTask;
    }

    /// <summary>Drops every entry and releases the cache.</summary>
    public void Dispose() => _cache.Dispose();
}
