namespace NexusZero.Consensus.Locks;

/// <summary>
/// Commit locks held in memory: the default, for validators that keep no state on disk. Locks are pruned when
/// their round expires; when <see cref="MaxLocks"/> live locks are held, new ones are refused rather than
/// evicting a live one, because forgetting a live lock is what would let the validator sign twice.
/// </summary>
public sealed class InMemoryCommitLockStore : ICommitLockStore
{
    /// <summary>The most live locks held at once.</summary>
    public const int MaxLocks = 65536;

    private readonly CommitLockTable _table;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock that decides expiry; the system clock when null.</param>
    public InMemoryCommitLockStore(TimeProvider? timeProvider = null)
    {
        _table = new CommitLockTable(timeProvider ?? TimeProvider.System, MaxLocks);
    }

    /// <inheritdoc />
    public byte[] LockOrGet(CommitLockKey key, ReadOnlySpan<byte> commitDigest, DateTimeOffset expiresAt) =>
        _table.LockOrGet(key, commitDigest, expiresAt, persist: null);
}
