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

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
