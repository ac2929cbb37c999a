using System.Reflection;
using System.Text;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Tests.Support;
using NexusZero.Consensus.Validators;

namespace NexusZero.Consensus.Tests.Http;

public sealed class CliTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("nz-consensus-cli-").FullName;

    private static string Cli
    {
        get
        {
            var path = Path.GetFullPath(typeof(CliTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CliDll").Value!);
            return File.Exists(path) ? path : throw new FileNotFoundException($"The CLI was not built at {path}.");
        }
    }

    [Fact]
    public async Task ConsensusVerify_ExitCodes_ValidInvalidMalformed()
    {
        using var cluster = new Cluster(4);
        var certificate = (await new InProcessConsensusClient(cluster.Set, cluster.Validators).ProposeAsync(Cluster.Content())).Certificate!;
        var setPath = Write("set.json", ValidatorSetFile.Serialize(cluster.Set));
        var bytes = certificate.ToBytes();
        var valid = Write("cert.bin", bytes);
        var tampered = (byte[])bytes.Clone();
        tampered[^10] ^= 1;
        var invalid = Write("tampered.bin", tampered);
        var malformed = Write("truncated.bin", bytes[..^1]);
        var otherSet = Write("other.json", ValidatorSetFile.Serialize(ValidatorSet.Create(2, SignatureSchemes.Default, cluster.Set.Members)));

        var ok = NodeProcess.RunToEnd(Timeout, Cli, "consensus", "verify", valid, "--validators", setPath);
        Assert.True(ok.ExitCode == 0, ok.Output + ok.Error);
        Assert.StartsWith("valid: accept", ok.Output, StringComparison.Ordinal);
        Assert.Equal(1, NodeProcess.RunToEnd(Timeout, Cli, "consensus", "verify", invalid, "--validators", setPath).ExitCode);
        var wrongSet = NodeProcess.RunToEnd(Timeout, Cli, "consensus", "verify", valid, "--validators", otherSet);
        Assert.Equal(1, wrongSet.ExitCode);
        Assert.Contains("WrongValidatorSet", wrongSet.Output, StringComparison.Ordinal);
        var bad = NodeProcess.RunToEnd(Timeout, Cli, "consensus", "verify", malformed, "--validators", setPath);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("malformed certificate", bad.Error, StringComparison.Ordinal);
        Assert.Equal(2, NodeProcess.RunToEnd(Timeout, Cli, "consensus", "verify", valid, "--validators", malformed).ExitCode);
    }

    [Fact]
    public void ValidatorKeygen_WritesALoadableKey_AndNeverOverwrites()
    {
        var path = Path.Combine(_directory, "v9.key.json");
        var first = NodeProcess.RunToEnd(Timeout, Cli, "validator", "keygen", "--id", "v9", "--out", path);
        Assert.True(first.ExitCode == 0, first.Error);
        using (var key = ValidatorKeyFile.Load(path, out var id))
        {
            Assert.Equal("v9", id);
            Assert.Contains(Convert.ToBase64String(key.PublicKey.Span), first.Output, StringComparison.Ordinal);
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Equal(2, NodeProcess.RunToEnd(Timeout, Cli, "validator", "keygen", "--id", "v9", "--out", path).ExitCode);
        Assert.Equal(2, NodeProcess.RunToEnd(Timeout, Cli, "validator", "keygen", "--id", "bad id", "--out", path + "2").ExitCode);
        Assert.Equal(2, NodeProcess.RunToEnd(Timeout, Cli, "validator", "keygen", "--id", "v8", "--out", path + "3", "--scheme", "rsa").ExitCode);

        var pq = Path.Combine(_directory, "q1.key.json");
        Assert.Equal(0, NodeProcess.RunToEnd(Timeout, Cli, "validator", "keygen", "--id", "q1", "--out", pq, "--scheme", "ml-dsa-65").ExitCode);
        using var pqKey = ValidatorKeyFile.Load(pq, out _);
        Assert.Equal(SignatureSchemeId.MlDsa65, pqKey.Scheme);
    }

    [Fact]
    public void Keygen_CliAndNode_TakeTheSameSchemes_AndWriteTheSameFormat()
    {
        foreach (var (name, expected) in new[] { ("ecdsa-p256", SignatureSchemeId.EcdsaP256Sha256), ("ml-dsa-65", SignatureSchemeId.MlDsa65) })
        {
            var fromCli = Path.Combine(_directory, $"cli-{name}.key.json");
            var fromNode = Path.Combine(_directory, $"node-{name}.key.json");
            var cli = NodeProcess.RunToEnd(Timeout, Cli, "validator", "keygen", "--id", "c1", "--out", fromCli, "--scheme", name);
            var node = NodeProcess.RunToEnd(Timeout, NodeProcess.NodeDll, "keygen", "--id", "n1", "--out", fromNode, "--scheme", name);
            Assert.True(cli.ExitCode == 0, cli.Error);
            Assert.True(node.ExitCode == 0, node.Error);
            using var cliKey = ValidatorKeyFile.Load(fromCli, out _);
            using var nodeKey = ValidatorKeyFile.Load(fromNode, out _);
            Assert.Equal(expected, cliKey.Scheme);
            Assert.Equal(expected, nodeKey.Scheme);
            Assert.Equal(Members(File.ReadAllText(fromCli)), Members(File.ReadAllText(fromNode)));
            Assert.Equal(Members(cli.Output), Members(node.Output));
            foreach (var text in new[] { File.ReadAllText(fromCli), File.ReadAllText(fromNode), cli.Output, node.Output })
            {
                Assert.DoesNotContain("\\u00", text, StringComparison.Ordinal);
            }
        }

        var unknown = NodeProcess.RunToEnd(Timeout, NodeProcess.NodeDll, "keygen", "--id", "n2", "--out", Path.Combine(_directory, "x.json"), "--scheme", "rsa");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--scheme", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SetAdd_AssemblesALoadableSet_WithoutEscapes_AndNamesTheBadFile()
    {
        var keys = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            keys.Add(Path.Combine(_directory, $"m{i}.key.json"));
            Assert.Equal(0, NodeProcess.RunToEnd(Timeout, Cli, "validator", "keygen", "--id", $"m{i}", "--out", keys[^1]).ExitCode);
        }

        var setPath = Path.Combine(_directory, "set.json");
        var made = NodeProcess.RunToEnd(Timeout, [Cli, "validator", "set", "add", .. keys, "--out", setPath, "--epoch", "3"]);
        Assert.True(made.ExitCode == 0, made.Error);
        var loaded = ValidatorSetFile.Load(setPath);
        Assert.Equal(3UL, loaded.ValidatorSet.Epoch);
        Assert.Equal(["m0", "m1", "m2", "m3"], loaded.ValidatorSet.Members.Select(m => m.Id));
        for (var i = 0; i < 4; i++)
        {
            using var key = ValidatorKeyFile.Load(keys[i], out _);
            Assert.True(loaded.ValidatorSet.Members[i].PublicKey.Span.SequenceEqual(key.PublicKey.Span));
        }

        var text = File.ReadAllText(setPath);
        Assert.DoesNotContain("\\u00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("privateKey", text, StringComparison.Ordinal);

        // The same key file twice, a copy under another name (same id), and a malformed file: each names the file.
        var copy = Path.Combine(_directory, "copy.key.json");
        File.Copy(keys[1], copy);
        var garbage = Write("garbage.key.json", "{\"format\":1}"u8.ToArray());
        foreach (var (bad, needle) in new[] { (keys[1], "m1.key.json"), (copy, "copy.key.json"), (garbage, "garbage.key.json") })
        {
            var refused = NodeProcess.RunToEnd(Timeout, [Cli, "validator", "set", "add", keys[0], keys[1], bad, "--out", Path.Combine(_directory, "refused.json")]);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains(needle, refused.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(_directory, "refused.json")));
        }

        Assert.Equal(2, NodeProcess.RunToEnd(Timeout, [Cli, "validator", "set", "add", .. keys, "--out", setPath]).ExitCode);
    }

    [Theory]
    [InlineData("\"weight\":0", "weight")]
    [InlineData("\"weight\":\"x\"", "weight")]
    [InlineData("\"weight\":1,\"extra\":1", "extra")]
    public void CliErrors_NameTheField_WithoutRuntimeSuffixes(string member, string field)
    {
        using var cluster = new Cluster(4);
        var good = Encoding.UTF8.GetString(ValidatorSetFile.Serialize(cluster.Set));
        var bad = Write("bad-set.json", Encoding.UTF8.GetBytes(good.Replace("\"weight\":1", member, StringComparison.Ordinal)));
        var cert = Write("any.bin", [1, 2, 3]);
        foreach (var run in new[]
        {
            NodeProcess.RunToEnd(Timeout, Cli, "consensus", "verify", cert, "--validators", bad),
            NodeProcess.RunToEnd(Timeout, Cli, "validator", "keygen", "--id", "bad id", "--out", Path.Combine(_directory, "k.json")),
        })
        {
            Assert.Equal(2, run.ExitCode);
            foreach (var noise in new[] { "(Parameter", "Actual value was", "System.", "NexusZero.", "Exception" })
            {
                Assert.DoesNotContain(noise, run.Error, StringComparison.Ordinal);
            }
        }

        var verify = NodeProcess.RunToEnd(Timeout, Cli, "consensus", "verify", cert, "--validators", bad);
        Assert.Contains(field, verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void LibraryWrittenFiles_HoldNoJsonEscapes()
    {
        using var cluster = new Cluster(8);
        var set = Encoding.UTF8.GetString(ValidatorSetFile.Serialize(cluster.Set, new Dictionary<string, Uri> { ["v00"] = new("http://127.0.0.1:5081/a?b=1&c=<2>") }));
        Assert.Contains(cluster.Set.Members, m => Convert.ToBase64String(m.PublicKey.Span).AsSpan().IndexOfAny('+', '/') >= 0);
        Assert.DoesNotContain("\\u00", set, StringComparison.Ordinal);
        Assert.Contains("&c=", set, StringComparison.Ordinal);
        var key = Encoding.UTF8.GetString(ValidatorKeyFile.Serialize("v00", cluster.Keys[0]));
        Assert.DoesNotContain("\\u00", key, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", ValidatorKeyFile.FormatPublicEntry("v00", cluster.Keys[0].PublicKey.Span), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] Members(string json) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).ToArray();

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
