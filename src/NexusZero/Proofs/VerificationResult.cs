namespace NexusZero.Proofs;

/// <summary>The outcome of verifying a proof: valid, or invalid with a reason.</summary>
public sealed record VerificationResult
{
    private VerificationResult(bool isValid, VerificationFailure failure, string? reason)
    {
        IsValid = isValid;
        Failure = failure;
        Reason = reason;
    }

    /// <summary>The single valid result.</summary>
    public static VerificationResult Valid { get; } = new(true, VerificationFailure.None, null);

    /// <summary>An invalid result.</summary>
    /// <param name="failure">Why the proof was rejected; not <see cref="VerificationFailure.None"/>.</param>
    /// <param name="reason">A human-readable explanation naming what failed.</param>
    /// <exception cref="ArgumentException"><paramref name="failure"/> is <see cref="VerificationFailure.None"/>.</exception>
    public static VerificationResult Invalid(VerificationFailure failure, string reason)
    {
        if (failure == VerificationFailure.None)
        {
            throw new ArgumentException("An invalid result needs a failure kind.", nameof(failure));
        }

        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new VerificationResult(false, failure, reason);
    }

    /// <summary>True when the proof verified.</summary>
    public bool IsValid { get; }

    /// <summary>Why the proof was rejected, or <see cref="VerificationFailure.None"/>.</summary>
    public VerificationFailure Failure { get; }

    /// <summary>A human-readable reason when invalid.</summary>
    public string? Reason { get; }

    /// <summary>How long verification took, when measured by the pipeline.</summary>
    public TimeSpan? Elapsed { get; init; }

    /// <summary>True when <see cref="Elapsed"/> exceeded the configured maximum verification time.</summary>
    public bool ExceededTimeLimit { get; init; }

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : $"invalid ({Failure}): {Reason}";
}
