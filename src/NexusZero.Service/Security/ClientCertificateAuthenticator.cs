using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NexusZero.Service.Security;

/// <summary>
/// Recognizes callers by the TLS client certificate they present: each configured caller pins the SHA-256 of its
/// certificate's DER encoding, so no certificate authority is trusted and a self-signed certificate is as good as any.
/// The presented certificate's hash is compared with every pin in fixed time, as the API keys are.
/// </summary>
internal sealed class ClientCertificateAuthenticator
{
    private readonly (string Name, byte[] Hash)[] _callers;

    public ClientCertificateAuthenticator(NexusZeroServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var entries = new List<(string, byte[])>();
        foreach (var (name, hex) in options.CallerCertificateHashes)
        {
            byte[] hash;
            try
            {
                hash = Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{nameof(options.CallerCertificateHashes)}['{name}']: not hex.");
            }

            if (hash.Length != SHA256.HashSizeInBytes)
            {
                throw new InvalidOperationException($"{nameof(options.CallerCertificateHashes)}['{name}']: a certificate's SHA-256 is 64 hex digits.");
            }

            entries.Add((name, hash));
        }

        _callers = [.. entries];
    }

    /// <summary>Whether any caller is configured to authenticate by certificate (the host then asks TLS clients for one).</summary>
    public bool Enabled => _callers.Length > 0;

    /// <summary>The caller's name when <paramref name="certificate"/> is pinned; null otherwise.</summary>
    public string? Authenticate(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return null;
        }

        var hash = Hash(certificate);
        string? found = null;
        foreach (var (name, expected) in _callers)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                found ??= name;
            }
        }

        return found;
    }

    /// <summary>The lowercase hex SHA-256 of a certificate's DER encoding: what the configuration pins.</summary>
    public static string HashHex(X509Certificate2 certificate) => Convert.ToHexStringLower(Hash(certificate));

    private static byte[] Hash(X509Certificate2 certificate) => SHA256.HashData(certificate.RawDataMemory.Span);
}
