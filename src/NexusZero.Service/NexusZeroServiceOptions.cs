namespace NexusZero.Service;

/// <summary>Settings of the verifiable-inference service (docs/service.md, "Configuration").</summary>
public sealed class NexusZeroServiceOptions
{
    /// <summary>The models loaded at start-up.</summary>
    public IList<ModelSource> Models { get; } = new List<ModelSource>();

    /// <summary>Callers by name: each value is the lowercase hex SHA-256 of the caller's API key (the key itself is never configured).</summary>
    public IDictionary<string, string> CallerKeyDigests { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Callers by name who authenticate with a TLS client certificate instead of an API key: each value is the lowercase
    /// hex SHA-256 of the certificate's DER encoding (a pin: no certificate authority is consulted, so self-signed
    /// certificates work). The host asks TLS clients for a certificate only when this is not empty.
    /// </summary>
    public IDictionary<string, string> CallerCertificateHashes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether the admin service (RegisterModel, ListModels) is served. Default off.</summary>
    public bool AdminEnabled { get; set; }

    /// <summary>Admins by name: lowercase hex SHA-256 of each admin key. Caller keys never open the admin surface.</summary>
    public IDictionary<string, string> AdminKeyDigests { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Base64 of at least 32 bytes: the HMAC-SHA256 key that tags cached results of the levels without a proof. Instances
    /// sharing a cache share it. When unset, a random key is drawn at start-up (cached entries then serve this instance only).
    /// </summary>
    public string? CacheSecret { get; set; }

    /// <summary>The largest request message or body on the inference calls, in bytes. Default 64 KiB.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>The largest request on the admin calls (an ONNX model), in bytes. Default 16 MiB.</summary>
    public int MaxAdminRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Requests each caller may make per <see cref="RateLimitWindow"/>. Default 100.</summary>
    public int RateLimitPermits { get; set; } = 100;

    /// <summary>The rate limit's fixed window. Default one second.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many in-process validators vote when no validator-set file is configured. Default 4 (tolerates one fault).</summary>
    public int InProcessValidators { get; set; } = 4;

    /// <summary>A validator-set file (nexuszero-validator-set/1) whose members carry HTTP endpoints: consensus then runs on those remote nodes.</summary>
    public string? ValidatorSetPath { get; set; }

    /// <summary>
    /// With <see cref="ValidatorSetPath"/>: a key file (nexuszero-validator-key/1, as <c>NexusZero.ValidatorNode keygen</c>
    /// writes) whose key signs every request to the remote validators (the NexusZero-Coordinator-Signature header), so
    /// nodes started with <c>--coordinator-key</c> do work only for this coordinator. Unset: requests go unsigned.
    /// </summary>
    public string? CoordinatorKeyPath { get; set; }

    /// <summary>Kernel SHAP's coalition budget for explanations. Default 512.</summary>
    public int ExplainerBudget { get; set; } = 512;

    /// <summary>The efficiency score (1 − residual) in-process validators require of an explanation. Default 0.99.</summary>
    public double MinExplanationEfficiency { get; set; } = 0.99;

    /// <summary>The most models the registry holds. Default 16.</summary>
    public int MaxModels { get; set; } = 16;
}
