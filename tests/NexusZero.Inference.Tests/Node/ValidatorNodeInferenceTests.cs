using NexusZero.Consensus;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;

namespace NexusZero.Inference.Tests.Node;

/// <summary>
/// The validator node sample as a process, with <c>--inference-vk</c>: it approves a proposal whose proof is of the
/// proposal's own model output and rejects one whose output or model is not the proof's statement; a bad key file or
/// option makes it exit 2, naming the option, without starting. <c>--verify-proofs</c> keeps its own floor and never
/// accepts a proof of inference.
/// </summary>
public sealed class ValidatorNodeInferenceTests(NodeModels f) : IClassFixture<NodeModels>
{
    [Fact]
    public async Task NodeWithPinnedModels_ApprovesProofsOfTheProposalsOutput_RejectsProofsOfAnything()
    {
        using var node = NodeProcess.Start(
            f.ValidatorKeyPath,
            f.SetPath,
            0,
            "--inference-vk", f.PublicKeyPath, "--model-commitment", Convert.ToHexStringLower(f.PublicCommitment),
            "--inference-vk", f.PrivateKeyPath, "--weights-commitment", Convert.ToHexStringLower(f.WeightsCommitment));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        await node.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60));

        Approved(await ProposeAsync(node, Content(f.PublicSubject, f.PublicProof)));
        Approved(await ProposeAsync(node, Content(f.PrivateSubject, f.PrivateProof)));

        var claim = f.PublicSubject.Claim;
        var otherOutput = new InferenceSubject(f.PublicCommitment, claim with { Output = [.. claim.Output.Select(o => o + 1)] });
        Rejected(await ProposeAsync(node, Content(otherOutput, f.PublicProof)), "proof envelope rejected (StatementMismatch)");

        var otherModel = (byte[])f.PublicCommitment.Clone();
        otherModel[^1] ^= 1;
        Rejected(await ProposeAsync(node, Content(new InferenceSubject(otherModel, claim), f.PublicProof)), "which this validator was not given");

        // The public model's proof under the private model's subject: the right model named, the wrong proof.
        Rejected(await ProposeAsync(node, Content(f.PrivateSubject, f.PublicProof)), "proof envelope rejected");
    }

    /// <summary>
    /// The generic check keeps its 128-bit floor, which refuses Groth16 over BN254; lowered explicitly to 100 bits it
    /// still refuses the envelope, whose verifying key it was not given. Only --inference-vk accepts proofs of inference.
    /// </summary>
    [Fact]
    public async Task VerifyProofs_RefusesAProofOfInferenceAtAnyFloor()
    {
        var content = Content(f.PublicSubject, f.PublicProof);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using (var strict = NodeProcess.Start(f.ValidatorKeyPath, f.SetPath, 0, "--verify-proofs", "true"))
        {
            await strict.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60));
            Rejected(await ProposeAsync(strict, content), "(InsufficientSecurity)");
        }

        using var lowered = NodeProcess.Start(f.ValidatorKeyPath, f.SetPath, 0, "--verify-proofs", "true", "--min-security", "100");
        await lowered.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60));
        Rejected(await ProposeAsync(lowered, content), "(KeyNotPinned)");
    }

    public static TheoryData<string, string[], string> BadOptions => new()
    {
        { "missing key file", ["--inference-vk", "{dir}/absent.json", "--model-commitment", "{public}"], "--inference-vk {dir}/absent.json: Key file" },
        { "not a key", ["--inference-vk", "{dir}/set.json", "--model-commitment", "{public}"], "--inference-vk {dir}/set.json: verification key" },
        { "no commitment", ["--inference-vk", "{vk}"], "--inference-vk {vk}: needs --model-commitment HEX" },
        { "commitment first", ["--model-commitment", "{public}", "--inference-vk", "{vk}"], "--model-commitment: no --inference-vk FILE before it" },
        { "short commitment", ["--inference-vk", "{vk}", "--model-commitment", "abcd"], "--model-commitment: 'abcd' is not 64 hex digits" },
        { "weights commitment not in Fr", ["--inference-vk", "{vk}", "--weights-commitment", new string('f', 64)], "--weights-commitment: " + new string('f', 64) + " is not a canonical element of Fr" },
        { "model twice", ["--inference-vk", "{vk}", "--model-commitment", "{public}", "--inference-vk", "{vk}", "--model-commitment", "{public}"], "--model-commitment: {public} is given twice" },
        { "with verify-proofs", ["--inference-vk", "{vk}", "--model-commitment", "{public}", "--verify-proofs", "true"], "--verify-proofs: not with --inference-vk" },
        { "verify-proofs not a boolean", ["--verify-proofs", "yes"], "--verify-proofs: 'yes' is not true or false" },
        { "security bits alone", ["--min-security", "100"], "--min-security: only with --verify-proofs true" },
        { "security bits unknown", ["--verify-proofs", "true", "--min-security", "80"], "--min-security: '80' is not 100, 128, 192 or 256" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void NodeWithABadProofOption_ExitsWithAMessageNamingIt(string what, string[] options, string message)
    {
        string Fill(string text) => text.Replace("{dir}", f.Folder, StringComparison.Ordinal)
            .Replace("{vk}", f.PublicKeyPath, StringComparison.Ordinal)
            .Replace("{public}", Convert.ToHexStringLower(f.PublicCommitment), StringComparison.Ordinal);

        var run = NodeProcess.RunToEnd(
            TimeSpan.FromSeconds(60),
            [NodeProcess.NodeDll, "--urls", "http://127.0.0.1:0", "--key", f.ValidatorKeyPath, "--validators", f.SetPath, .. options.Select(Fill)]);

        Assert.True(run.ExitCode == 2, $"{what}: exit {run.ExitCode}; {run.Error}");
        Assert.Contains($"validator-node: {Fill(message)}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", run.Output, StringComparison.Ordinal);
    }

    private static ProposalContent Content(InferenceSubject subject, InferenceProof proof) =>
        InferenceReceipt.ToProposalContent(subject, proof.ToBytes(), NodeModels.Explanation);

    private async Task<ConsensusResult> ProposeAsync(NodeProcess node, ProposalContent content)
    {
        var options = new ConsensusOptions
        {
            VotingTimeout = TimeSpan.FromSeconds(30),
            CommitTimeout = TimeSpan.FromSeconds(15),
            PerValidatorTimeout = TimeSpan.FromSeconds(20),
        };
        using var client = new HttpConsensusClient(f.Set, new Dictionary<string, Uri> { ["v0"] = node.BaseUri }, options: options);
        return await client.ProposeAsync(content);
    }

    private static void Approved(ConsensusResult result)
    {
        Assert.True(result.IsFinalized, $"{result.FailureReason}: {result.FailureMessage}");
        var vote = Assert.Single(result.Certificate!.Votes).Vote;
        Assert.True(result.Certificate.Verdict == Verdict.Accept, string.Join("; ", vote.Reasons));
    }

    private static void Rejected(ConsensusResult result, string reason)
    {
        Assert.True(result.IsFinalized, $"{result.FailureReason}: {result.FailureMessage}");
        Assert.Equal(Verdict.Reject, result.Certificate!.Verdict);
        Assert.Contains(Assert.Single(result.Certificate.Votes).Vote.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
    }
}
