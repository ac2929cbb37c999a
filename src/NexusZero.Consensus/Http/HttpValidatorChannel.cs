using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Transport;

namespace NexusZero.Consensus.Http;

/// <summary>
/// Reaches one validator host over HTTP with a per-request timeout, retries with exponential backoff on
/// transport errors, timeouts and 5xx, and bounded reply sizes. Replies are only parsed here; the
/// coordinator checks every signature before anything counts.
/// </summary>
internal sealed class HttpValidatorChannel : IValidatorChannel
{
    // One serialized request per proposal, shared by all channels of a round.
    private static readonly ConditionalWeakTable<Proposal, byte[]> RequestBodies = [];

    private const int MaxErrorReplyBytes = 64 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly ConsensusOptions _options;
    private readonly CoordinatorRequestSigner? _signer;

    public HttpValidatorChannel(string validatorId, Uri baseUri, HttpClient http, ConsensusOptions options, CoordinatorRequestSigner? signer = null)
    {
        ValidatorId = validatorId;
        _baseUri = baseUri;
        _http = http;
        _options = options;
        _signer = signer;
    }

    public string ValidatorId { get; }

    public async Task<IReadOnlyList<SignedVote>> RequestVotesAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
    {
        var body = RequestBodies.GetValue(proposal, p => WireFormat.Serialize(WireFormat.ToMessage(p, content), ConsensusJsonContext.Default.VoteRequestMessage));
        var reply = await PostAsync(ValidatorHttpHandler.VotePath, body, QuorumCertificateLimits.MaxVoteReplyBytes, cancellationToken).ConfigureAwait(false);
        var message = WireFormat.Deserialize(reply, ConsensusJsonContext.Default.VoteReplyMessage, "vote reply");
        return message.Votes.Take(QuorumCertificate.MaxEntries).Select(WireFormat.FromMessage).ToArray();
    }

    public async Task<CommitSignature> RequestCommitAsync(QuorumCertificate certificate, CancellationToken cancellationToken)
    {
        var request = new CommitRequestMessage { Certificate = Convert.ToBase64String(certificate.ToBytes()) };
        var body = WireFormat.Serialize(request, ConsensusJsonContext.Default.CommitRequestMessage);
        byte[] reply;
        try
        {
            reply = await PostAsync(ValidatorHttpHandler.CommitPath, body, QuorumCertificateLimits.MaxCommitReplyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (RefusedException refused) when (ConflictDigest(refused.Body) is { } signed)
        {
            var key = new Locks.CommitLockKey(Convert.ToHexStringLower(certificate.SetId), Convert.ToHexStringLower(certificate.ProposalDigest), certificate.Round);
            throw new CommitConflictException(ValidatorId, key, signed, certificate.GetCommitDigest());
        }

        return WireFormat.FromMessage(WireFormat.Deserialize(reply, ConsensusJsonContext.Default.CommitReplyMessage, "commit reply"));
    }

    private async Task<byte[]> PostAsync(string path, byte[] body, int maxReplyBytes, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUri, path);
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PerValidatorTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (_signer is not null)
                {
                    // Signed per attempt: a retry carries a fresh nonce, so a host that saw the first one does not refuse it as a replay.
                    request.Headers.TryAddWithoutValidation(CoordinatorRequestSignature.HeaderName, _signer.CreateHeader("POST", path, ValidatorId, body));
                }

                using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return await ReadBoundedAsync(response, maxReplyBytes, timeout.Token).ConfigureAwait(false);
                }

                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    // A refusal may say why in a structured way (a commit conflict names the signed certificate).
                    throw new RefusedException(ValidatorId, await ReadBoundedAsync(response, MaxErrorReplyBytes, timeout.Token).ConfigureAwait(false));
                }

                if ((int)response.StatusCode < 500 || attempt >= _options.MaxAttempts)
                {
                    // 4xx is a definite answer (malformed or refused); retrying would not change it.
                    throw new HttpRequestException($"{ValidatorId} answered {(int)response.StatusCode} {response.StatusCode}.", null, response.StatusCode);
                }
            }
            catch (Exception ex) when (IsRetryable(ex, cancellationToken) && attempt < _options.MaxAttempts)
            {
            }

            var backoff = _options.InitialBackoff * Math.Pow(2, attempt - 1);
            await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
        }
    }

    private static byte[]? ConflictDigest(byte[] body)
    {
        try
        {
            var error = WireFormat.Deserialize(body, ConsensusJsonContext.Default.ErrorMessage, "refusal");
            return error.SignedCertificate is { Length: 64 } hex && hex.All(char.IsAsciiHexDigitLower) ? Convert.FromHexString(hex) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsRetryable(Exception ex, CancellationToken caller) =>
        (ex is HttpRequestException { StatusCode: null } or IOException)
        || (ex is OperationCanceledException && !caller.IsCancellationRequested);

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is long declared && declared > maxBytes)
        {
            throw new FormatException($"reply: {declared} bytes exceeds the limit of {maxBytes}.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FormatException($"reply: more than {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
