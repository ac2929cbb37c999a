namespace NexusZero.Service.Caching;

/// <summary>
/// Serves results through an untrusted <see cref="IReceiptCache"/>: a cached value is served only after
/// it passes the caller's re-verification; one that fails is removed and computed again.
/// </summary>
public sealed class ReceiptCacheCoordinator
{
    private readonly IReceiptCache _cache;
    private readonly ReceiptCacheOptions _options;

    /// <summary>Creates a coordinator over <paramref name="cache"/>.</summary>
    public ReceiptCacheCoordinator(IReceiptCache cache, ReceiptCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _options = options;
    }

    /// <summary>
    /// The value for <paramref name="key"/>: the cached one when <paramref name="isValid"/> accepts it,
    /// otherwise the result of <paramref name="compute"/>, which is then stored.
    /// </summary>
    public async ValueTask<CachedValue> GetOrComputeAsync(
        ReceiptCacheKey key,
        Func<CancellationToken, ValueTask<byte[]>> compute,
        Func<ReadOnlyMemory<byte>, bool> isValid,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(isValid);

        var outcome = CacheOutcome.Miss;
        var cached = await _cache.TryGetAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            if (isValid(cached))
            {
                return new CachedValue(cached, CacheOutcome.Hit);
            }

            outcome = CacheOutcome.Rejected;
            await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }

        var computed = await compute(cancellationToken).ConfigureAwait(false);
        await _cache.SetAsync(key, computed, _options.TimeToLive, cancellationToken).ConfigureAwait(false);
        return new CachedValue(computed, outcome);
    }
}
