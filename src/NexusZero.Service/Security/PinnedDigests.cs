using System.Security.Cryptography;

namespace NexusZero.Service.Security;

/// <summary>
/// Named SHA-256 pins from the configuration (API key digests, client certificate hashes), and the one way they are
/// matched: every pin is compared in fixed time, with no early exit on the first match, so the time taken depends on
/// neither the presented secret nor which pin it matches.
/// </summary>
internal static class PinnedDigests
{
    /// <summary>Parses name → 64 hex digits; a bad entry names <paramref name="option"/>, the entry and what is wrong.</summary>
    public static (string Name, byte[] Digest)[] Parse(IDictionary<string, string> pins, string option, string what)
    {
        var entries = new List<(string, byte[])>(pins.Count);
        foreach (var (name, hex) in pins)
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
                throw new InvalidOperationException($"{option}['{name}']: {what} is 64 hex digits.");
            }

            entries.Add((name, digest));
        }

        return [.. entries];
    }

    /// <summary>The name of the first pin equal to <paramref name="digest"/>, or null; every pin is compared.</summary>
    public static string? Match((string Name, byte[] Digest)[] pins, ReadOnlySpan<byte> digest)
    {
        string? found = null;
        foreach (var (name, expected) in pins)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, expected))
            {
                found ??= name;
            }
        }

        return found;
    }
}
