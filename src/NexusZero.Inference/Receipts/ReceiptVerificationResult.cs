namespace NexusZero.Inference.Receipts;

/// <summary>The outcome of checking a receipt: valid, or the part that failed and why.</summary>
public sealed record ReceiptVerificationResult
{
    private ReceiptVerificationResult(ReceiptFailure failure, string? reason)
    {
        Failure = failure;
        Reason = reason;
    }

    /// <summary>The valid result.</summary>
    public static ReceiptVerificationResult Valid { get; } = new(ReceiptFailure.None, null);

    /// <summary>True when every part verified.</summary>
    public bool IsValid => Failure == ReceiptFailure.None;

    /// <summary>The failed part, or <see cref="ReceiptFailure.None"/>.</summary>
    public ReceiptFailure Failure { get; }

    /// <summary>A human-readable reason when rejected.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : $"invalid ({Failure}): {Reason}";

    internal static ReceiptVerificationResult Invalid(ReceiptFailure failure, string reason) => new(failure, reason);
}
