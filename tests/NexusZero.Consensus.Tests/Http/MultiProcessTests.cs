using System.Text;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Http;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Tests.Http;

public sealed class MultiProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nz-consensus-").FullName;

    [Fact]
    public async Task FourNodes_OneKilledMidRound_StillFinalizes()
    {
        // Keys: one made by the node's own keygen command, three by the library.
        var keyPaths = Enumerable.Range(0, 4).Select(i => Path.Combine(_directory, $"v{i}.key.json")).ToArray();
        var keygen = NodeProcess.RunToEnd(TimeSpan.FromSeconds(60), NodeProcess.NodeDll, "keygen", "--id", "v0", "--out", keyPaths[0]);
        Assert.True(keygen.ExitCode == 0, keygen.Error);
        Assert.Contains("\"id\":\"v0\"", keygen.Output, StringComparison.Ordinal);
        var members = new List<ValidatorMember>();
        using (var first = ValidatorKeyFile.Load(keyPaths[0], out var firstId))
        {
            members.Add(new ValidatorMember(firstId, first.PublicKey.Span));
        }

        for (var i = 1; i < 4; i++)
        {
            using var key = SignatureSchemes.Default.GenerateKey();
            ValidatorKeyFile.Save(keyPaths[i], $"v{i}", key);
            members.Add(new ValidatorMember($"v{i}", key.PublicKey.Span));
        }

        var set = ValidatorSet.Create(3, SignatureSchemes.Default, members);
        var setPath = Path.Combine(_directory, "set.json");
        File.WriteAllBytes(setPath, ValidatorSetFile.Serialize(set));

        var nodes = new List<NodeProcess>();
        try
        {
            // v3 evaluates for 30 s, so it is certainly still evaluating when it is killed, however late a
            // busy machine resumes this test after its 200 ms pause; the others answer after 500 ms.
            for (var i = 0; i < keyPaths.Length; i++)
            {
                nodes.Add(NodeProcess.Start(keyPaths[i], setPath, evaluationDelayMs: i == 3 ? 30_000 : 500));
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await Task.WhenAll(nodes.Select(n => n.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60))));

            // A malformed body gets 400 with a message and changes nothing.
            using (var garbage = new ByteArrayContent("{\"setId\":"u8.ToArray()))
            {
                garbage.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(new Uri(nodes[0].BaseUri, "consensus/vote"), garbage);
                Assert.Equal(400, (int)response.StatusCode);
                Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var endpoints = set.Members.Select((m, i) => (m.Id, nodes[i].BaseUri)).ToDictionary(p => p.Id, p => p.BaseUri);
            var options = new ConsensusOptions
            {
                VotingTimeout = TimeSpan.FromSeconds(15),
                CommitTimeout = TimeSpan.FromSeconds(10),
                PerValidatorTimeout = TimeSpan.FromSeconds(5),
                MaxAttempts = 2,

                // Long enough that the killed node's failed requests are recorded before committing.
                StragglerGrace = TimeSpan.FromSeconds(5),
            };
            using var client = new HttpConsensusClient(set, endpoints, options: options);
            var content = Cluster.Content();
            var round = client.ProposeAsync(content);

            // Every node is now evaluating; kill v3 in the middle of its evaluation.
            await Task.Delay(200);
            nodes[3].Kill();
            Assert.True(nodes[3].HasExited);
            var result = await round.WaitAsync(TimeSpan.FromSeconds(40));

            Assert.True(result.IsFinalized, $"{result.FailureReason}: {result.FailureMessage}");
            var certificate = result.Certificate!;
            Assert.Equal(["v0", "v1", "v2"], certificate.Votes.Select(v => v.Vote.ValidatorId));
            Assert.Equal(Verdict.Accept, certificate.Verdict);
            Assert.Contains(result.RejectedVotes, r => r.ValidatorId == "v3");
            Assert.True(CertificateVerifier.Verify(QuorumCertificate.Parse(certificate.ToBytes()), set, content.ToSubject()).IsValid);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    [Fact]
    public async Task Node_BindsPortZero_Refuses415_AndKeepsItsCommitLockAcrossARestart()
    {
        var keys = Enumerable.Range(0, 4).Select(_ => SignatureSchemes.Default.GenerateKey()).ToArray();
        var ids = Enumerable.Range(0, 4).Select(i => $"v{i}").ToArray();
        var set = ValidatorSet.Create(1, SignatureSchemes.Default, keys.Select((k, i) => new ValidatorMember(ids[i], k.PublicKey.Span)));
        var setPath = Path.Combine(_directory, "set.json");
        var keyPath = Path.Combine(_directory, "v0.key.json");
        var lockPath = Path.Combine(_directory, "v0.locks");
        File.WriteAllBytes(setPath, ValidatorSetFile.Serialize(set));
        ValidatorKeyFile.Save(keyPath, ids[0], keys[0]);
        var others = Enumerable.Range(1, 3).Select(i => new Validator(set, ids[i], Cluster.CloneKey(keys[i]), [new FixedEvaluator(0.70 + (0.01 * i), Verdict.Accept)])).ToArray();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var node = NodeProcess.Start(keyPath, setPath, evaluationDelayMs: 0, "--commit-locks", lockPath);
        try
        {
            await node.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60));
            Assert.NotEqual(0, node.BaseUri.Port);

            // A valid vote request in every media type a browser sends cross-site without a preflight: 415.
            var content = Cluster.Content();
            var proposal = new Proposal(set.SetId, content.ToSubject(), 3, DateTimeOffset.UtcNow.AddMinutes(5));
            var voteBody = WireFormat.Serialize(WireFormat.ToMessage(proposal, content), ConsensusJsonContext.Default.VoteRequestMessage);
            foreach (var mediaType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null })
            {
                using var body = new ByteArrayContent(voteBody);
                body.Headers.ContentType = mediaType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
                using var refused = await http.PostAsync(new Uri(node.BaseUri, "consensus/vote"), body);
                Assert.True((int)refused.StatusCode == 415, $"{mediaType ?? "no Content-Type"}: {(int)refused.StatusCode}");
            }

            using var json = new ByteArrayContent(voteBody);
            json.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
            using var accepted = await http.PostAsync(new Uri(node.BaseUri, "consensus/vote"), json);
            Assert.Equal(200, (int)accepted.StatusCode);
            var nodeVote = WireFormat.FromMessage(Assert.Single(WireFormat.Deserialize(await accepted.Content.ReadAsByteArrayAsync(), ConsensusJsonContext.Default.VoteReplyMessage, "reply").Votes));

            var votes = new List<SignedVote> { nodeVote };
            foreach (var validator in others)
            {
                votes.Add(await validator.VoteAsync(proposal, content));
            }

            var first = Draft(set, content, votes);
            var second = Draft(set, content, votes.OrderBy(v => v.Vote.Score).Skip(1).OrderBy(v => v.Vote.ValidatorId, StringComparer.Ordinal).ToList());
            Assert.NotEqual(first.AggregateScore, second.AggregateScore);
            Assert.Equal(415, (await PostCommitAsync(http, node.BaseUri, first, "text/plain")).Status);
            Assert.Equal(200, (await PostCommitAsync(http, node.BaseUri, first, "application/json")).Status);

            // Restart on the same lock file: the node still refuses the re-aggregated certificate and names the first.
            node.Dispose();
            node = NodeProcess.Start(keyPath, setPath, evaluationDelayMs: 0, "--commit-locks", lockPath);
            await node.WaitUntilReadyAsync(http, TimeSpan.FromSeconds(60));
            var (status, error) = await PostCommitAsync(http, node.BaseUri, second, "application/json");
            Assert.Equal(409, status);
            Assert.Contains(Convert.ToHexStringLower(first.GetCommitDigest()), error, StringComparison.Ordinal);
            Assert.Equal(200, (await PostCommitAsync(http, node.BaseUri, first, "application/json")).Status);
        }
        finally
        {
            node.Dispose();
            foreach (var validator in others)
            {
                validator.Dispose();
            }

            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static QuorumCertificate Draft(ValidatorSet set, ProposalContent content, IReadOnlyList<SignedVote> votes)
    {
        var ordered = votes.OrderBy(v => v.Vote.ValidatorId, StringComparer.Ordinal).ToArray();
        var median = ScoreAggregation.WeightedLowerMedian(ordered.Select(v => (v.Vote.Score, 1)).ToArray());
        return new QuorumCertificate(set.Scheme.Id, set.SetId, content.ToSubject(), ordered[0].Vote.Round, Verdict.Accept, median, ordered, []);
    }

    private static async Task<(int Status, string Body)> PostCommitAsync(HttpClient http, Uri node, QuorumCertificate certificate, string mediaType)
    {
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"certificate\":\"{Convert.ToBase64String(certificate.ToBytes())}\"}}"));
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
        using var response = await http.PostAsync(new Uri(node, "consensus/commit"), body);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
