namespace NexusZero.Service.Caching;

/// <summary>Settings of the receipt cache.</summary>
public sealed class ReceiptCacheOptions
{
    /// <summary>How long a result stays cached. Default 10 minutes.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound on the bytes the in-process cache holds. Default 256 MiB.</summary>
    public long MemorySizeLimitBytes { get; set; } = 256L * 1024 * 1024;
}
