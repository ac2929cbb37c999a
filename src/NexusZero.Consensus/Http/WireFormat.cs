using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus.Http;

/// <summary>
/// Converts between the JSON messages and the domain types, strictly: every malformed value becomes a
/// <see cref="FormatException"/> naming the field. Nothing here checks signatures; callers do.
/// </summary>
internal static class WireFormat
{
    public static T Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new FormatException($"{what}: the body is JSON null.");
        }
        catch (JsonException ex)
        {
            // The JSON path and the rule name what is wrong; the input is never echoed.
            throw new FormatException($"{what}: malformed JSON at {ErrorText.Of(ex)}", ex);
        }
    }

    /// <summary>
    /// The same messages for files people read and edit (key files, set files, printed entries): '+', '/', '&lt;',
    /// '&gt;', '&amp;' and non-ASCII are written as themselves rather than <c>\u002B</c>-style escapes. These
    /// files are never embedded in HTML, which is what the default escaping guards against.
    /// </summary>
    public static ConsensusJsonContext Readable { get; } = new(new JsonSerializerOptions(ConsensusJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    public static VoteRequestMessage ToMessage(Proposal proposal, ProposalContent content) => new()
    {
        SetId = Convert.ToHexStringLower(proposal.SetId),
        Round = proposal.Round,
        DeadlineUnixMs = proposal.Deadline.ToUnixTimeMilliseconds(),
        ModelId = content.ModelId,
        Envelope = Convert.ToBase64String(content.Envelope.Span),
        Output = Convert.ToBase64String(content.Output.Span),
        ExplanationMetrics = content.ExplanationMetrics.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        Explanation = content.Explanation.IsEmpty ? null : Convert.ToBase64String(content.Explanation.Span),
    };

    public static (Proposal Proposal, ProposalContent Content) FromMessage(VoteRequestMessage message)
    {
        var setId = Hex(message.SetId, ProposalSubject.DigestSize, "setId");
        if (message.Round == 0)
        {
            throw new FormatException("round: must be at least 1.");
        }

        DateTimeOffset deadline;
        try
        {
            deadline = DateTimeOffset.FromUnixTimeMilliseconds(message.DeadlineUnixMs);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException("deadlineUnixMs: out of range.", ex);
        }

        var envelope = Base64(message.Envelope, ProposalContent.MaxEnvelopeBytes, "envelope");
        var output = Base64(message.Output, ProposalContent.MaxOutputBytes, "output");
        var explanation = message.Explanation is null ? [] : Base64(message.Explanation, ProposalContent.MaxExplanationBytes, "explanation");
        ProposalContent content;
        try
        {
            content = new ProposalContent(message.ModelId, envelope, output, message.ExplanationMetrics, explanation);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"content: {ErrorText.Of(ex)}", ex);
        }

        return (new Proposal(setId, content.ToSubject(), message.Round, deadline), content);
    }

    public static VoteMessage ToMessage(SignedVote signed) => new()
    {
        ValidatorId = signed.Vote.ValidatorId,
        ProposalDigest = Convert.ToHexStringLower(signed.Vote.ProposalDigest),
        Round = signed.Vote.Round,
        Verdict = signed.Vote.Verdict == Verdict.Accept ? "accept" : "reject",
        ScoreMillionths = signed.Vote.Score.Millionths,
        Reasons = [.. signed.Vote.Reasons],
        Signature = Convert.ToBase64String(signed.Signature),
    };

    public static SignedVote FromMessage(VoteMessage message)
    {
        var digest = Hex(message.ProposalDigest, ProposalSubject.DigestSize, "proposalDigest");
        var verdict = message.Verdict switch
        {
            "accept" => Verdict.Accept,
            "reject" => Verdict.Reject,
            _ => throw new FormatException("verdict: must be \"accept\" or \"reject\"."),
        };
        if (!Score.IsValid(message.ScoreMillionths))
        {
            throw new FormatException($"scoreMillionths: {message.ScoreMillionths} exceeds {Score.Scale}.");
        }

        var signature = Base64(message.Signature, QuorumCertificateLimits.MaxSignatureBytes, "signature");
        try
        {
            var vote = new Vote(digest, message.ValidatorId, message.Round, new Score(message.ScoreMillionths), verdict, message.Reasons);
            return new SignedVote(vote, signature);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"vote: {ErrorText.Of(ex)}", ex);
        }
    }

    public static CommitSignature FromMessage(CommitReplyMessage message)
    {
        var signature = Base64(message.Signature, QuorumCertificateLimits.MaxSignatureBytes, "signature");
        try
        {
            return new CommitSignature(message.ValidatorId, signature);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"validatorId: {ErrorText.Of(ex)}", ex);
        }
    }

    public static byte[] Hex(string value, int length, string field)
    {
        if (value.Length != length * 2)
        {
            throw new FormatException($"{field}: expected {length * 2} hex characters, got {value.Length}.");
        }

        try
        {
            return Convert.FromHexString(value);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{field}: not hexadecimal.", ex);
        }
    }

    public static byte[] Base64(string value, int maxBytes, string field)
    {
        // Checked before decoding so an oversized field costs nothing.
        if ((long)value.Length > ((maxBytes + 2L) / 3 * 4))
        {
            throw new FormatException($"{field}: longer than {maxBytes} bytes.");
        }

        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{field}: not base64.", ex);
        }
    }
}
