using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Consensus.Tests.Rounds;

public sealed class ProofEnvelopeEvaluatorTests
{
    private static readonly NexuszeroApi Api = new();

    [Fact]
    public async Task ValidProof_Accepted_TamperedOrMissing_Rejected()
    {
        var envelope = Prove();
        var evaluator = new ProofEnvelopeEvaluator(Api);

        var good = await Evaluate(evaluator, envelope);
        Assert.Equal(Verdict.Accept, good.Verdict);
        Assert.Equal(new Score(Score.Scale), good.Score);

        var tampered = (byte[])envelope.Clone();
        tampered[^1] ^= 1;
        var bad = await Evaluate(evaluator, tampered);
        Assert.Equal(Verdict.Reject, bad.Verdict);
        Assert.Contains("rejected", Assert.Single(bad.Reasons), StringComparison.Ordinal);

        var none = await Evaluate(evaluator, []);
        Assert.Equal(Verdict.Reject, none.Verdict);
    }

    [Fact]
    public async Task Round_WithProofCheckingValidators_CertifiesAValidProof_AndRejectsATamperedOne()
    {
        using var cluster = new Cluster(4);
        var keys = cluster.Keys.Select(Cluster.CloneKey).ToArray();
        var validators = cluster.Ids.Select((id, i) => new Validator(cluster.Set, id, keys[i], [new ProofEnvelopeEvaluator(Api)])).ToArray();
        var client = new InProcessConsensusClient(cluster.Set, validators);
        var envelope = Prove();

        var accepted = await client.ProposeAsync(new ProposalContent("model-a", envelope, "out"u8.ToArray()));
        envelope[^1] ^= 1;
        var rejected = await client.ProposeAsync(new ProposalContent("model-a", envelope, "out"u8.ToArray()));

        Assert.Equal(Verdict.Accept, accepted.Certificate!.Verdict);
        Assert.Equal(Verdict.Reject, rejected.Certificate!.Verdict);
        Assert.True(CertificateVerifier.Verify(rejected.Certificate, cluster.Set).IsValid);
        foreach (var v in validators)
        {
            v.Dispose();
        }
    }

    private static byte[] Prove()
    {
        var group = Ristretto255Group.Instance;
        using var secret = group.RandomScalar();
        return Api.ProveDiscreteLog(group.MultiplyBase(secret), secret, "consensus-test"u8).ToBytes();
    }

    private static ValueTask<QualityAssessment> Evaluate(IQualityEvaluator evaluator, byte[] envelope)
    {
        var content = new ProposalContent("model-a", envelope, default);
        var proposal = new Proposal(new byte[32], content.ToSubject(), 1, DateTimeOffset.UtcNow.AddMinutes(1));
        return evaluator.EvaluateAsync(proposal, content, default);
    }
}
