namespace NexusZero.Service.Caching;

/// <summary>Settings of the receipt cache.</summary>
public sealed class ReceiptCacheOptions
{
    /// <summary>How long a result stays cached. Default 10 minutes.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound on the bytes the in-process cache holds. Default 256 MiB.</summary>
    public long MemorySizeLimitBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// How many (key, value) digests the coordinator remembers as computed or verified by this process, so that a
    /// value read back unchanged is not verified again (32 bytes each; emptied when full). 0 turns the memo off: every
    /// cached value is then verified on every read. Default 65,536.
    /// </summary>
    public int VerifiedMemoCapacity { get; set; } = 65_536;
}
