using System.Security.Cryptography;
using System.Text;

namespace NexusZero.Service.Caching;

/// <summary>
/// The values this process has itself computed or re-verified, per key, as SHA-256(label ‖ key ‖ value): a value read
/// back from the store that is byte for byte one of them needs no second verification. This is what lets a warm cache
/// serve thousands of proof-level hits per second on two cores (a Groth16 verification costs ~4 ms); a value the
/// store altered, or one another instance wrote, has another digest and is verified in full.
/// </summary>
/// <remarks>
/// Sound because the memo lives in this process's memory, which is trusted as the pinned verifying keys are, and
/// because a model's registration (its keys) never changes within a process (the registry refuses a second
/// registration of an id or commitment). Bounded: when full it is emptied, which only costs re-verifications.
/// </remarks>
internal sealed class VerifiedValueMemo
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("NexusZero.Service.VerifiedValue.v1\0");
    private readonly int _capacity;
    private readonly HashSet<string> _digests = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public VerifiedValueMemo(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
    }

    /// <summary>How many digests are held (for tests).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _digests.Count;
            }
        }
    }

    /// <summary>Whether exactly these bytes were computed or verified for <paramref name="key"/> by this process.</summary>
    public bool Contains(ReceiptCacheKey key, ReadOnlySpan<byte> value)
    {
        if (_capacity == 0)
        {
            return false;
        }

        var digest = Digest(key, value);
        lock (_lock)
        {
            return _digests.Contains(digest);
        }
    }

    /// <summary>Records that these bytes are valid for <paramref name="key"/>.</summary>
    public void Add(ReceiptCacheKey key, ReadOnlySpan<byte> value)
    {
        if (_capacity == 0)
        {
            return;
        }

        var digest = Digest(key, value);
        lock (_lock)
        {
            if (_digests.Count >= _capacity)
            {
                _digests.Clear();
            }

            _digests.Add(digest);
        }
    }

    private static string Digest(ReceiptCacheKey key, ReadOnlySpan<byte> value)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Label);
        hash.AppendData(Encoding.ASCII.GetBytes(key.Value));
        hash.AppendData(value);
        return Convert.ToBase64String(hash.GetHashAndReset());
    }
}
