using System.Collections.Concurrent;

namespace NexusZero.Proofs.Circuits;

/// <summary>
/// Preimage keys generated on first use (<see cref="PreimageCircuitKeys.CreateWithLocalSetup"/>) and kept for
/// the life of the cache: one setup per (hash, length), even when threads ask at once. Thread-safe.
/// </summary>
/// <remarks>
/// Why generate rather than ship: a key made by anyone else is only as good as that party's honesty, a key
/// shipped in the package would be a key of ours, and the SHA-256 circuits need Powers of Tau above 2^14,
/// which the .ptau-based setup does not reach yet. So the verifier makes its own keys here and pins them.
/// </remarks>
public sealed class PreimageKeyCache
{
    private readonly ConcurrentDictionary<(HashFunction, int), Lazy<PreimageCircuitKeys>> _keys = new();

    /// <summary>The keys for (<paramref name="hash"/>, <paramref name="length"/>), made on the first request.</summary>
    /// <exception cref="ArgumentException">The hash function or the length is not supported.</exception>
    public PreimageCircuitKeys GetOrCreateWithLocalSetup(HashFunction hash, int length)
    {
        // Checked before an entry is made, so unsupported requests cannot grow the cache.
        PreimageCircuit.CheckSupported(hash, length);
        return _keys.GetOrAdd((hash, length), key => new Lazy<PreimageCircuitKeys>(() => PreimageCircuitKeys.CreateWithLocalSetup(key.Item1, key.Item2))).Value;
    }
}
