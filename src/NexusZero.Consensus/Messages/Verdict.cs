namespace NexusZero.Consensus.Messages;

/// <summary>A validator's judgement of a proposal; one byte in every encoding.</summary>
public enum Verdict : byte
{
    /// <summary>The result meets the validator's quality bar.</summary>
    Accept = 1,

    /// <summary>The result fails the validator's quality bar.</summary>
    Reject = 2,
}
