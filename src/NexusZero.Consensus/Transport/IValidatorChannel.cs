using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus.Transport;

/// <summary>
/// How the coordinator reaches one validator. Nothing a channel returns is trusted: the coordinator checks
/// every signature, digest and round itself.
/// </summary>
internal interface IValidatorChannel
{
    string ValidatorId { get; }

    /// <summary>Asks for a vote. A reply may hold several votes (relayed or conflicting); each is checked.</summary>
    Task<IReadOnlyList<SignedVote>> RequestVotesAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken);

    Task<CommitSignature> RequestCommitAsync(QuorumCertificate certificate, CancellationToken cancellationToken);
}
