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
        _callers = Parse(options.CallerKeyDigests, nameof(options.CallerKeyDigests));
        _admins = Parse(options.AdminKeyDigests, nameof(options.AdminKeyDigests));
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

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        string? found = null;
        foreach (var (name, expected) in entries)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, expected))
            {
                found ??= name;
            }
        }

        return found;
    }

    private static (string, byte[])[] Parse(IDictionary<string, string> digests, string option)
    {
        var entries = new List<(string, byte[])>();
        foreach (var (name, hex) in digests)
        {
            byte[] digest;
            try
            {
                digest = Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{option}['{name}']: not hex.");
            }

            if (digest.Length != SHA256.HashSizeInBytes)
            {
                throw new InvalidOperationException($"{option}['{name}']: a SHA-256 digest is 64 hex digits.");
            }

            entries.Add((name, digest));
        }

        return [.. entries];
    }
}
