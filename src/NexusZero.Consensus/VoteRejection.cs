namespace NexusZero.Consensus;

/// <summary>
/// Why a vote, or a validator's reply, was not counted. <see cref="RejectedVote.Reason"/> says the same in words;
/// this is what a program should branch on.
/// </summary>
public enum VoteRejection
{
    /// <summary>Not rejected: the vote verifies.</summary>
    None = 0,

    /// <summary>The vote names a validator outside the set.</summary>
    NotAMember = 1,

    /// <summary>The validator was already excluded from this round for equivocation.</summary>
    Excluded = 2,

    /// <summary>Two different validly signed votes from one validator for one proposal and round.</summary>
    Equivocation = 3,

    /// <summary>The vote is for another proposal digest.</summary>
    WrongProposal = 4,

    /// <summary>The vote is for another round.</summary>
    WrongRound = 5,

    /// <summary>The vote signature does not verify against the member's public key.</summary>
    InvalidSignature = 6,

    /// <summary>In a certificate: the vote repeats a validator or breaks ascending validator-id order.</summary>
    DuplicateOrUnordered = 7,

    /// <summary>The reply could not be parsed.</summary>
    MalformedReply = 8,

    /// <summary>The reply held no vote.</summary>
    EmptyReply = 9,

    /// <summary>The validator answered, but declined (an HTTP 4xx, or <see cref="ValidatorRefusedException"/>).</summary>
    Refused = 10,

    /// <summary>No reply before the voting deadline or the per-request timeout.</summary>
    TimedOut = 11,

    /// <summary>The validator could not be reached (connection refused, reset, 5xx after retries, or another transport failure).</summary>
    Unreachable = 12,
}
