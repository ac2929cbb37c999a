namespace NexusZero.Service.Caching;

/// <summary>A value served by <see cref="ReceiptCacheCoordinator"/> and how it was obtained.</summary>
/// <param name="Value">The verified bytes.</param>
/// <param name="Outcome">Hit, miss, rejected-and-recomputed or shared.</param>
public sealed record CachedValue(byte[] Value, CacheOutcome Outcome);
