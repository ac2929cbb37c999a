using System.Reflection;
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
            Assert.Contains(Convert.ToBase64String(key.PublicKey.Span).Replace("+", "\\u002B", StringComparison.Ordinal), first.Output, StringComparison.Ordinal);
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

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
