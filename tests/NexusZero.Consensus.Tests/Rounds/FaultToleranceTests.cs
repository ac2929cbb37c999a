using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Consensus.Transport;

namespace NexusZero.Consensus.Tests.Rounds;

public sealed class FaultToleranceTests
{
    private static readonly ConsensusOptions Options = new()
    {
        VotingTimeout = TimeSpan.FromSeconds(2),
        CommitTimeout = TimeSpan.FromSeconds(2),
        StragglerGrace = TimeSpan.FromMilliseconds(500),
        InitialRound = 7,
    };

    public static TheoryData<int, FaultKind> Cases()
    {
        var data = new TheoryData<int, FaultKind>();
        foreach (var n in new[] { 4, 7, 10 })
        {
            foreach (var kind in Enum.GetValues<FaultKind>())
            {
                data.Add(n, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task UpToFFaultyValidators_RoundFinalizesWithHonestVerdictAndScore(int n, FaultKind kind)
    {
        using var cluster = new Cluster(n);
        var f = (n - 1) / 3;
        var faulty = Enumerable.Range(n - f, f).ToHashSet();
        var client = new InProcessConsensusClient(cluster.Set, Channels(cluster, faulty, kind), Options);

        var result = await client.ProposeAsync(Cluster.Content());

        Assert.True(result.IsFinalized, $"{kind}: {result.FailureReason} {result.FailureMessage}");
        Assert.Equal([RoundState.Idle, RoundState.Proposing, RoundState.Voting, RoundState.Committing, RoundState.Finalized], result.History);
        var certificate = result.Certificate!;
        Assert.Equal(Verdict.Accept, certificate.Verdict);
        var honestScores = Enumerable.Range(0, n).Where(i => !faulty.Contains(i)).Select(i => Score.FromDouble(Cluster.HonestScore(i))).ToArray();
        Assert.InRange(certificate.AggregateScore.Millionths, honestScores.Min().Millionths, honestScores.Max().Millionths);
        Assert.True(CertificateVerifier.Verify(certificate, cluster.Set, Cluster.Content().ToSubject()).IsValid);
        var roundTripped = QuorumCertificate.Parse(certificate.ToBytes());
        Assert.True(CertificateVerifier.Verify(roundTripped, cluster.Set).IsValid);
        Assert.True(certificate.CommitSignatures.Count >= 2 * f + 1);
        Assert.All(certificate.CommitSignatures, c => Assert.DoesNotContain(c.ValidatorId, faulty.Select(i => cluster.Ids[i])));

        if (kind != FaultKind.ExtremeScore)
        {
            Assert.All(certificate.Votes, v => Assert.DoesNotContain(v.Vote.ValidatorId, faulty.Select(i => cluster.Ids[i])));
        }

        if (kind == FaultKind.Equivocate)
        {
            Assert.Equal(f, result.Evidence.Count);
            Assert.All(result.Evidence, e => Assert.True(e.Verify(cluster.Set)));
        }
        else
        {
            Assert.Empty(result.Evidence);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FPlusOneFaultyValidators_RoundFailsSafelyWithoutCertificate(int n, FaultKind kind)
    {
        using var cluster = new Cluster(n);
        var f = (n - 1) / 3;
        var faulty = Enumerable.Range(n - f - 1, f + 1).ToHashSet();
        var client = new InProcessConsensusClient(cluster.Set, Channels(cluster, faulty, kind), Options);

        var result = await client.ProposeAsync(Cluster.Content());

        Assert.False(result.IsFinalized);
        Assert.Equal(RoundState.Failed, result.State);
        Assert.Null(result.Certificate);
        Assert.False(string.IsNullOrWhiteSpace(result.FailureMessage));
        var expected = kind switch
        {
            FaultKind.Late => ConsensusFailureReason.DeadlineExceeded,
            FaultKind.ExtremeScore => ConsensusFailureReason.SplitVerdicts,
            _ => ConsensusFailureReason.NotEnoughValidVotes,
        };
        Assert.Equal(expected, result.FailureReason);
    }

    [Fact]
    public async Task MixedFaults_TenValidatorsWithThreeDifferentFaults_Finalize()
    {
        using var cluster = new Cluster(10);
        var kinds = new Dictionary<int, FaultKind> { [7] = FaultKind.Equivocate, [8] = FaultKind.ExtremeScore, [9] = FaultKind.Late };
        var channels = Enumerable.Range(0, 10).Select(i => kinds.TryGetValue(i, out var k)
            ? (IValidatorChannel)new FaultyChannel(k, cluster.Ids[i], cluster.Keys[i], cluster.Set, i)
            : new InProcessValidatorChannel(cluster.Validators[i]));
        var client = new InProcessConsensusClient(cluster.Set, channels, Options);

        var result = await client.ProposeAsync(Cluster.Content());

        Assert.True(result.IsFinalized, result.FailureMessage);
        Assert.InRange(result.Certificate!.AggregateScore.Value, 0.80 - 1e-9, 0.86 + 1e-9);
        Assert.Single(result.Evidence);
        Assert.Equal("v07", result.Evidence[0].ValidatorId);
    }

    [Fact]
    public async Task AllHonest_AllVotesIncludedAndMedianIsExact()
    {
        using var cluster = new Cluster(7);
        var client = new InProcessConsensusClient(cluster.Set, cluster.Validators, Options);

        var result = await client.ProposeAsync(Cluster.Content());

        Assert.True(result.IsFinalized);
        Assert.Equal(7, result.Certificate!.Votes.Count);
        Assert.Equal(Score.FromDouble(0.83), result.Certificate.AggregateScore);
        Assert.Empty(result.RejectedVotes);
    }

    internal static IEnumerable<IValidatorChannel> Channels(Cluster cluster, HashSet<int> faulty, FaultKind kind) =>
        Enumerable.Range(0, cluster.Ids.Length).Select(i => faulty.Contains(i)
            ? (IValidatorChannel)new FaultyChannel(kind, cluster.Ids[i], cluster.Keys[i], cluster.Set, i)
            : new InProcessValidatorChannel(cluster.Validators[i])).ToArray();
}
