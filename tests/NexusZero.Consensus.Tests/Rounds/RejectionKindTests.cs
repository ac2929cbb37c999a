using System.Net;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Consensus.Transport;

namespace NexusZero.Consensus.Tests.Rounds;

/// <summary>Every rejected reply carries a typed reason, and validators that never answered are listed.</summary>
public sealed class RejectionKindTests
{
    public static TheoryData<string, VoteRejection> Failures => new()
    {
        { "timeout", VoteRejection.TimedOut },
        { "unreachable", VoteRejection.Unreachable },
        { "refused", VoteRejection.Refused },
        { "http409", VoteRejection.Refused },
        { "http503", VoteRejection.Unreachable },
        { "malformed", VoteRejection.MalformedReply },
        { "empty", VoteRejection.EmptyReply },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AFailingChannel_GetsItsTypedReason(string failure, VoteRejection expected)
    {
        using var cluster = new Cluster(4);
        var channels = cluster.Validators.Select((v, i) => i == 3 ? (IValidatorChannel)new BrokenChannel(v.Id, failure) : new PassThrough(v)).ToArray();
        var result = await new ConsensusClient(cluster.Set, channels).ProposeAsync(Cluster.Content());

        Assert.True(result.IsFinalized, result.FailureMessage);
        var rejected = Assert.Single(result.RejectedVotes);
        Assert.Equal(("v03", expected), (rejected.ValidatorId, rejected.Kind));
        var unanswered = expected is VoteRejection.TimedOut or VoteRejection.Unreachable;
        Assert.Equal(unanswered ? ["v03"] : [], result.UnansweredValidators);
    }

    [Fact]
    public async Task AChannelStillSilentWhenCollectionEnds_IsListedAsUnanswered()
    {
        using var cluster = new Cluster(4);
        var channels = cluster.Validators.Select((v, i) => i == 2 ? (IValidatorChannel)new BrokenChannel(v.Id, "silent") : new PassThrough(v)).ToArray();
        var options = new ConsensusOptions { StragglerGrace = TimeSpan.FromMilliseconds(20) };
        var result = await new ConsensusClient(cluster.Set, channels, options).ProposeAsync(Cluster.Content());

        Assert.True(result.IsFinalized, result.FailureMessage);
        Assert.Equal(["v02"], result.UnansweredValidators);
        Assert.Empty(result.RejectedVotes);
    }

    [Fact]
    public async Task AForeignOrForgedVote_GetsItsTypedReason()
    {
        using var cluster = new Cluster(4);
        var channels = cluster.Validators.Select((v, i) => i == 0 ? (IValidatorChannel)new ForgingChannel(v) : new PassThrough(v)).ToArray();
        var result = await new ConsensusClient(cluster.Set, channels).ProposeAsync(Cluster.Content());

        Assert.True(result.IsFinalized, result.FailureMessage);
        Assert.Equal(
            [VoteRejection.NotAMember, VoteRejection.WrongRound, VoteRejection.InvalidSignature],
            result.RejectedVotes.Select(r => r.Kind).Order());
        Assert.All(result.RejectedVotes, r => Assert.False(string.IsNullOrEmpty(r.Reason)));
    }

    private sealed class PassThrough(Validator validator) : IValidatorChannel
    {
        public string ValidatorId => validator.Id;

        public async Task<IReadOnlyList<SignedVote>> RequestVotesAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken) =>
            [await validator.VoteAsync(proposal, content, cancellationToken)];

        public Task<CommitSignature> RequestCommitAsync(QuorumCertificate certificate, CancellationToken cancellationToken) =>
            Task.FromResult(validator.Countersign(certificate));
    }

    /// <summary>Sends its own honest vote plus a vote from an outsider, one for another round and one with a broken signature.</summary>
    private sealed class ForgingChannel(Validator validator) : IValidatorChannel
    {
        public string ValidatorId => validator.Id;

        public async Task<IReadOnlyList<SignedVote>> RequestVotesAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
        {
            var honest = await validator.VoteAsync(proposal, content, cancellationToken);
            var v = honest.Vote;
            var signature = honest.Signature.ToArray();
            var broken = (byte[])signature.Clone();
            broken[3] ^= 1;
            return
            [
                new SignedVote(new Vote(v.ProposalDigest, "outsider", v.Round, v.Score, v.Verdict), signature),
                new SignedVote(new Vote(v.ProposalDigest, v.ValidatorId, v.Round + 1, v.Score, v.Verdict), signature),
                new SignedVote(new Vote(v.ProposalDigest, "v01", v.Round, v.Score, v.Verdict), broken),
                honest,
            ];
        }

        public Task<CommitSignature> RequestCommitAsync(QuorumCertificate certificate, CancellationToken cancellationToken) =>
            Task.FromResult(validator.Countersign(certificate));
    }

    private sealed class BrokenChannel(string id, string failure) : IValidatorChannel
    {
        public string ValidatorId => id;

        public async Task<IReadOnlyList<SignedVote>> RequestVotesAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
        {
            switch (failure)
            {
                case "silent":
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    break;
                case "timeout": throw new TimeoutException("no reply");
                case "unreachable": throw new HttpRequestException("connection refused");
                case "refused": throw new ValidatorRefusedException("deadline passed");
                case "http409": throw new HttpRequestException("409", null, HttpStatusCode.Conflict);
                case "http503": throw new HttpRequestException("503", null, HttpStatusCode.ServiceUnavailable);
                case "malformed": throw new FormatException("vote reply: malformed JSON");
            }

            return [];
        }

        public Task<CommitSignature> RequestCommitAsync(QuorumCertificate certificate, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused");
    }
}
