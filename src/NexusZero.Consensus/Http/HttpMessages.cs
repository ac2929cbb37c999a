using System.Text.Json.Serialization;

namespace NexusZero.Consensus.Http;

/// <summary>POST /consensus/vote body: the proposal's round, deadline and set id, and the content to judge.</summary>
internal sealed class VoteRequestMessage
{
    [JsonPropertyName("setId")]
    public required string SetId { get; init; }

    [JsonPropertyName("round")]
    public required ulong Round { get; init; }

    [JsonPropertyName("deadlineUnixMs")]
    public required long DeadlineUnixMs { get; init; }

    [JsonPropertyName("modelId")]
    public required string ModelId { get; init; }

    [JsonPropertyName("envelope")]
    public required string Envelope { get; init; }

    [JsonPropertyName("output")]
    public required string Output { get; init; }

    [JsonPropertyName("explanationMetrics")]
    public required Dictionary<string, double> ExplanationMetrics { get; init; }

    /// <summary>The explanation's bytes in base64; absent when the proposal carries only metrics.</summary>
    [JsonPropertyName("explanation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Explanation { get; init; }
}

/// <summary>One signed vote on the wire.</summary>
internal sealed class VoteMessage
{
    [JsonPropertyName("validatorId")]
    public required string ValidatorId { get; init; }

    [JsonPropertyName("proposalDigest")]
    public required string ProposalDigest { get; init; }

    [JsonPropertyName("round")]
    public required ulong Round { get; init; }

    [JsonPropertyName("verdict")]
    public required string Verdict { get; init; }

    [JsonPropertyName("scoreMillionths")]
    public required uint ScoreMillionths { get; init; }

    [JsonPropertyName("reasons")]
    public required List<string> Reasons { get; init; }

    [JsonPropertyName("signature")]
    public required string Signature { get; init; }
}

/// <summary>POST /consensus/vote reply.</summary>
internal sealed class VoteReplyMessage
{
    [JsonPropertyName("votes")]
    public required List<VoteMessage> Votes { get; init; }
}

/// <summary>POST /consensus/commit body: the certificate's canonical bytes.</summary>
internal sealed class CommitRequestMessage
{
    [JsonPropertyName("certificate")]
    public required string Certificate { get; init; }
}

/// <summary>POST /consensus/commit reply.</summary>
internal sealed class CommitReplyMessage
{
    [JsonPropertyName("validatorId")]
    public required string ValidatorId { get; init; }

    [JsonPropertyName("signature")]
    public required string Signature { get; init; }
}

/// <summary>Any 4xx reply.</summary>
internal sealed class ErrorMessage
{
    [JsonPropertyName("error")]
    public required string Error { get; init; }

    /// <summary>On a commit conflict (409): the commit digest of the certificate the validator already countersigned.</summary>
    [JsonPropertyName("signedCertificate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SignedCertificate { get; set; }
}

/// <summary>GET /consensus/info reply.</summary>
internal sealed class ValidatorInfoMessage
{
    [JsonPropertyName("validatorId")]
    public required string ValidatorId { get; init; }

    [JsonPropertyName("scheme")]
    public required string Scheme { get; init; }

    [JsonPropertyName("publicKey")]
    public required string PublicKey { get; init; }

    [JsonPropertyName("setId")]
    public required string SetId { get; init; }
}

/// <summary>A validator key file (docs/formats.md).</summary>
internal sealed class KeyFileMessage
{
    [JsonPropertyName("format")]
    public required string Format { get; init; }

    [JsonPropertyName("validatorId")]
    public required string ValidatorId { get; init; }

    [JsonPropertyName("scheme")]
    public required string Scheme { get; init; }

    [JsonPropertyName("publicKey")]
    public required string PublicKey { get; init; }

    [JsonPropertyName("privateKey")]
    public required string PrivateKey { get; init; }
}

/// <summary>A validator-set file (docs/formats.md).</summary>
internal sealed class SetFileMessage
{
    [JsonPropertyName("format")]
    public required string Format { get; init; }

    [JsonPropertyName("epoch")]
    public required ulong Epoch { get; init; }

    [JsonPropertyName("scheme")]
    public required string Scheme { get; init; }

    [JsonPropertyName("validators")]
    public required List<SetFileMember> Validators { get; init; }
}

/// <summary>One member in a validator-set file.</summary>
internal sealed class SetFileMember
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("publicKey")]
    public required string PublicKey { get; init; }

    // A setter, not init: the source generator assigns every init-only property in its object initializer,
    // which would overwrite the documented default of 1 with 0 when the member omits "weight".
    [JsonPropertyName("weight")]
    public int Weight { get; set; } = 1;

    [JsonPropertyName("endpoint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Endpoint { get; init; }
}
