namespace NexusZero.Consensus.Canonical;

/// <summary>
/// Domain-separation labels, one per signed or hashed structure, each with its format version. A signature or
/// digest made for one structure can never be read as another.
/// </summary>
internal static class DomainLabels
{
    public static ReadOnlySpan<byte> ValidatorSet => "NexusZero/consensus/validator-set/v1"u8;

    public static ReadOnlySpan<byte> Proposal => "NexusZero/consensus/proposal/v1"u8;

    public static ReadOnlySpan<byte> ExplanationMetrics => "NexusZero/consensus/explanation-metrics/v1"u8;

    public static ReadOnlySpan<byte> Explanation => "NexusZero/consensus/explanation/v1"u8;

    public static ReadOnlySpan<byte> Vote => "NexusZero/consensus/vote/v1"u8;

    public static ReadOnlySpan<byte> Commit => "NexusZero/consensus/commit/v1"u8;

    public static ReadOnlySpan<byte> CoordinatorRequest => "NexusZero/consensus/coordinator-request/v1"u8;
}
