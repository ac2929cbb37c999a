namespace NexusZero.Consensus.Certificates;

/// <summary>The outcome of checking a certificate: valid, or rejected with a failure kind and a reason.</summary>
public sealed record CertificateVerificationResult
{
    private CertificateVerificationResult(CertificateFailure failure, string? reason)
    {
        Failure = failure;
        Reason = reason;
    }

    /// <summary>The valid result.</summary>
    public static CertificateVerificationResult Valid { get; } = new(CertificateFailure.None, null);

    /// <summary>True when the certificate verified.</summary>
    public bool IsValid => Failure == CertificateFailure.None;

    /// <summary>Why it was rejected, or <see cref="CertificateFailure.None"/>.</summary>
    public CertificateFailure Failure { get; }

    /// <summary>A human-readable reason when rejected.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : $"invalid ({Failure}): {Reason}";

    internal static CertificateVerificationResult Invalid(CertificateFailure failure, string reason) => new(failure, reason);
}
