namespace NexusZero.Consensus.Locks;

/// <summary>
/// Where a validator remembers which certificate it countersigned for each (validator set, proposal, round), so
/// it never countersigns two different certificates for one round (docs/formats.md, "Commit locks").
/// Implementations must be safe for concurrent callers and must make a lock durable before returning it.
/// </summary>
public interface ICommitLockStore
{
    /// <summary>
    /// Locks <paramref name="key"/> to <paramref name="commitDigest"/> unless it is already locked, and returns the
    /// digest the key is locked to: <paramref name="commitDigest"/> itself when this call won (or it was locked to the
    /// same digest before), another digest when the validator already countersigned a different certificate.
    /// </summary>
    /// <param name="key">The (validator set, proposal, round) the certificate is for.</param>
    /// <param name="commitDigest">The 32-byte digest the commit signature would cover.</param>
    /// <param name="expiresAt">When the round is over and the lock may be pruned.</param>
    /// <returns>The locked digest.</returns>
    /// <exception cref="IOException">A durable store could not persist the lock; the caller must not sign.</exception>
    byte[] LockOrGet(CommitLockKey key, ReadOnlySpan<byte> commitDigest, DateTimeOffset expiresAt);
}
