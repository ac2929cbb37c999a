using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Tests.Certificates;

public sealed class ForgedCertificateTests : IDisposable
{
    private readonly Cluster _cluster = new(4);
    private readonly QuorumCertificate _certificate;

    public ForgedCertificateTests()
    {
        var client = new InProcessConsensusClient(_cluster.Set, _cluster.Validators);
        var result = client.ProposeAsync(Cluster.Content()).GetAwaiter().GetResult();
        _certificate = result.Certificate!;
    }

    [Fact]
    public void Genuine_IsValid()
    {
        Assert.Equal(CertificateVerificationResult.Valid, CertificateVerifier.Verify(_certificate, _cluster.Set, Cluster.Content().ToSubject()));
    }

    [Fact]
    public void MissingVotes_BelowQuorum_Rejected()
    {
        var forged = With(votes: _certificate.Votes.Take(2));
        Assert.Equal(CertificateFailure.InsufficientVotes, CertificateVerifier.Verify(forged, _cluster.Set).Failure);
    }

    [Fact]
    public void MissingVote_AboveQuorum_BreaksCommitSignatures()
    {
        var votes = _certificate.Votes.Take(3).ToArray();
        var median = ScoreAggregation.WeightedLowerMedian(votes.Select(v => (v.Vote.Score, 1)).ToArray());
        var forged = With(votes: votes, aggregate: median);
        Assert.Equal(CertificateFailure.InvalidCommitSignature, CertificateVerifier.Verify(forged, _cluster.Set).Failure);
    }

    [Fact]
    public void DuplicatedVote_Rejected()
    {
        var votes = _certificate.Votes.Take(3).Append(_certificate.Votes[2]);
        Assert.Equal(CertificateFailure.DuplicateOrUnordered, CertificateVerifier.Verify(With(votes: votes), _cluster.Set).Failure);
    }

    [Fact]
    public void DuplicatedCommitSignature_Rejected()
    {
        var commits = _certificate.CommitSignatures.Append(_certificate.CommitSignatures[^1]);
        Assert.Equal(CertificateFailure.DuplicateOrUnordered, CertificateVerifier.Verify(With(commits: commits), _cluster.Set).Failure);
    }

    [Fact]
    public void NonMemberSignature_Rejected()
    {
        using var outsider = SignatureSchemes.Default.GenerateKey();
        var vote = new Vote(_certificate.ProposalDigest, "zz-outsider", _certificate.Round, Score.FromDouble(0.8), Verdict.Accept);

        // Signed over this set's id (the strongest forgery), yet the signer is not a member.
        var signed = new SignedVote(vote, outsider.Sign(vote.GetSigningPayload(_cluster.Set.SetId)));
        var forged = With(votes: _certificate.Votes.Append(signed));
        Assert.Equal(CertificateFailure.UnknownValidator, CertificateVerifier.Verify(forged, _cluster.Set).Failure);

        var commit = new CommitSignature("zz-outsider", outsider.Sign(_certificate.GetCommitPayload()));
        var forgedCommit = With(commits: _certificate.CommitSignatures.Append(commit));
        Assert.Equal(CertificateFailure.UnknownValidator, CertificateVerifier.Verify(forgedCommit, _cluster.Set).Failure);
    }

    [Fact]
    public void AlteredVoteScore_Rejected()
    {
        var original = _certificate.Votes[1];
        var altered = new SignedVote(new Vote(original.Vote.ProposalDigest, original.Vote.ValidatorId, original.Vote.Round, Score.FromDouble(0.99), original.Vote.Verdict, original.Vote.Reasons), original.Signature);
        var votes = _certificate.Votes.Select(v => v == original ? altered : v);
        Assert.Equal(CertificateFailure.InvalidVoteSignature, CertificateVerifier.Verify(With(votes: votes), _cluster.Set).Failure);
    }

    [Fact]
    public void AlteredAggregateScore_Rejected()
    {
        var forged = With(aggregate: new Score(_certificate.AggregateScore.Millionths + 1));
        Assert.Equal(CertificateFailure.WrongAggregateScore, CertificateVerifier.Verify(forged, _cluster.Set).Failure);
    }

    [Fact]
    public void AlteredVerdict_Rejected()
    {
        var forged = With(verdict: Verdict.Reject);
        Assert.Equal(CertificateFailure.VerdictNotSupported, CertificateVerifier.Verify(forged, _cluster.Set).Failure);
    }

    [Fact]
    public void VoteForAnotherProposal_Rejected()
    {
        // A genuine signature by v01 over another subject, pasted into this certificate.
        var otherSubject = Cluster.Content("model-b").ToSubject();
        var otherDigest = Proposal.ComputeDigest(_cluster.Set.SetId, otherSubject);
        var original = _certificate.Votes[1].Vote;
        var otherVote = new Vote(otherDigest, original.ValidatorId, original.Round, original.Score, original.Verdict, original.Reasons);
        var otherSignature = SignedVote.Create(otherVote, _cluster.Keys[1], _cluster.Set).Signature.ToArray();
        var pasted = new SignedVote(original, otherSignature);
        var votes = _certificate.Votes.Select(v => v.Vote.ValidatorId == original.ValidatorId ? pasted : v);
        Assert.Equal(CertificateFailure.InvalidVoteSignature, CertificateVerifier.Verify(With(votes: votes), _cluster.Set).Failure);

        Assert.Equal(CertificateFailure.WrongProposal, CertificateVerifier.Verify(_certificate, _cluster.Set, otherSubject).Failure);
    }

    [Fact]
    public void VoteFromAnotherRound_Rejected()
    {
        var original = _certificate.Votes[0].Vote;
        var oldRound = new Vote(original.ProposalDigest, original.ValidatorId, original.Round + 1, original.Score, original.Verdict, original.Reasons);
        var pasted = new SignedVote(original, SignedVote.Create(oldRound, _cluster.Keys[0], _cluster.Set).Signature);
        var votes = _certificate.Votes.Select((v, i) => i == 0 ? pasted : v);
        Assert.Equal(CertificateFailure.InvalidVoteSignature, CertificateVerifier.Verify(With(votes: votes), _cluster.Set).Failure);
    }

    [Fact]
    public void CertificateForAnotherValidatorSet_Rejected()
    {
        // Same members and keys, next epoch: a different set id.
        var nextEpoch = ValidatorSet.Create(2, SignatureSchemes.Default, _cluster.Set.Members);
        Assert.Equal(CertificateFailure.WrongValidatorSet, CertificateVerifier.Verify(_certificate, nextEpoch).Failure);
    }

    [Fact]
    public void MissingCommitSignatures_Rejected()
    {
        var forged = With(commits: _certificate.CommitSignatures.Take(2));
        Assert.Equal(CertificateFailure.InsufficientCommitSignatures, CertificateVerifier.Verify(forged, _cluster.Set).Failure);
        var garbage = With(commits: _certificate.CommitSignatures.Select(c => new CommitSignature(c.ValidatorId, new byte[64])));
        Assert.Equal(CertificateFailure.InvalidCommitSignature, CertificateVerifier.Verify(garbage, _cluster.Set).Failure);
    }

    [Fact]
    public void EveryByteFlip_IsMalformedOrInvalid()
    {
        var bytes = _certificate.ToBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var mask in new byte[] { 0x01, 0x80 })
            {
                var flipped = (byte[])bytes.Clone();
                flipped[i] ^= mask;
                if (QuorumCertificate.TryParse(flipped, out var parsed, out _))
                {
                    Assert.False(CertificateVerifier.Verify(parsed!, _cluster.Set).IsValid, $"byte {i} mask {mask:X2} still verifies");
                }
            }
        }
    }

    public void Dispose() => _cluster.Dispose();

    private QuorumCertificate With(IEnumerable<SignedVote>? votes = null, IEnumerable<CommitSignature>? commits = null, Score? aggregate = null, Verdict? verdict = null) =>
        new(_certificate.Scheme, _certificate.SetId, _certificate.Subject, _certificate.Round, verdict ?? _certificate.Verdict,
            aggregate ?? _certificate.AggregateScore, votes ?? _certificate.Votes, commits ?? _certificate.CommitSignatures);
}
