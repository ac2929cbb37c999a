using System.Security.Cryptography;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Tests.Support;

namespace NexusZero.Consensus.Tests.Rounds;

/// <summary>Proposal content that carries the explanation itself: its digest binds the bytes, and it travels over HTTP.</summary>
public sealed class ExplanationBytesTests
{
    private static readonly Dictionary<string, double> Metrics = new() { ["fidelity"] = 0.9 };

    [Fact]
    public void WithoutExplanationBytesTheDigestIsTheMetricsDigest()
    {
        var content = new ProposalContent("model-a", new byte[] { 1 }, new byte[] { 2 }, Metrics, ReadOnlyMemory<byte>.Empty);
        Assert.Equal(ProposalContent.ComputeExplanationDigest(Metrics), content.ToSubject().ExplanationDigest.ToArray());
        Assert.True(content.ToSubject().SameAs(new ProposalContent("model-a", new byte[] { 1 }, new byte[] { 2 }, Metrics).ToSubject()));
    }

    [Fact]
    public void TheDigestBindsEveryExplanationByteAndTheMetrics()
    {
        var explanation = RandomNumberGenerator.GetBytes(64);
        var digest = ProposalContent.ComputeExplanationDigest(Metrics, explanation);
        Assert.NotEqual(ProposalContent.ComputeExplanationDigest(Metrics), digest);
        for (var i = 0; i < explanation.Length; i++)
        {
            var changed = (byte[])explanation.Clone();
            changed[i] ^= 0x01;
            Assert.NotEqual(digest, ProposalContent.ComputeExplanationDigest(Metrics, changed));
        }

        Assert.NotEqual(digest, ProposalContent.ComputeExplanationDigest(new Dictionary<string, double> { ["fidelity"] = 0.8 }, explanation));
        Assert.NotEqual(digest, ProposalContent.ComputeExplanationDigest(Metrics, explanation.AsSpan(0, 63)));
    }

    [Fact]
    public void AnOversizedExplanationIsRefused()
    {
        var big = new byte[ProposalContent.MaxExplanationBytes + 1];
        var error = Assert.Throws<ArgumentException>(() => new ProposalContent("model-a", default, default, null, big));
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExplanationTravelsInTheVoteRequestAndIsAbsentWhenEmpty()
    {
        using var cluster = new Cluster(4);
        var explanation = RandomNumberGenerator.GetBytes(100);
        var content = new ProposalContent("model-a", new byte[] { 1, 2 }, new byte[] { 3 }, Metrics, explanation);
        var proposal = new Proposal(cluster.Set.SetId, content.ToSubject(), 1, DateTimeOffset.UtcNow.AddMinutes(1));
        var json = WireFormat.Serialize(WireFormat.ToMessage(proposal, content), ConsensusJsonContext.Default.VoteRequestMessage);
        var (received, receivedContent) = WireFormat.FromMessage(WireFormat.Deserialize(json, ConsensusJsonContext.Default.VoteRequestMessage, "request"));
        Assert.Equal(explanation, receivedContent.Explanation.ToArray());
        Assert.True(received.Subject.SameAs(proposal.Subject));

        var plain = new ProposalContent("model-a", new byte[] { 1, 2 }, new byte[] { 3 }, Metrics);
        var plainJson = WireFormat.Serialize(WireFormat.ToMessage(proposal, plain), ConsensusJsonContext.Default.VoteRequestMessage);
        Assert.DoesNotContain("\"explanation\"", System.Text.Encoding.UTF8.GetString(plainJson), StringComparison.Ordinal);
        Assert.True(WireFormat.FromMessage(WireFormat.Deserialize(plainJson, ConsensusJsonContext.Default.VoteRequestMessage, "request")).Content.Explanation.IsEmpty);
    }

    [Fact]
    public async Task ARoundOverExplanationBytesCertifiesTheirDigest()
    {
        using var cluster = new Cluster(4);
        var explanation = RandomNumberGenerator.GetBytes(100);
        var content = new ProposalContent("model-a", new byte[] { 1, 2 }, new byte[] { 3 }, Metrics, explanation);
        var result = await new InProcessConsensusClient(cluster.Set, cluster.Validators).ProposeAsync(content);
        Assert.True(result.IsFinalized);
        Assert.Equal(ProposalContent.ComputeExplanationDigest(Metrics, explanation), result.Certificate!.Subject.ExplanationDigest.ToArray());
    }
}
