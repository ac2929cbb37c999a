using System.Security.Cryptography;
using NexusZero.Consensus.Signing;

namespace NexusZero.Consensus.Http;

/// <summary>
/// Signs the coordinator's requests to validator hosts (the <c>NexusZero-Coordinator-Signature</c> header,
/// docs/formats.md), so that hosts configured with the coordinator's public key do work only for it. Each
/// request, retries included, gets a fresh timestamp and random nonce. Pass it to <see cref="HttpConsensusClient"/>.
/// </summary>
public sealed class CoordinatorRequestSigner
{
    private readonly ISigningKey _key;
    private readonly TimeProvider _time;

    /// <summary>Creates a signer over the coordinator's key.</summary>
    /// <param name="key">The coordinator's key; the caller keeps ownership and disposes it after the client.</param>
    /// <param name="timeProvider">The clock for timestamps; the system clock when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public CoordinatorRequestSigner(ISigningKey key, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The header's name: <c>NexusZero-Coordinator-Signature</c>.</summary>
    public static string HeaderName => CoordinatorRequestSignature.HeaderName;

    /// <summary>The header value for one request.</summary>
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="path">The endpoint path, e.g. <see cref="ValidatorHttpHandler.VotePath"/>.</param>
    /// <param name="validatorId">The validator the request is for: a signature for one validator is refused by the others.</param>
    /// <param name="body">The exact request body.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentException">An argument is empty or too long for the signed encoding.</exception>
    public string CreateHeader(string method, string path, string validatorId, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Validators.ValidatorMember.ValidateId(validatorId);
        Span<byte> nonce = stackalloc byte[CoordinatorRequestSignature.NonceBytes];
        RandomNumberGenerator.Fill(nonce);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var signature = _key.Sign(CoordinatorRequestSignature.SignedBytes(method, path, validatorId, body, now, nonce));
        return CoordinatorRequestSignature.Format(now, nonce, signature);
    }
}
