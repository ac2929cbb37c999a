using NexusZero.Consensus.Certificates;

namespace NexusZero.Consensus.Http;

/// <summary>
/// The HTTP protocol of a validator, independent of any web framework: a host passes request bodies in and
/// writes the responses out. Malformed bodies get 400 with a message naming the field and leave the validator
/// untouched; refusals get 409. With a <see cref="CoordinatorRequestAuthenticator"/>, vote and commit requests not signed
/// by the coordinator get 401 before they are parsed. Shapes are in docs/formats.md.
/// </summary>
public sealed class ValidatorHttpHandler
{
    /// <summary>The vote endpoint (POST).</summary>
    public const string VotePath = "/consensus/vote";

    /// <summary>The commit endpoint (POST).</summary>
    public const string CommitPath = "/consensus/commit";

    /// <summary>The info endpoint (GET).</summary>
    public const string InfoPath = "/consensus/info";

    /// <summary>The largest request body a host should accept: a base64 4 MiB envelope, 1 MiB output, 256 KiB explanation and metadata.</summary>
    public const int MaxRequestBytes = 8 * 1024 * 1024;

    private readonly Validator _validator;
    private readonly CoordinatorRequestAuthenticator? _authenticator;

    /// <summary>Creates the handler.</summary>
    /// <param name="validator">The validator that judges and signs.</param>
    public ValidatorHttpHandler(Validator validator)
        : this(validator, null)
    {
    }

    /// <summary>Creates a handler that, when <paramref name="authenticator"/> is set, serves only requests signed by the coordinator.</summary>
    /// <param name="validator">The validator that judges and signs.</param>
    /// <param name="authenticator">Checks the <c>NexusZero-Coordinator-Signature</c> header of vote and commit requests
    /// before anything else (401 when it fails); null accepts unsigned requests.</param>
    /// <exception cref="ArgumentException">The authenticator is for another validator id.</exception>
    public ValidatorHttpHandler(Validator validator, CoordinatorRequestAuthenticator? authenticator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        if (authenticator is not null && !string.Equals(authenticator.ValidatorId, validator.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The authenticator checks requests for '{authenticator.ValidatorId}', not for this validator '{validator.Id}'.", nameof(authenticator));
        }

        _validator = validator;
        _authenticator = authenticator;
    }

    /// <summary>The request header that carries the coordinator's signature: <c>NexusZero-Coordinator-Signature</c>.</summary>
    public static string SignatureHeaderName => CoordinatorRequestSignature.HeaderName;

    /// <summary>True when vote and commit requests must be signed by the coordinator.</summary>
    public bool RequiresSignedRequests => _authenticator is not null;

    /// <summary>Handles POST /consensus/vote.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="cancellationToken">Cancels evaluation.</param>
    /// <returns>200 with the signed vote, 400 when malformed, 409 when refused, 401 when requests must be signed.</returns>
    public Task<ValidatorHttpResponse> HandleVoteAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default) =>
        HandleVoteAsync(body, null, cancellationToken);

    /// <summary>Handles POST /consensus/vote with the request's signature header.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="signatureHeader">The <c>NexusZero-Coordinator-Signature</c> header, or null when absent.</param>
    /// <param name="cancellationToken">Cancels evaluation.</param>
    /// <returns>200 with the signed vote, 401 when a required signature is missing, wrong, stale or replayed
    /// (checked before anything else), 400 when malformed, 409 when refused.</returns>
    public async Task<ValidatorHttpResponse> HandleVoteAsync(ReadOnlyMemory<byte> body, string? signatureHeader, CancellationToken cancellationToken = default)
    {
        if (Unauthenticated(VotePath, signatureHeader, body.Span) is { } refused)
        {
            return refused;
        }

        Messages.Proposal proposal;
        Messages.ProposalContent content;
        try
        {
            CheckSize(body.Length);
            (proposal, content) = WireFormat.FromMessage(WireFormat.Deserialize(body.Span, ConsensusJsonContext.Default.VoteRequestMessage, "vote request"));
        }
        catch (FormatException ex)
        {
            return Error(400, ex.Message);
        }

        try
        {
            var vote = await _validator.VoteAsync(proposal, content, cancellationToken).ConfigureAwait(false);
            var reply = new VoteReplyMessage { Votes = [WireFormat.ToMessage(vote)] };
            return new ValidatorHttpResponse(200, WireFormat.Serialize(reply, ConsensusJsonContext.Default.VoteReplyMessage));
        }
        catch (ValidatorRefusedException ex)
        {
            return Error(409, ex.Message);
        }
    }

    /// <summary>Handles POST /consensus/commit.</summary>
    /// <param name="body">The request body.</param>
    /// <returns>200 with the commit signature, 400 when malformed, 409 when the certificate does not verify or
    /// conflicts with one already countersigned for the round (the body names that one), 503 when the lock could not be stored.</returns>
    public ValidatorHttpResponse HandleCommit(ReadOnlySpan<byte> body) => HandleCommit(body, null);

    /// <summary>Handles POST /consensus/commit with the request's signature header.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="signatureHeader">The <c>NexusZero-Coordinator-Signature</c> header, or null when absent.</param>
    /// <returns>As <see cref="HandleCommit(ReadOnlySpan{byte})"/>, and 401 when a required signature is missing, wrong,
    /// stale or replayed (checked before anything else).</returns>
    public ValidatorHttpResponse HandleCommit(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (Unauthenticated(CommitPath, signatureHeader, body) is { } refused)
        {
            return refused;
        }

        QuorumCertificate certificate;
        try
        {
            CheckSize(body.Length);
            var message = WireFormat.Deserialize(body, ConsensusJsonContext.Default.CommitRequestMessage, "commit request");
            certificate = QuorumCertificate.Parse(WireFormat.Base64(message.Certificate, QuorumCertificate.MaxEncodedBytes, "certificate"));
        }
        catch (FormatException ex)
        {
            return Error(400, ex.Message);
        }

        try
        {
            var commit = _validator.Countersign(certificate);
            var reply = new CommitReplyMessage { ValidatorId = commit.ValidatorId, Signature = Convert.ToBase64String(commit.Signature) };
            return new ValidatorHttpResponse(200, WireFormat.Serialize(reply, ConsensusJsonContext.Default.CommitReplyMessage));
        }
        catch (ValidatorRefusedException ex)
        {
            return Error(409, ex.Message);
        }
        catch (CommitConflictException ex)
        {
            var conflict = new ErrorMessage { Error = ex.Message, SignedCertificate = ex.SignedDigestHex };
            return new ValidatorHttpResponse(409, WireFormat.Serialize(conflict, ConsensusJsonContext.Default.ErrorMessage));
        }
        catch (IOException ex)
        {
            return Error(503, $"commit lock not persisted, nothing signed: {ex.Message}");
        }
    }

    /// <summary>Handles GET /consensus/info.</summary>
    /// <returns>200 with the validator id, scheme, public key and set id.</returns>
    public ValidatorHttpResponse HandleInfo()
    {
        _validator.ValidatorSet.TryGetMember(_validator.Id, out var member);
        var info = new ValidatorInfoMessage
        {
            ValidatorId = _validator.Id,
            Scheme = _validator.ValidatorSet.Scheme.Name,
            PublicKey = Convert.ToBase64String(member!.PublicKey.Span),
            SetId = _validator.ValidatorSet.SetIdHex,
        };
        return new ValidatorHttpResponse(200, WireFormat.Serialize(info, ConsensusJsonContext.Default.ValidatorInfoMessage));
    }

    /// <summary>A 400 or 413-style error reply with a message, for hosts that reject a request before the handler.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="message">What was wrong.</param>
    /// <returns>The reply.</returns>
    public static ValidatorHttpResponse Error(int statusCode, string message) =>
        new(statusCode, WireFormat.Serialize(new ErrorMessage { Error = message }, ConsensusJsonContext.Default.ErrorMessage));

    /// <summary>
    /// True when a request's Content-Type is <c>application/json</c>, with or without parameters such as
    /// <c>charset=utf-8</c>. Hosts must answer anything else with <see cref="UnsupportedMediaType"/> before reading
    /// the body: a browser sends <c>text/plain</c>, form types or no type cross-site without a preflight, so a
    /// validator that accepted them could be driven by any web page that can reach it.
    /// </summary>
    /// <param name="contentType">The Content-Type header value, or null when absent.</param>
    /// <returns>Whether the media type is application/json.</returns>
    public static bool IsJsonContentType(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The 415 reply for a request whose media type is not application/json.</summary>
    /// <param name="contentType">The Content-Type it had, or null.</param>
    /// <returns>The reply.</returns>
    public static ValidatorHttpResponse UnsupportedMediaType(string? contentType) =>
        Error(415, contentType is null
            ? "Content-Type: missing; requests must be application/json."
            : "Content-Type: must be application/json.");

    private ValidatorHttpResponse? Unauthenticated(string path, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (_authenticator is null)
        {
            return null;
        }

        if (body.Length > MaxRequestBytes)
        {
            return Error(413, $"body: {body.Length} bytes exceeds the limit of {MaxRequestBytes}.");
        }

        return _authenticator.TryAuthenticate("POST", path, signatureHeader, body, out var error) ? null : Error(401, error);
    }

    private static void CheckSize(int length)
    {
        if (length > MaxRequestBytes)
        {
            throw new FormatException($"body: {length} bytes exceeds the limit of {MaxRequestBytes}.");
        }
    }
}
