using System.Security.Cryptography;

namespace NexusZero.Hashing;

/// <summary>
/// SHA3-256 (FIPS 202): the platform's implementation where the operating system provides one (OpenSSL on
/// Linux, about four times faster than ours), otherwise the sponge over <see cref="KeccakF1600"/>. Both compute
/// the same function, so proofs do not depend on which one ran; a test checks them against each other.
/// </summary>
internal static class Sha3_256
{
    /// <summary>The digest length in bytes.</summary>
    public const int HashLength = 32;

    private const int Rate = 136;

    /// <summary>Hashes <paramref name="data"/> into the first 32 bytes of <paramref name="destination"/>.</summary>
    public static void HashData(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (SHA3_256.IsSupported)
        {
            SHA3_256.HashData(data, destination);
            return;
        }

        HashWithOwnSponge(data, destination);
    }

    /// <summary>The sponge over the project's own permutation: the fallback, and the cross-check in tests.</summary>
    internal static void HashWithOwnSponge(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> state = stackalloc byte[KeccakF1600.StateBytes];
        state.Clear();
        while (data.Length >= Rate)
        {
            Xor(state, data[..Rate]);
            KeccakF1600.Permute(state);
            data = data[Rate..];
        }

        Xor(state, data);
        state[data.Length] ^= 0x06;
        state[Rate - 1] ^= 0x80;
        KeccakF1600.Permute(state);
        state[..HashLength].CopyTo(destination);
        CryptographicOperations.ZeroMemory(state);
    }

    private static void Xor(Span<byte> state, ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            state[i] ^= data[i];
        }
    }
}
