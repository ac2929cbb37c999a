using System.Security.Cryptography;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Transport;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Tests.Support;

/// <summary>A Byzantine validator: holds its real key but misbehaves as <see cref="FaultKind"/> says.</summary>
internal sealed class FaultyChannel(FaultKind kind, string id, ISigningKey key, ValidatorSet set, int index) : IValidatorChannel
{
    public string ValidatorId => id;

    public async Task<IReadOnlyList<SignedVote>> RequestVotesAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
    {
        var honest = new Vote(proposal.Digest, id, proposal.Round, Score.FromDouble(0.85), Verdict.Accept, ["looks fine"]);
        switch (kind)
        {
            case FaultKind.Crash:
                throw new HttpRequestException("connection refused");
            case FaultKind.Late:
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                return [SignedVote.Create(honest, key, set)];
            case FaultKind.Garbage:
                return [new SignedVote(honest, RandomNumberGenerator.GetBytes(64))];
            case FaultKind.WrongKey:
                using (var other = SignatureSchemes.Default.GenerateKey())
                {
                    return [SignedVote.Create(honest, other, set)];
                }

            case FaultKind.Equivocate:
                return
                [
                    SignedVote.Create(honest, key, set),
                    SignedVote.Create(new Vote(proposal.Digest, id, proposal.Round, Score.FromDouble(0.0), Verdict.Reject, ["changed my mind"]), key, set),
                ];
            case FaultKind.OtherDigest:
                var otherDigest = SHA256.HashData(proposal.Digest);
                return [SignedVote.Create(new Vote(otherDigest, id, proposal.Round, Score.FromDouble(0.0), Verdict.Reject), key, set)];
            case FaultKind.ReplayOldRound:
                return [SignedVote.Create(new Vote(proposal.Digest, id, proposal.Round - 1, Score.FromDouble(0.0), Verdict.Reject), key, set)];
            case FaultKind.ExtremeScore:
                var extreme = index % 2 == 0 ? 0.0 : 1.0;
                return [SignedVote.Create(new Vote(proposal.Digest, id, proposal.Round, Score.FromDouble(extreme), Verdict.Reject, ["extreme"]), key, set)];
            default:
                throw new InvalidOperationException();
        }
    }

    public async Task<CommitSignature> RequestCommitAsync(QuorumCertificate certificate, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case FaultKind.Crash:
                throw new HttpRequestException("connection refused");
            case FaultKind.Late:
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                break;
        }

        return new CommitSignature(id, RandomNumberGenerator.GetBytes(64));
    }
}

/// <summary>Votes honestly, then never answers the commit request (until cancelled).</summary>
internal sealed class SilentAtCommitChannel(Validator validator) : IValidatorChannel
{
    public string ValidatorId => validator.Id;

    public async Task<IReadOnlyList<SignedVote>> RequestVotesAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken) =>
        [await validator.VoteAsync(proposal, content, cancellationToken)];

    public async Task<CommitSignature> RequestCommitAsync(QuorumCertificate certificate, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
