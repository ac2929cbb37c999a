using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Tests.Rounds;

public sealed class ValidatorTests : IDisposable
{
    private readonly Cluster _cluster = new(4);

    [Fact]
    public async Task SameProposalAndRound_ReturnsTheSameVote_SoRetriesNeverEquivocate()
    {
        var proposal = ProposalFor(Cluster.Content(), round: 3);
        var first = await _cluster.Validators[0].VoteAsync(proposal, Cluster.Content());
        var second = await _cluster.Validators[0].VoteAsync(proposal, Cluster.Content());
        Assert.Same(first, second);
        Assert.True(first.Verify(_cluster.Set));
        var nextRound = await _cluster.Validators[0].VoteAsync(ProposalFor(Cluster.Content(), round: 4), Cluster.Content());
        Assert.NotSame(first, nextRound);
    }

    [Fact]
    public async Task ConcurrentRequestsForOneProposalAndRound_AllGetTheSameVote()
    {
        var key = Cluster.CloneKey(_cluster.Keys[1]);
        using var validator = new Validator(_cluster.Set, "v01", key, [new SlowEvaluator()]);
        var proposal = ProposalFor(Cluster.Content(), round: 9);
        var votes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => validator.VoteAsync(proposal, Cluster.Content()))));
        Assert.All(votes, v => Assert.Same(votes[0], v));
    }

    [Fact]
    public async Task ManyConcurrentRounds_OnOneClient_AllFinalizeInDistinctRounds()
    {
        var client = new InProcessConsensusClient(_cluster.Set, _cluster.Validators);
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.ProposeAsync(Cluster.Content($"model-{i % 4}"))));
        Assert.All(results, r => Assert.True(r.IsFinalized, r.FailureMessage));
        Assert.Equal(16, results.Select(r => r.Proposal.Round).Distinct().Count());
        Assert.All(results, r => Assert.True(CertificateVerifier.Verify(r.Certificate!, _cluster.Set, r.Proposal.Subject).IsValid));
    }

    [Fact]
    public async Task Refuses_OtherSet_PassedDeadline_MismatchedContent()
    {
        var content = Cluster.Content();
        var otherSet = ValidatorSet.Create(9, SignatureSchemes.Default, _cluster.Set.Members);
        await Assert.ThrowsAsync<ValidatorRefusedException>(() => _cluster.Validators[0].VoteAsync(new Proposal(otherSet.SetId, content.ToSubject(), 1, DateTimeOffset.UtcNow.AddMinutes(1)), content));
        await Assert.ThrowsAsync<ValidatorRefusedException>(() => _cluster.Validators[0].VoteAsync(new Proposal(_cluster.Set.SetId, content.ToSubject(), 1, DateTimeOffset.UtcNow.AddSeconds(-1)), content));
        await Assert.ThrowsAsync<ValidatorRefusedException>(() => _cluster.Validators[0].VoteAsync(ProposalFor(content, 1), Cluster.Content("model-b")));
    }

    [Fact]
    public async Task Countersign_RefusesACertificateThatDoesNotVerify()
    {
        var client = new InProcessConsensusClient(_cluster.Set, _cluster.Validators);
        var certificate = (await client.ProposeAsync(Cluster.Content())).Certificate!;
        var forged = new QuorumCertificate(certificate.Scheme, certificate.SetId, certificate.Subject, certificate.Round, Verdict.Reject,
            certificate.AggregateScore, certificate.Votes, []);
        var ex = Assert.Throws<ValidatorRefusedException>(() => _cluster.Validators[1].Countersign(forged));
        Assert.Contains("Reject", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RejectsAKeyThatIsNotTheMembersKey()
    {
        using var other = SignatureSchemes.Default.GenerateKey();
        Assert.Throws<ArgumentException>(() => new Validator(_cluster.Set, "v00", Cluster.CloneKey(other), [new FixedEvaluator(1, Verdict.Accept)]));
        Assert.Throws<ArgumentException>(() => new Validator(_cluster.Set, "nobody", Cluster.CloneKey(_cluster.Keys[0]), [new FixedEvaluator(1, Verdict.Accept)]));
    }

    [Fact]
    public async Task ExplanationEvaluator_AcceptsAboveMinimums_RejectsBelowOrMissing()
    {
        var evaluator = new ExplanationQualityEvaluator(new Dictionary<string, double> { ["fidelity"] = 0.8, ["stability"] = 0.5 });
        var good = new ProposalContent("m", default, default, new Dictionary<string, double> { ["fidelity"] = 0.9, ["stability"] = 0.7 });
        var low = new ProposalContent("m", default, default, new Dictionary<string, double> { ["fidelity"] = 0.7, ["stability"] = 0.7 });
        var missing = new ProposalContent("m", default, default, new Dictionary<string, double> { ["fidelity"] = 0.9 });

        var a = await evaluator.EvaluateAsync(ProposalFor(good, 1), good, default);
        var b = await evaluator.EvaluateAsync(ProposalFor(low, 1), low, default);
        var c = await evaluator.EvaluateAsync(ProposalFor(missing, 1), missing, default);

        Assert.Equal(Verdict.Accept, a.Verdict);
        Assert.Equal(Score.FromDouble(0.8), a.Score);
        Assert.Equal(Verdict.Reject, b.Verdict);
        Assert.Contains(b.Reasons, r => r.Contains("fidelity", StringComparison.Ordinal));
        Assert.Equal(Verdict.Reject, c.Verdict);
        Assert.Contains(c.Reasons, r => r.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RejectingValidators_ProduceARejectCertificate()
    {
        var keys = _cluster.Keys.Select(Cluster.CloneKey).ToArray();
        var validators = _cluster.Ids.Select((id, i) => new Validator(_cluster.Set, id, keys[i], [new FixedEvaluator(0.1, Verdict.Reject)])).ToArray();
        var result = await new InProcessConsensusClient(_cluster.Set, validators).ProposeAsync(Cluster.Content());
        Assert.True(result.IsFinalized);
        Assert.Equal(Verdict.Reject, result.Certificate!.Verdict);
        Assert.True(CertificateVerifier.Verify(result.Certificate, _cluster.Set).IsValid);
        foreach (var v in validators)
        {
            v.Dispose();
        }
    }

    public void Dispose() => _cluster.Dispose();

    private sealed class SlowEvaluator : IQualityEvaluator
    {
        public string Name => "slow";

        public async ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken)
        {
            await Task.Delay(50, cancellationToken);
            return new QualityAssessment(Random.Shared.NextDouble(), Verdict.Accept);
        }
    }

    private Proposal ProposalFor(ProposalContent content, ulong round) =>
        new(_cluster.Set.SetId, content.ToSubject(), round, DateTimeOffset.UtcNow.AddMinutes(1));
}
