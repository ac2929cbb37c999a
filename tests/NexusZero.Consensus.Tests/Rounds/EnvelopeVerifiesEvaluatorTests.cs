using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Consensus.Tests.Rounds;

public sealed class EnvelopeVerifiesEvaluatorTests
{
    private static readonly NexuszeroApi Api = new();

    [Fact]
    public async Task ValidProof_Accepted_TamperedOrMissing_Rejected()
    {
        var envelope = Prove();
        var evaluator = new EnvelopeVerifiesEvaluator(Api);

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
        var validators = cluster.Ids.Select((id, i) => new Validator(cluster.Set, id, keys[i], [new EnvelopeVerifiesEvaluator(Api)])).ToArray();
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

    [Fact]
    public async Task WithoutAnExpectedStatement_TheAcceptSaysItIsNotTiedToTheOutput()
    {
        var good = await Evaluate(new EnvelopeVerifiesEvaluator(Api), Prove());
        Assert.Equal(Verdict.Accept, good.Verdict);
        Assert.Contains("not tied to the output", Assert.Single(good.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAnExpectedStatement_AnUnrelatedValidProofIsRejected()
    {
        var group = Ristretto255Group.Instance;
        using var secret = group.RandomScalar();
        var publicValue = group.MultiplyBase(secret);
        var expected = new DiscreteLogStatement(group, publicValue);
        var evaluator = new EnvelopeVerifiesEvaluator(Api, _ => expected);

        var bound = await Evaluate(evaluator, Api.ProveDiscreteLog(publicValue, secret, "consensus-test"u8).ToBytes());
        Assert.Equal(Verdict.Accept, bound.Verdict);
        Assert.Contains("expected statement", Assert.Single(bound.Reasons), StringComparison.Ordinal);

        // A perfectly valid proof of something else (here: knowledge of the secret 1) is not a vote for this output.
        using var one = group.ScalarOne.Add(group.ScalarZero);
        var unrelated = await Evaluate(evaluator, Api.ProveDiscreteLog(group.MultiplyBase(one), one, "consensus-test"u8).ToBytes());
        Assert.Equal(Verdict.Reject, unrelated.Verdict);
        Assert.Contains("StatementMismatch", Assert.Single(unrelated.Reasons), StringComparison.Ordinal);
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
