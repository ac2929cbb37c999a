namespace NexusZero.Service.Caching;

/// <summary>How <see cref="ReceiptCacheCoordinator.GetOrComputeAsync"/> obtained its value.</summary>
public enum CacheOutcome
{
    /// <summary>Read from the cache and re-verified.</summary>
    Hit,

    /// <summary>Not in the cache (or the cache was unreachable): computed and stored.</summary>
    Miss,

    /// <summary>In the cache but failed re-verification: removed, computed again and stored.</summary>
    Rejected,

    /// <summary>Another identical request was already computing it; this one waited and shared the result.</summary>
    Shared,
}
