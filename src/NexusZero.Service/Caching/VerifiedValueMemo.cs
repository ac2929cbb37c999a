using System.Security.Cryptography;
using System.Text;

namespace NexusZero.Service.Caching;

/// <summary>
/// The value this process last computed or re-verified for each key, held as SHA-256(label ‖ key ‖ value): a value read
/// back from the store whose digest equals the key's (compared with <see cref="CryptographicOperations.FixedTimeEquals"/>)
/// needs no second verification. This is what lets a warm cache serve thousands of proof-level hits per second on two
/// cores (a Groth16 verification costs ~4 ms); a value the store altered, or one another instance wrote, has another
/// digest and is verified in full (and then becomes the key's remembered value).
/// </summary>
/// <remarks>
/// Sound because the memo lives in this process's memory, which is trusted as the pinned verifying keys are, and
/// because a model's registration (its keys) never changes within a process (the registry refuses a second
/// registration of an id or commitment). Bounded: at most <c>capacity</c> keys; when full it is emptied, which only
/// costs re-verifications.
/// </remarks>
internal sealed class VerifiedValueMemo
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("NexusZero.Service.VerifiedValue.v1\0");
    private readonly int _capacity;
    private readonly Dictionary<string, byte[]> _digests = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public VerifiedValueMemo(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
    }

    /// <summary>How many keys have a remembered value (for tests).</summary>
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

        byte[]? remembered;
        lock (_lock)
        {
            _digests.TryGetValue(key.Value, out remembered);
        }

        if (remembered is null)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Digest(key, value, digest);
        return CryptographicOperations.FixedTimeEquals(digest, remembered);
    }

    /// <summary>Records that these bytes are valid for <paramref name="key"/> (replacing the key's earlier value).</summary>
    public void Add(ReceiptCacheKey key, ReadOnlySpan<byte> value)
    {
        if (_capacity == 0)
        {
            return;
        }

        var digest = new byte[SHA256.HashSizeInBytes];
        Digest(key, value, digest);
        lock (_lock)
        {
            if (_digests.Count >= _capacity && !_digests.ContainsKey(key.Value))
            {
                _digests.Clear();
            }

            _digests[key.Value] = digest;
        }
    }

    private static void Digest(ReceiptCacheKey key, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Label);
        hash.AppendData(Encoding.ASCII.GetBytes(key.Value));
        hash.AppendData(value);
        hash.GetHashAndReset(destination);
    }
}
