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
        _callers = PinnedDigests.Parse(options.CallerCertificateHashes, nameof(options.CallerCertificateHashes), "a certificate's SHA-256");
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

        return PinnedDigests.Match(_callers, Hash(certificate));
    }

    /// <summary>The lowercase hex SHA-256 of a certificate's DER encoding: what the configuration pins.</summary>
    public static string HashHex(X509Certificate2 certificate) => Convert.ToHexStringLower(Hash(certificate));

    private static byte[] Hash(X509Certificate2 certificate) => SHA256.HashData(certificate.RawDataMemory.Span);
}
