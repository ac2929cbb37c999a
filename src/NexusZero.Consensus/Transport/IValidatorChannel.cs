using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus.Transport;

/// <summary>
/// How the coordinator reaches one validator: implement it to carry rounds over a transport of your own (gRPC, a
/// message bus) and pass the channels to <see cref="ConsensusClient"/>. Nothing a channel returns is trusted: the
/// coordinator checks every signature, digest and round itself, so a channel only moves bytes.
/// </summary>
/// <remarks>
/// Throwing is how a channel reports a failed request, and the exception's type says what happened:
/// <see cref="OperationCanceledException"/> or <see cref="TimeoutException"/> count as
/// <see cref="VoteRejection.TimedOut"/>, <see cref="FormatException"/> as <see cref="VoteRejection.MalformedReply"/>,
/// <see cref="ValidatorRefusedException"/> (or an <see cref="HttpRequestException"/> with a 4xx status) as
/// <see cref="VoteRejection.Refused"/>, and anything else as <see cref="VoteRejection.Unreachable"/>.
/// </remarks>
public interface IValidatorChannel
{
    /// <summary>The id, in the validator set, of the validator this channel reaches.</summary>
    string ValidatorId { get; }

    /// <summary>Asks for a vote on a proposal. A reply may hold several votes (relayed or conflicting); each is checked.</summary>
    /// <param name="proposal">The proposal: set id, subject, round and deadline.</param>
    /// <param name="content">The content to judge, whose subject is the proposal's.</param>
    /// <param name="cancellationToken">Cancelled when the round no longer needs the reply.</param>
    /// <returns>The signed votes the validator returned.</returns>
    Task<IReadOnlyList<SignedVote>> RequestVotesAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken);

    /// <summary>Asks the validator to countersign a draft certificate (votes, verdict and aggregate, no commit signatures).</summary>
    /// <param name="certificate">The draft; <see cref="QuorumCertificate.ToBytes"/> is its wire form.</param>
    /// <param name="cancellationToken">Cancelled when the round no longer needs the reply.</param>
    /// <returns>The validator's signature over <see cref="QuorumCertificate.GetCommitPayload"/>.</returns>
    Task<CommitSignature> RequestCommitAsync(QuorumCertificate certificate, CancellationToken cancellationToken);
}
