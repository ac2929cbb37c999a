using NexusZero.Consensus.Messages;
using NexusZero.Inference.Receipts;

namespace NexusZero.Inference.Tests.Receipts;

/// <summary>The validators' check: the proposal's proof must be a proof of the proposal's own inference of the pinned model.</summary>
public sealed class InferenceProposalEvaluatorTests
{
    private static ReceiptFixture F => ReceiptFixture.Instance;

    [Fact]
    public async Task AcceptsTheProofOfTheProposalsInference()
    {
        var assessment = await Evaluate(InferenceReceipt.ToProposalContent(F.Subject, F.Proof.ToBytes(), F.Explanation));
        Assert.Equal(Verdict.Accept, assessment.Verdict);
    }

    public static TheoryData<string, string> Rejections => new()
    {
        { "other output", "proof envelope rejected (StatementMismatch)" },
        { "other model", "not this validator's" },
        { "model id", "is not the subject's" },
        { "not a subject", "the output is not an inference subject: subject label" },
        { "no envelope", "no proof envelope" },
        { "explanation output", "the explanation is of output 5" },
        { "malformed explanation", "the explanation is malformed" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task RejectsAnythingElseAndSaysWhy(string change, string reason)
    {
        var envelope = F.Proof.ToBytes();
        var claim = F.Subject.Claim;
        var commitment = F.Subject.ModelCommitment.ToArray();
        var content = change switch
        {
            "other output" => InferenceReceipt.ToProposalContent(new InferenceSubject(commitment, claim with { Output = [.. claim.Output.Select(o => o + 1)] }), envelope, F.Explanation),
            "other model" => InferenceReceipt.ToProposalContent(new InferenceSubject(Flip(commitment), claim), envelope, F.Explanation),
            "model id" => new ProposalContent("model-a", envelope, F.Subject.ToBytes(), F.Explanation.Metrics, F.Explanation.ToBytes()),
            "not a subject" => new ProposalContent(F.Subject.ModelId, envelope, "42"u8.ToArray(), F.Explanation.Metrics, F.Explanation.ToBytes()),
            "no envelope" => new ProposalContent(F.Subject.ModelId, ReadOnlyMemory<byte>.Empty, F.Subject.ToBytes(), F.Explanation.Metrics, F.Explanation.ToBytes()),
            "explanation output" => InferenceReceipt.ToProposalContent(F.Subject, envelope, new ReceiptExplanation("lime", 5, 0, ["a"], [1.0])),
            _ => new ProposalContent(F.Subject.ModelId, envelope, F.Subject.ToBytes(), F.Explanation.Metrics, new byte[] { 1, 2, 3 }),
        };
        var assessment = await Evaluate(content);
        Assert.Equal(Verdict.Reject, assessment.Verdict);
        Assert.Equal(0u, assessment.Score.Millionths);
        Assert.Contains(reason, Assert.Single(assessment.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommitmentMustBe32Bytes() =>
        Assert.Throws<ArgumentException>(() => new InferenceProposalEvaluator(F.Keys.VerifyingKey, new byte[16]));

    private static byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        copy[^1] ^= 1;
        return copy;
    }

    private static async Task<Consensus.Evaluation.QualityAssessment> Evaluate(ProposalContent content)
    {
        var proposal = new Proposal(F.Set.SetId, content.ToSubject(), 1, DateTimeOffset.UtcNow.AddMinutes(1));
        return await new InferenceProposalEvaluator(F.Keys).EvaluateAsync(proposal, content, CancellationToken.None);
    }
}
