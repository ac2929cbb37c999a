namespace NexusZero.Consensus;

/// <summary>
/// The states of one proposal's round: Idle → Proposing → Voting → Committing → Finalized, or Failed from any
/// state before Finalized (docs/architecture.md).
/// </summary>
public enum RoundState
{
    /// <summary>Nothing proposed yet.</summary>
    Idle = 0,

    /// <summary>The proposal is being built (digests, round, deadline).</summary>
    Proposing = 1,

    /// <summary>Votes are being collected.</summary>
    Voting = 2,

    /// <summary>The certificate was sent back to validators for countersignatures.</summary>
    Committing = 3,

    /// <summary>A quorum countersigned: the certificate is final.</summary>
    Finalized = 4,

    /// <summary>The round ended without a certificate; see <see cref="ConsensusFailureReason"/>.</summary>
    Failed = 5,
}
