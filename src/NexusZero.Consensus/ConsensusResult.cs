using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus;

/// <summary>The outcome of one round: a final certificate, or a failure reason; plus evidence and rejected votes.</summary>
public sealed class ConsensusResult
{
    internal ConsensusResult(
        Proposal proposal,
        IReadOnlyList<RoundState> history,
        QuorumCertificate? certificate,
        ConsensusFailureReason failureReason,
        string? failureMessage,
        IReadOnlyList<Evidence> evidence,
        IReadOnlyList<RejectedVote> rejectedVotes,
        IReadOnlyList<string> unansweredValidators,
        TimeSpan elapsed)
    {
        Proposal = proposal;
        History = history;
        Certificate = certificate;
        FailureReason = failureReason;
        FailureMessage = failureMessage;
        Evidence = evidence;
        RejectedVotes = rejectedVotes;
        UnansweredValidators = unansweredValidators;
        Elapsed = elapsed;
    }

    /// <summary>The proposal the round judged.</summary>
    public Proposal Proposal { get; }

    /// <summary>The final state: <see cref="RoundState.Finalized"/> or <see cref="RoundState.Failed"/>.</summary>
    public RoundState State => History[^1];

    /// <summary>True when the round finalized with a certificate.</summary>
    public bool IsFinalized => State == RoundState.Finalized;

    /// <summary>Every state the round went through, starting with <see cref="RoundState.Idle"/>.</summary>
    public IReadOnlyList<RoundState> History { get; }

    /// <summary>The final certificate, or null when the round failed.</summary>
    public QuorumCertificate? Certificate { get; }

    /// <summary>Why the round failed, or <see cref="ConsensusFailureReason.None"/>.</summary>
    public ConsensusFailureReason FailureReason { get; }

    /// <summary>A human-readable account of the failure.</summary>
    public string? FailureMessage { get; }

    /// <summary>Equivocation evidence found during the round; those validators' votes were excluded.</summary>
    public IReadOnlyList<Evidence> Evidence { get; }

    /// <summary>Replies and votes that were not counted, and why.</summary>
    public IReadOnlyList<RejectedVote> RejectedVotes { get; }

    /// <summary>
    /// The validators asked for a vote that never delivered a reply: timed out, unreachable, or still outstanding
    /// when collection ended (deadline, grace after a quorum, or a round that could no longer reach one). Members
    /// the client has no channel to are not asked and not listed. Each id appears once.
    /// </summary>
    public IReadOnlyList<string> UnansweredValidators { get; }

    /// <summary>How long the round took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Validators that refused to countersign because they had countersigned a different certificate for this set, proposal and round.</summary>
    public IReadOnlyList<CommitConflict> CommitConflicts { get; internal init; } = [];
}
