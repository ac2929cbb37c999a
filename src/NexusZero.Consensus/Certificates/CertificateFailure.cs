namespace NexusZero.Consensus.Certificates;

/// <summary>Why a certificate was rejected.</summary>
public enum CertificateFailure
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The certificate names another validator set or signature scheme.</summary>
    WrongValidatorSet = 1,

    /// <summary>The certificate is for another subject than the one expected.</summary>
    WrongProposal = 2,

    /// <summary>Votes or commit signatures are not distinct or not in ascending validator-id order.</summary>
    DuplicateOrUnordered = 3,

    /// <summary>A vote or commit signature comes from a validator outside the set.</summary>
    UnknownValidator = 4,

    /// <summary>A vote signature does not verify.</summary>
    InvalidVoteSignature = 5,

    /// <summary>The included votes weigh less than a quorum.</summary>
    InsufficientVotes = 6,

    /// <summary>Fewer than a quorum of the included votes carry the certified verdict.</summary>
    VerdictNotSupported = 7,

    /// <summary>The aggregate score is not the median of the included votes.</summary>
    WrongAggregateScore = 8,

    /// <summary>A commit signature does not verify.</summary>
    InvalidCommitSignature = 9,

    /// <summary>The commit signatures weigh less than a quorum.</summary>
    InsufficientCommitSignatures = 10,
}
