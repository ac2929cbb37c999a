using System.Security.Cryptography;
using System.Text;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Consensus.Transport;

namespace NexusZero.Consensus.Tests.CustomTransport;

/// <summary>What a host with its own transport can do with the public API alone.</summary>
public sealed class CustomChannelTests
{
    [Fact]
    public void TheTransportSeam_IsPublic()
    {
        // The test project sees internals, so the compiler alone would not notice a seam turning internal again.
        Assert.True(typeof(IValidatorChannel).IsPublic);
        Assert.True(typeof(ConsensusClient).IsPublic);
        Assert.True(typeof(ConsensusClient).GetConstructor([typeof(NexusZero.Consensus.Validators.ValidatorSet), typeof(IEnumerable<IValidatorChannel>), typeof(ConsensusOptions)])!.IsPublic);
        Assert.True(typeof(QuorumCertificate).GetMethod(nameof(QuorumCertificate.GetCommitPayload))!.IsPublic);
        Assert.True(typeof(Vote).GetMethod(nameof(Vote.GetSigningPayload))!.IsPublic);
        Assert.True(typeof(CertificateVerifier).GetMethod(nameof(CertificateVerifier.VerifyVotes), [typeof(QuorumCertificate), typeof(NexusZero.Consensus.Validators.ValidatorSet)])!.IsPublic);
        Assert.True(typeof(VoteRejection).IsPublic);
        Assert.True(typeof(ConsensusResult).GetProperty(nameof(ConsensusResult.UnansweredValidators))!.GetMethod!.IsPublic);
    }

    [Fact]
    public async Task ACustomChannel_DrivesARoundToACertificateThatVerifies()
    {
        using var cluster = new Cluster(4);
        var channels = cluster.Validators.Select(v => new BusChannel(v)).ToArray();
        var result = await new ConsensusClient(cluster.Set, channels).ProposeAsync(Cluster.Content());

        Assert.True(result.IsFinalized, result.FailureMessage);
        Assert.True(CertificateVerifier.Verify(result.Certificate!, cluster.Set).IsValid);
        Assert.All(CertificateVerifier.VerifyVotes(result.Certificate!, cluster.Set), r => Assert.True(r.IsValid, r.ToString()));
        Assert.Empty(result.UnansweredValidators);
        Assert.All(channels, c => Assert.True(c.Requests > 0));
    }

    [Fact]
    public async Task VerifyVotes_NamesTheBadVote_AndKeepsTheGoodOnes()
    {
        using var cluster = new Cluster(4);
        var certificate = (await new ConsensusClient(cluster.Set, cluster.Validators.Select(v => new BusChannel(v))).ProposeAsync(Cluster.Content())).Certificate!;
        var votes = certificate.Votes.ToArray();
        var bad = votes[1].Signature.ToArray();
        bad[5] ^= 1;
        votes[1] = new SignedVote(votes[1].Vote, bad);
        var forged = new QuorumCertificate(certificate.Scheme, certificate.SetId, certificate.Subject, certificate.Round, certificate.Verdict, certificate.AggregateScore, votes, certificate.CommitSignatures);

        var results = CertificateVerifier.VerifyVotes(forged, cluster.Set);

        Assert.Equal(votes.Select(v => v.Vote.ValidatorId), results.Select(r => r.ValidatorId));
        Assert.Equal([VoteRejection.None, VoteRejection.InvalidSignature, VoteRejection.None, VoteRejection.None], results.Select(r => r.Rejection));
        Assert.False(CertificateVerifier.Verify(forged, cluster.Set).IsValid);
    }

    [Fact]
    public async Task VotePayload_FromTheDocumentedLayout_EqualsTheLibrarys()
    {
        using var cluster = new Cluster(4);
        var certificate = (await new ConsensusClient(cluster.Set, cluster.Validators.Select(v => new BusChannel(v))).ProposeAsync(Cluster.Content())).Certificate!;
        var vote = certificate.Votes[0].Vote;
        var expected = new MemoryStream();
        Label(expected, "NexusZero/consensus/vote/v1");
        expected.Write(cluster.Set.SetId);
        expected.Write(vote.ProposalDigest);
        U64(expected, vote.Round);
        Str8(expected, vote.ValidatorId);
        expected.WriteByte((byte)vote.Verdict);
        U32(expected, vote.Score.Millionths);
        expected.WriteByte((byte)vote.Reasons.Count);
        foreach (var reason in vote.Reasons)
        {
            Str16(expected, reason);
        }

        Assert.Equal(expected.ToArray(), vote.GetSigningPayload(cluster.Set.SetId));
    }

    [Fact]
    public async Task CommitPayload_FromTheDocumentedLayout_EqualsTheLibrarys()
    {
        using var cluster = new Cluster(4);
        var certificate = (await new ConsensusClient(cluster.Set, cluster.Validators.Select(v => new BusChannel(v))).ProposeAsync(Cluster.Content())).Certificate!;
        var body = new MemoryStream();
        body.Write("NZQC"u8);
        body.WriteByte(1);
        body.WriteByte((byte)certificate.Scheme);
        body.Write(certificate.SetId);
        U64(body, certificate.Round);
        Str8(body, certificate.Subject.ModelId);
        body.Write(certificate.Subject.EnvelopeHash);
        body.Write(certificate.Subject.OutputHash);
        body.Write(certificate.Subject.ExplanationDigest);
        body.WriteByte((byte)certificate.Verdict);
        U32(body, certificate.AggregateScore.Millionths);
        U16(body, (ushort)certificate.Votes.Count);
        foreach (var signed in certificate.Votes)
        {
            Str8(body, signed.Vote.ValidatorId);
            body.WriteByte((byte)signed.Vote.Verdict);
            U32(body, signed.Vote.Score.Millionths);
            body.WriteByte((byte)signed.Vote.Reasons.Count);
            foreach (var reason in signed.Vote.Reasons)
            {
                Str16(body, reason);
            }

            U16(body, (ushort)signed.Signature.Length);
            body.Write(signed.Signature);
        }

        U16(body, 0);
        var expected = new MemoryStream();
        Label(expected, "NexusZero/consensus/commit/v1");
        expected.Write(certificate.SetId);
        expected.Write(SHA256.HashData(body.ToArray()));

        Assert.Equal(expected.ToArray(), certificate.GetCommitPayload());
        Assert.True(CertificateVerifier.Verify(certificate, cluster.Set).IsValid);
    }

    private static void Label(Stream s, string label)
    {
        s.WriteByte((byte)label.Length);
        s.Write(Encoding.ASCII.GetBytes(label));
    }

    private static void Str8(Stream s, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        s.WriteByte((byte)bytes.Length);
        s.Write(bytes);
    }

    private static void Str16(Stream s, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        U16(s, (ushort)bytes.Length);
        s.Write(bytes);
    }

    private static void U16(Stream s, ushort v) => s.Write([(byte)(v >> 8), (byte)v]);

    private static void U32(Stream s, uint v) => s.Write([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);

    private static void U64(Stream s, ulong v)
    {
        for (var shift = 56; shift >= 0; shift -= 8)
        {
            s.WriteByte((byte)(v >> shift));
        }
    }

    /// <summary>
    /// A stand-in for a message bus: every request and reply crosses as bytes (the certificate's binary form,
    /// the vote's fields and signature), so nothing but public types and encodings is shared.
    /// </summary>
    private sealed class BusChannel(Validator validator) : IValidatorChannel
    {
        public int Requests { get; private set; }

        public string ValidatorId => validator.Id;

        public async Task<IReadOnlyList<SignedVote>> RequestVotesAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
        {
            Requests++;
            var received = new Proposal(proposal.SetId.ToArray(), content.ToSubject(), proposal.Round, proposal.Deadline);
            var signed = await validator.VoteAsync(received, content, cancellationToken);
            var v = signed.Vote;
            var vote = new Vote(v.ProposalDigest.ToArray(), v.ValidatorId, v.Round, new Score(v.Score.Millionths), v.Verdict, v.Reasons.ToArray());
            return [new SignedVote(vote, signed.Signature.ToArray())];
        }

        public Task<CommitSignature> RequestCommitAsync(QuorumCertificate certificate, CancellationToken cancellationToken)
        {
            Requests++;
            var commit = validator.Countersign(QuorumCertificate.Parse(certificate.ToBytes()));
            return Task.FromResult(new CommitSignature(commit.ValidatorId, commit.Signature.ToArray()));
        }
    }
}
