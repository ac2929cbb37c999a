using System.Security.Cryptography;

namespace NexusZero.Service.Results;

/// <summary>The HMAC key of cached results (<see cref="NexusZeroServiceOptions.CacheSecret"/>), held for the process's life.</summary>
internal sealed class CacheSecret : IDisposable
{
    public const int MinBytes = 32;

    private CacheSecret(byte[] key) => Key = key;

    public byte[] Key { get; }

    /// <exception cref="InvalidOperationException">The configured secret is not base64 of at least 32 bytes (the message does not echo it).</exception>
    public static CacheSecret FromOptions(NexusZeroServiceOptions options)
    {
        if (string.IsNullOrEmpty(options.CacheSecret))
        {
            return new CacheSecret(RandomNumberGenerator.GetBytes(MinBytes));
        }

        var buffer = new byte[options.CacheSecret.Length];
        if (!Convert.TryFromBase64String(options.CacheSecret, buffer, out var written) || written < MinBytes)
        {
            CryptographicOperations.ZeroMemory(buffer);
            throw new InvalidOperationException($"CacheSecret: base64 of at least {MinBytes} bytes is required.");
        }

        var key = buffer[..written];
        CryptographicOperations.ZeroMemory(buffer);
        return new CacheSecret(key);
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(Key);
}
