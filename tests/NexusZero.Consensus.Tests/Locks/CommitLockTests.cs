using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Locks;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Tests.Support;

namespace NexusZero.Consensus.Tests.Locks;

/// <summary>One certificate per (set, proposal, round): the attack from issue 19 and its variants.</summary>
public sealed class CommitLockTests : IDisposable
{
    private readonly Cluster _cluster = new(4);
    private readonly string _directory = Directory.CreateTempSubdirectory("nz-locks-").FullName;

    [Fact]
    public async Task ReAggregatedDraft_DropOneVoteToMoveMedian_IsRefusedAfterFirstCommit()
    {
        var votes = await VoteAllAsync();
        var first = Draft(votes);
        var second = Draft(votes.Skip(1).ToArray());
        Assert.NotEqual(first.AggregateScore, second.AggregateScore);

        foreach (var validator in _cluster.Validators)
        {
            validator.Countersign(first);
        }

        foreach (var validator in _cluster.Validators)
        {
            var conflict = Assert.Throws<CommitConflictException>(() => validator.Countersign(second));
            Assert.Equal(Convert.ToHexStringLower(first.GetCommitDigest()), conflict.SignedDigestHex);
            Assert.Equal(Convert.ToHexStringLower(second.GetCommitDigest()), conflict.RequestedDigestHex);
            Assert.Contains(conflict.SignedDigestHex, conflict.Message, StringComparison.Ordinal);
        }

        // Asking again for the certificate it signed is a retry, not a conflict.
        Assert.True(_cluster.Validators[0].Countersign(first).ValidatorId == _cluster.Ids[0]);
    }

    [Fact]
    public async Task SubsetChosenToMoveMedian_CannotGetQuorumOnceHonestQuorumCommittedAnother()
    {
        var votes = await VoteAllAsync();
        var honest = Draft(votes);
        var commits = _cluster.Validators.Take(3).Select(v => v.Countersign(honest)).ToArray();
        Assert.True(CertificateVerifier.Verify(honest.WithCommitSignatures(commits), _cluster.Set).IsValid);

        // The coordinator drops the lowest vote so the median rises and asks everyone, v3 included.
        var moved = Draft(votes.Skip(1).ToArray());
        var obtained = new List<CommitSignature>();
        foreach (var validator in _cluster.Validators)
        {
            try
            {
                obtained.Add(validator.Countersign(moved));
            }
            catch (CommitConflictException)
            {
            }
        }

        Assert.Equal(["v03"], obtained.Select(c => c.ValidatorId));
        Assert.True(obtained.Count < _cluster.Set.QuorumWeight);
        Assert.Equal(CertificateFailure.InsufficientCommitSignatures, CertificateVerifier.Verify(moved.WithCommitSignatures(obtained), _cluster.Set).Failure);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Coordinator_ReportsValidatorsLockedOnAnotherCertificate(bool overHttp)
    {
        // A forger got v00..v02 to countersign a re-aggregated certificate for round 1 first.
        var votes = await VoteAllAsync(round: 1);
        var forged = Draft(votes.Skip(1).ToArray());
        foreach (var validator in _cluster.Validators.Take(3))
        {
            validator.Countersign(forged);
        }

        ConsensusResult result;
        if (overHttp)
        {
            var router = new LoopbackRouter();
            for (var i = 0; i < 4; i++)
            {
                router.Add(9100 + i, new NexusZero.Consensus.Http.ValidatorHttpHandler(_cluster.Validators[i]));
            }

            using var http = new HttpClient(router, disposeHandler: true);
            var endpoints = _cluster.Ids.Select((id, i) => (id, LoopbackRouter.UriFor(9100 + i))).ToDictionary(p => p.id, p => p.Item2);
            using var client = new NexusZero.Consensus.Http.HttpConsensusClient(_cluster.Set, endpoints, http);
            result = await client.ProposeAsync(Cluster.Content());
        }
        else
        {
            result = await new InProcessConsensusClient(_cluster.Set, _cluster.Validators).ProposeAsync(Cluster.Content());
        }

        Assert.False(result.IsFinalized);
        Assert.Equal(ConsensusFailureReason.NotEnoughCommitSignatures, result.FailureReason);
        Assert.Contains("different certificate", result.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(["v00", "v01", "v02"], result.CommitConflicts.Select(c => c.ValidatorId).Order(StringComparer.Ordinal));
        Assert.All(result.CommitConflicts, c => Assert.Equal(Convert.ToHexStringLower(forged.GetCommitDigest()), c.SignedCertificateDigestHex));
    }

    [Fact]
    public async Task HttpCommit_Conflict_Is409NamingTheSignedCertificate()
    {
        var votes = await VoteAllAsync();
        var first = Draft(votes);
        var second = Draft(votes.Skip(1).ToArray());
        var handler = new NexusZero.Consensus.Http.ValidatorHttpHandler(_cluster.Validators[0]);
        Assert.Equal(200, handler.HandleCommit(CommitBody(first)).StatusCode);
        var refused = handler.HandleCommit(CommitBody(second));
        Assert.Equal(409, refused.StatusCode);
        var error = System.Text.Json.JsonDocument.Parse(refused.Body).RootElement;
        Assert.Contains("commit conflict", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(first.GetCommitDigest()), error.GetProperty("signedCertificate").GetString());
    }

    [Fact]
    public async Task FileStore_LockSurvivesRestart()
    {
        var path = Path.Combine(_directory, "v00.locks");
        var votes = await VoteAllAsync();
        var first = Draft(votes);
        var second = Draft(votes.Skip(1).ToArray());
        using (var before = NewValidator(new FileCommitLockStore(path)))
        {
            before.Countersign(first);
        }

        Assert.False(File.Exists(path + ".tmp"));
        using var after = NewValidator(new FileCommitLockStore(path));
        var conflict = Assert.Throws<CommitConflictException>(() => after.Countersign(second));
        Assert.Equal(Convert.ToHexStringLower(first.GetCommitDigest()), conflict.SignedDigestHex);
        after.Countersign(first);
    }

    [Fact]
    public void FileStore_ExpiredLocksArePrunedAtTheNextWrite()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        var path = Path.Combine(_directory, "prune.locks");
        var store = new FileCommitLockStore(path, clock);
        var key = new CommitLockKey(new string('a', 64), new string('b', 64), 1);
        store.LockOrGet(key, new byte[32], clock.GetUtcNow().AddMinutes(1));
        Assert.Equal(new byte[32], store.LockOrGet(key, Enumerable.Repeat((byte)1, 32).ToArray(), clock.GetUtcNow().AddMinutes(1)));

        clock.Now = clock.Now.AddMinutes(2);
        store.LockOrGet(key with { Round = 2 }, new byte[32], clock.GetUtcNow().AddMinutes(1));
        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(":2 " + new string('0', 64) + " " + clock.GetUtcNow().AddMinutes(1).ToUnixTimeMilliseconds(), lines[1], StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat((byte)1, 32).ToArray(), new FileCommitLockStore(path, clock).LockOrGet(key, Enumerable.Repeat((byte)1, 32).ToArray(), clock.GetUtcNow().AddMinutes(1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("something else\n")]
    [InlineData("nexuszero-commit-locks/1\nnot a lock\n")]
    [InlineData("nexuszero-commit-locks/1\nab:cd:1 00 5\n")]
    public void FileStore_MalformedFile_IsRefused(string text)
    {
        var path = Path.Combine(_directory, "bad.locks");
        File.WriteAllText(path, text);
        Assert.Throws<FormatException>(() => new FileCommitLockStore(path));
    }

    [Fact]
    public void FileStore_OversizedFile_IsRefusedBeforeReadingItAll()
    {
        var path = Path.Combine(_directory, "big.locks");
        File.WriteAllBytes(path, new byte[FileCommitLockStore.MaxFileBytes + 1]);
        Assert.Throws<FormatException>(() => new FileCommitLockStore(path));
    }

    [Fact]
    public void FullTable_RefusesNewLocks_UntilOneExpires_AndKeepsLiveOnes()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        var table = new CommitLockTable(clock, maxLocks: 2);
        var key = new CommitLockKey(new string('a', 64), new string('b', 64), 1);
        table.LockOrGet(key, new byte[32], clock.GetUtcNow().AddMinutes(1), persist: null);
        table.LockOrGet(key with { Round = 2 }, new byte[32], clock.GetUtcNow().AddMinutes(5), persist: null);
        Assert.Throws<IOException>(() => table.LockOrGet(key with { Round = 3 }, new byte[32], clock.GetUtcNow().AddMinutes(5), persist: null));

        // A live lock is still answered while the table is full.
        Assert.Equal(new byte[32], table.LockOrGet(key, Enumerable.Repeat((byte)7, 32).ToArray(), clock.GetUtcNow().AddMinutes(1), persist: null));

        clock.Now = clock.Now.AddMinutes(2);
        table.LockOrGet(key with { Round = 3 }, new byte[32], clock.GetUtcNow().AddMinutes(5), persist: null);
    }

    [Fact]
    public void FailedPersist_LeavesNoLock()
    {
        var table = new CommitLockTable(TimeProvider.System, maxLocks: 4);
        var key = new CommitLockKey(new string('a', 64), new string('b', 64), 1);
        Assert.Throws<IOException>(() => table.LockOrGet(key, new byte[32], DateTimeOffset.UtcNow.AddMinutes(1), _ => throw new IOException("disk full")));
        var other = Enumerable.Repeat((byte)9, 32).ToArray();
        Assert.Equal(other, table.LockOrGet(key, other, DateTimeOffset.UtcNow.AddMinutes(1), persist: null));
    }

    public void Dispose()
    {
        _cluster.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Validator NewValidator(ICommitLockStore store) =>
        new(_cluster.Set, _cluster.Ids[0], Cluster.CloneKey(_cluster.Keys[0]), [new FixedEvaluator(0.8, Verdict.Accept)], store);

    private async Task<SignedVote[]> VoteAllAsync(ulong round = 5)
    {
        var content = Cluster.Content();
        var proposal = new Proposal(_cluster.Set.SetId, content.ToSubject(), round, DateTimeOffset.UtcNow.AddMinutes(1));
        var votes = new List<SignedVote>();
        foreach (var validator in _cluster.Validators)
        {
            votes.Add(await validator.VoteAsync(proposal, content));
        }

        return [.. votes];
    }

    private QuorumCertificate Draft(SignedVote[] votes)
    {
        var median = ScoreAggregation.WeightedLowerMedian(votes.Select(v => (v.Vote.Score, 1)).ToArray());
        return new QuorumCertificate(_cluster.Set.Scheme.Id, _cluster.Set.SetId, Cluster.Content().ToSubject(), votes[0].Vote.Round, Verdict.Accept, median, votes, []);
    }

    private static byte[] CommitBody(QuorumCertificate certificate) =>
        System.Text.Encoding.UTF8.GetBytes($"{{\"certificate\":\"{Convert.ToBase64String(certificate.ToBytes())}\"}}");

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
