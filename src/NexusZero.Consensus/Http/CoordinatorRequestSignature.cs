using System.Globalization;
using System.Security.Cryptography;
using NexusZero.Consensus.Canonical;

namespace NexusZero.Consensus.Http;

/// <summary>
/// The <c>NexusZero-Coordinator-Signature</c> header a coordinator puts on every request to a validator host
/// that asks for signed requests: <c>v1 t=UNIXSECONDS n=NONCE s=SIGNATURE</c>, where NONCE is 32 lowercase hex
/// digits (16 random bytes) and SIGNATURE the base64 signature over <see cref="SignedBytes"/>. docs/formats.md
/// lists every byte; docs/security.md says what it protects.
/// </summary>
internal static class CoordinatorRequestSignature
{
    public const string HeaderName = "NexusZero-Coordinator-Signature";

    public const int NonceBytes = 16;

    // Generous for any scheme's base64 signature (ML-DSA-65: 3,309 bytes → 4,412 characters).
    public const int MaxHeaderLength = 8 * 1024;

    /// <summary>The bytes signed: label, method, path, audience, body digest, timestamp, nonce.</summary>
    public static byte[] SignedBytes(string method, string path, string validatorId, ReadOnlySpan<byte> body, long unixSeconds, ReadOnlySpan<byte> nonce)
    {
        var writer = new CanonicalWriter(160);
        writer.WriteLabel(DomainLabels.CoordinatorRequest);
        writer.WriteString8(method);
        writer.WriteString16(path);
        writer.WriteString8(validatorId);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, digest);
        writer.WriteBytes(digest);
        writer.WriteUInt64(checked((ulong)unixSeconds));
        writer.WriteBytes(nonce);
        return writer.ToArray();
    }

    public static string Format(long unixSeconds, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> signature) =>
        string.Create(CultureInfo.InvariantCulture, $"v1 t={unixSeconds} n={Convert.ToHexStringLower(nonce)} s={Convert.ToBase64String(signature)}");

    /// <summary>Parses a header strictly; null with <paramref name="error"/> saying what is wrong otherwise.</summary>
    public static Parsed? TryParse(string? header, out string error)
    {
        if (header is null)
        {
            error = $"{HeaderName}: missing; this validator accepts only requests signed by its coordinator.";
            return null;
        }

        if (header.Length > MaxHeaderLength)
        {
            error = $"{HeaderName}: {header.Length} characters exceeds the limit of {MaxHeaderLength}.";
            return null;
        }

        var parts = header.Split(' ');
        if (parts.Length != 4 || parts[0] != "v1" || !parts[1].StartsWith("t=", StringComparison.Ordinal)
            || !parts[2].StartsWith("n=", StringComparison.Ordinal) || !parts[3].StartsWith("s=", StringComparison.Ordinal))
        {
            error = $"{HeaderName}: must be 'v1 t=UNIXSECONDS n=NONCE s=SIGNATURE'.";
            return null;
        }

        var time = parts[1][2..];
        if (time.Length is 0 or > 12 || !time.All(char.IsAsciiDigit) || (time.Length > 1 && time[0] == '0'))
        {
            error = $"{HeaderName}: t must be the Unix time in seconds, in decimal without leading zeros.";
            return null;
        }

        var nonceHex = parts[2][2..];
        if (nonceHex.Length != NonceBytes * 2 || !nonceHex.All(char.IsAsciiHexDigitLower))
        {
            error = $"{HeaderName}: n must be {NonceBytes * 2} lowercase hex digits.";
            return null;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(parts[3][2..]);
        }
        catch (FormatException)
        {
            error = $"{HeaderName}: s is not base64.";
            return null;
        }

        error = string.Empty;
        return new Parsed(long.Parse(time, NumberStyles.None, CultureInfo.InvariantCulture), Convert.FromHexString(nonceHex), signature);
    }

    internal sealed record Parsed(long UnixSeconds, byte[] Nonce, byte[] Signature);
}
