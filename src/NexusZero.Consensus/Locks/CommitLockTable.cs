namespace NexusZero.Consensus.Locks;

/// <summary>The lock table both stores share: expiry pruning, the size bound and first-writer-wins.</summary>
internal sealed class CommitLockTable
{
    private readonly Dictionary<CommitLockKey, (byte[] Digest, DateTimeOffset ExpiresAt)> _locks = [];
    private readonly TimeProvider _time;
    private readonly int _maxLocks;
    private readonly Lock _gate = new();

    public CommitLockTable(TimeProvider time, int maxLocks)
    {
        _time = time;
        _maxLocks = maxLocks;
    }

    public void Restore(CommitLockKey key, byte[] digest, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            _locks[key] = (digest, expiresAt);
        }
    }

    /// <summary>Locks or returns the held digest; <paramref name="persist"/> runs under the gate before a new lock counts.</summary>
    public byte[] LockOrGet(CommitLockKey key, ReadOnlySpan<byte> commitDigest, DateTimeOffset expiresAt, Action<IReadOnlyDictionary<CommitLockKey, (byte[] Digest, DateTimeOffset ExpiresAt)>>? persist)
    {
        if (commitDigest.Length != 32)
        {
            throw new ArgumentException("commitDigest must be 32 bytes.", nameof(commitDigest));
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_locks.TryGetValue(key, out var held) && held.ExpiresAt > now)
            {
                return held.Digest;
            }

            foreach (var expired in _locks.Where(pair => pair.Value.ExpiresAt <= now).Select(pair => pair.Key).ToList())
            {
                _locks.Remove(expired);
            }

            if (_locks.Count >= _maxLocks)
            {
                throw new IOException($"commit locks: {_maxLocks} live locks held; refusing to sign until rounds expire.");
            }

            var digest = commitDigest.ToArray();
            _locks[key] = (digest, expiresAt);
            try
            {
                persist?.Invoke(_locks);
            }
            catch
            {
                // Not durable, so not a lock: the caller must not sign.
                _locks.Remove(key);
                throw;
            }

            return digest;
        }
    }
}
