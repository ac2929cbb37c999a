namespace NexusZero.Consensus;

/// <summary>Why a round failed.</summary>
public enum ConsensusFailureReason
{
    /// <summary>The round did not fail.</summary>
    None = 0,

    /// <summary>The voting deadline passed before either verdict gathered a quorum.</summary>
    DeadlineExceeded = 1,

    /// <summary>Every validator answered (or could no longer change the outcome) and the valid votes weigh less than a quorum.</summary>
    NotEnoughValidVotes = 2,

    /// <summary>The valid votes weigh a quorum but neither verdict has one.</summary>
    SplitVerdicts = 3,

    /// <summary>Fewer than a quorum of validators countersigned the certificate in time.</summary>
    NotEnoughCommitSignatures = 4,
}
