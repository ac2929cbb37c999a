using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;

namespace NexusZero.Consensus.Transport;

/// <summary>Reaches a <see cref="Validator"/> object in the same process.</summary>
internal sealed class InProcessValidatorChannel(Validator validator) : IValidatorChannel
{
    public string ValidatorId => validator.Id;

    public async Task<IReadOnlyList<SignedVote>> RequestVotesAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken) =>
        [await validator.VoteAsync(proposal, content, cancellationToken).ConfigureAwait(false)];

    public Task<CommitSignature> RequestCommitAsync(QuorumCertificate certificate, CancellationToken cancellationToken) =>
        Task.FromResult(validator.Countersign(certificate));
}
