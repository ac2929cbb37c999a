using NexusZero.Consensus.Signing;

namespace NexusZero.Consensus.Http;

/// <summary>
/// A validator host's check that a request comes from its coordinator: the <c>NexusZero-Coordinator-Signature</c>
/// header must be well formed, its timestamp within <see cref="MaxClockSkew"/> of this host's clock, its signature
/// valid under the coordinator's public key for this validator, the method, the path and the body, and its nonce
/// not seen before. Nonces are remembered until their timestamp leaves the window, at most
/// <see cref="ReplayCapacity"/> of them; when that many unexpired nonces are held, new requests are refused
/// rather than forgetting one (only validly signed requests take a place, so only the coordinator can fill it).
/// </summary>
public sealed class CoordinatorRequestAuthenticator
{
    private readonly ISignatureVerifier _verifier;
    private readonly TimeProvider _time;
    private readonly Dictionary<UInt128, long> _seen = [];
    private readonly Queue<(UInt128 Nonce, long Expires)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Creates the check.</summary>
    /// <param name="scheme">The coordinator key's scheme.</param>
    /// <param name="coordinatorPublicKey">The coordinator's public key.</param>
    /// <param name="validatorId">This validator's id: requests signed for another validator are refused.</param>
    /// <param name="maxClockSkew">How far a request's timestamp may be from this host's clock; default 60 s.</param>
    /// <param name="replayCapacity">How many nonces are remembered at most; default 100,000.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <exception cref="ArgumentException">The key is not a valid key of <paramref name="scheme"/>, the id is invalid, or a limit is out of range.</exception>
    public CoordinatorRequestAuthenticator(
        ISignatureScheme scheme,
        ReadOnlySpan<byte> coordinatorPublicKey,
        string validatorId,
        TimeSpan? maxClockSkew = null,
        int replayCapacity = 100_000,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        Validators.ValidatorMember.ValidateId(validatorId);
        var skew = maxClockSkew ?? TimeSpan.FromSeconds(60);
        if (skew < TimeSpan.FromSeconds(1) || skew > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxClockSkew), skew, "The clock skew allowance must be 1 s to 1 h.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(replayCapacity, 1);
        _verifier = scheme.CreateVerifier(coordinatorPublicKey);
        ValidatorId = validatorId;
        MaxClockSkew = skew;
        ReplayCapacity = replayCapacity;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>This validator's id, which signed requests must name.</summary>
    public string ValidatorId { get; }

    /// <summary>How far a request's timestamp may be from this host's clock, either way.</summary>
    public TimeSpan MaxClockSkew { get; }

    /// <summary>The most nonces remembered at once.</summary>
    public int ReplayCapacity { get; }

    /// <summary>Checks one request.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="path">The endpoint path the host is serving (its constant, e.g. <see cref="ValidatorHttpHandler.VotePath"/>).</param>
    /// <param name="header">The <c>NexusZero-Coordinator-Signature</c> header value, or null when absent.</param>
    /// <param name="body">The exact request body.</param>
    /// <param name="error">Why the request is refused; empty when accepted.</param>
    /// <returns>True when the request is the coordinator's, fresh and not seen before (its nonce is then recorded).</returns>
    public bool TryAuthenticate(string method, string path, string? header, ReadOnlySpan<byte> body, out string error)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (CoordinatorRequestSignature.TryParse(header, out error) is not { } parsed)
        {
            return false;
        }

        // Cheap checks before the signature: a stale request costs no verification.
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)MaxClockSkew.TotalSeconds;
        if (parsed.UnixSeconds < now - skew || parsed.UnixSeconds > now + skew)
        {
            error = $"{CoordinatorRequestSignature.HeaderName}: timestamp {parsed.UnixSeconds} is more than {skew} s from this validator's clock ({now}).";
            return false;
        }

        if (method.Length > byte.MaxValue || path.Length > ushort.MaxValue
            || !_verifier.Verify(CoordinatorRequestSignature.SignedBytes(method, path, ValidatorId, body, parsed.UnixSeconds, parsed.Nonce), parsed.Signature))
        {
            error = $"{CoordinatorRequestSignature.HeaderName}: the signature does not verify under the coordinator's key for this request to {ValidatorId}.";
            return false;
        }

        var nonce = new UInt128(BitConverter.ToUInt64(parsed.Nonce, 0), BitConverter.ToUInt64(parsed.Nonce, 8));
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && oldest.Expires < now)
            {
                _order.Dequeue();
                _seen.Remove(oldest.Nonce);
            }

            if (_seen.ContainsKey(nonce))
            {
                error = $"{CoordinatorRequestSignature.HeaderName}: nonce already used (a replayed request).";
                return false;
            }

            if (_seen.Count >= ReplayCapacity)
            {
                error = $"{CoordinatorRequestSignature.HeaderName}: {ReplayCapacity} requests in the last {skew} s fill the replay cache; try again shortly.";
                return false;
            }

            var expires = parsed.UnixSeconds + skew;
            _seen.Add(nonce, expires);
            _order.Enqueue((nonce, expires));
        }

        error = string.Empty;
        return true;
    }
}
