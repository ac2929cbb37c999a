using System.Security.Cryptography;
using System.Text;

namespace NexusZero.Service.Security;

/// <summary>
/// Checks API keys against configured SHA-256 digests. The presented key is hashed and compared with every digest in
/// fixed time (no early exit on the first match), so neither the timing nor the configuration reveals a key.
/// </summary>
internal sealed class ApiKeyAuthenticator
{
    public const string HeaderName = "x-api-key";
    public const int MaxKeyLength = 256;

    private readonly (string Name, byte[] Digest)[] _callers;
    private readonly (string Name, byte[] Digest)[] _admins;

    public ApiKeyAuthenticator(NexusZeroServiceOptions options)
    {
        _callers = PinnedDigests.Parse(options.CallerKeyDigests, nameof(options.CallerKeyDigests), "a SHA-256 digest");
        _admins = PinnedDigests.Parse(options.AdminKeyDigests, nameof(options.AdminKeyDigests), "a SHA-256 digest");
    }

    /// <summary>The caller's name when <paramref name="key"/> is a caller key; null otherwise.</summary>
    public string? AuthenticateCaller(string? key) => Match(_callers, key);

    /// <summary>The admin's name when <paramref name="key"/> is an admin key; null otherwise.</summary>
    public string? AuthenticateAdmin(string? key) => Match(_admins, key);

    /// <summary>The lowercase hex SHA-256 of a key: what the configuration holds.</summary>
    public static string Digest(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string? Match((string Name, byte[] Digest)[] entries, string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return null;
        }

        return PinnedDigests.Match(entries, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
