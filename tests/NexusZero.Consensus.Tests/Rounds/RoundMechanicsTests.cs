using System.Diagnostics.Metrics;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Tests.Rounds;

public sealed class RoundMechanicsTests
{
    [Fact]
    public void StateMachine_AllowsOnlyTheDesignedTransitions()
    {
        var machine = new RoundStateMachine();
        Assert.Throws<InvalidOperationException>(() => machine.MoveTo(RoundState.Voting));
        machine.MoveTo(RoundState.Proposing);
        machine.MoveTo(RoundState.Voting);
        Assert.Throws<InvalidOperationException>(() => machine.MoveTo(RoundState.Finalized));
        machine.MoveTo(RoundState.Committing);
        machine.MoveTo(RoundState.Finalized);
        Assert.Throws<InvalidOperationException>(() => machine.MoveTo(RoundState.Failed));

        var failing = new RoundStateMachine();
        failing.MoveTo(RoundState.Proposing);
        failing.MoveTo(RoundState.Failed);
        Assert.Throws<InvalidOperationException>(() => failing.MoveTo(RoundState.Voting));
    }

    [Fact]
    public async Task WeightedSet_HeavyValidatorsFormTheQuorum()
    {
        // Weights 3,3,1,1,1: W = 9, f = 2, quorum = 6. The two heavy validators alone finalize.
        using var cluster = new Cluster(5, weights: [3, 3, 1, 1, 1]);
        Assert.Equal(6, cluster.Set.QuorumWeight);
        var faulty = new HashSet<int> { 2, 3, 4 };
        var channels = FaultToleranceTests.Channels(cluster, faulty, FaultKind.Crash);
        var result = await new InProcessConsensusClient(cluster.Set, channels, null).ProposeAsync(Cluster.Content());

        Assert.True(result.IsFinalized, result.FailureMessage);
        Assert.Equal(2, result.Certificate!.Votes.Count);
        Assert.True(CertificateVerifier.Verify(result.Certificate, cluster.Set).IsValid);
    }

    [Fact]
    public async Task CommitPhase_ValidatorsSilentAtCommit_AreHedgedAroundWithoutWaitingForTheCommitTimeout()
    {
        using var cluster = new Cluster(7);
        var silent = new HashSet<int> { 0, 1 };
        var channels = Enumerable.Range(0, 7).Select(i => silent.Contains(i)
            ? (Transport.IValidatorChannel)new SilentAtCommitChannel(cluster.Validators[i])
            : new Transport.InProcessValidatorChannel(cluster.Validators[i]));
        var options = new ConsensusOptions { CommitTimeout = TimeSpan.FromSeconds(30), CommitHedgeDelay = TimeSpan.FromMilliseconds(50) };

        var result = await new InProcessConsensusClient(cluster.Set, channels, options).ProposeAsync(Cluster.Content()).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(result.IsFinalized, result.FailureMessage);
        Assert.Equal(7, result.Certificate!.Votes.Count);
        Assert.DoesNotContain(result.Certificate.CommitSignatures, c => c.ValidatorId is "v00" or "v01");
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task CommitPhase_FailsWhenTooFewCountersign()
    {
        using var cluster = new Cluster(4);
        var channels = Enumerable.Range(0, 4).Select(i => i < 2
            ? (Transport.IValidatorChannel)new SilentAtCommitChannel(cluster.Validators[i])
            : new Transport.InProcessValidatorChannel(cluster.Validators[i]));
        var options = new ConsensusOptions { CommitTimeout = TimeSpan.FromMilliseconds(300) };

        var result = await new InProcessConsensusClient(cluster.Set, channels, options).ProposeAsync(Cluster.Content());

        Assert.Equal(ConsensusFailureReason.NotEnoughCommitSignatures, result.FailureReason);
        Assert.Equal([RoundState.Idle, RoundState.Proposing, RoundState.Voting, RoundState.Committing, RoundState.Failed], result.History);
        Assert.Null(result.Certificate);
    }

    [Fact]
    public async Task Metrics_CountVotesInvalidVotesAndEvidence()
    {
        var measurements = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "NexusZero.Consensus")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => { lock (measurements) { measurements[i.Name] = measurements.GetValueOrDefault(i.Name) + value; } });
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => { lock (measurements) { measurements[i.Name] = measurements.GetValueOrDefault(i.Name) + 1; } });
        listener.Start();

        using var cluster = new Cluster(7);
        var channels = FaultToleranceTests.Channels(cluster, [5], FaultKind.Equivocate)
            .Select((c, i) => i == 6 ? new FaultyChannel(FaultKind.WrongKey, cluster.Ids[6], cluster.Keys[6], cluster.Set, 6) : c);
        var result = await new InProcessConsensusClient(cluster.Set, channels, null).ProposeAsync(Cluster.Content());
        Assert.True(result.IsFinalized);

        // Other tests run in parallel and feed the same meter, so these are lower bounds.
        lock (measurements)
        {
            Assert.True(measurements.GetValueOrDefault("nexuszero.consensus.votes.received") >= 8);
            Assert.True(measurements.GetValueOrDefault("nexuszero.consensus.votes.invalid") >= 1);
            Assert.True(measurements.GetValueOrDefault("nexuszero.consensus.evidence.found") >= 1);
            Assert.True(measurements.GetValueOrDefault("nexuszero.consensus.round.duration") >= 1);
        }
    }

    [Fact]
    public async Task Cancellation_PropagatesToTheCaller()
    {
        using var cluster = new Cluster(4);
        var channels = FaultToleranceTests.Channels(cluster, [0, 1], FaultKind.Late);
        var client = new InProcessConsensusClient(cluster.Set, channels, null);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ProposeAsync(Cluster.Content(), cts.Token));
    }

    [Fact]
    public async Task Evidence_VerifiesOffline_AndForgedEvidenceDoesNot()
    {
        using var cluster = new Cluster(4);
        var channels = FaultToleranceTests.Channels(cluster, [3], FaultKind.Equivocate);
        var result = await new InProcessConsensusClient(cluster.Set, channels, null).ProposeAsync(Cluster.Content());
        var evidence = Assert.Single(result.Evidence);
        Assert.True(evidence.Verify(cluster.Set));
        Assert.False(new Evidence(evidence.First, evidence.First).Verify(cluster.Set));
        var otherSet = ValidatorSet.Create(5, cluster.Set.Scheme, cluster.Set.Members);
        Assert.False(evidence.Verify(otherSet));
        Assert.DoesNotContain(result.Certificate!.Votes, v => v.Vote.ValidatorId == "v03");
    }

    [Fact]
    public void InProcessClient_RejectsValidatorsOfAnotherSet()
    {
        using var a = new Cluster(4);
        using var b = new Cluster(4);
        Assert.Throws<ArgumentException>(() => new InProcessConsensusClient(a.Set, b.Validators));
    }

    [Fact]
    public void Content_RejectsOversizeAndBadMetrics()
    {
        Assert.Throws<ArgumentException>(() => new ProposalContent("m", new byte[ProposalContent.MaxEnvelopeBytes + 1], default));
        Assert.Throws<ArgumentException>(() => new ProposalContent("m", default, default, new Dictionary<string, double> { ["x"] = double.NaN }));
        Assert.Throws<ArgumentException>(() => new ProposalContent("m", default, default, new Dictionary<string, double> { ["bad\n"] = 1 }));
        Assert.Throws<ArgumentException>(() => new ProposalContent("", default, default));
    }
}
