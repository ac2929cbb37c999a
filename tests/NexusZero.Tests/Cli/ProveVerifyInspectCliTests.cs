using System.Text.Json;

namespace NexusZero.Tests.Cli;

public sealed class ProveVerifyInspectCliTests : IDisposable
{
    // 5 as a little-endian scalar, and 5·B and 2·B from RFC 9496 appendix A.1.
    private const string Five = "0500000000000000000000000000000000000000000000000000000000000000";
    private const string FiveB = "e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e";
    private const string TwoB = "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void ProvePrintsThePublicValueSizeAndTimings()
    {
        var file = _cli.PathOf("five.nzp");

        var (exitCode, output, error) = CliHarness.Run("prove", "dlog", "--secret-hex", Five, "--out", file);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains($"public value:   {FiveB}", output, StringComparison.Ordinal);
        Assert.Contains($"proof:          {new FileInfo(file).Length} bytes", output, StringComparison.Ordinal);
        Assert.Contains("timings:", output, StringComparison.Ordinal);
        Assert.Contains("prove ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAcceptsAFreshProofAndPrintsThePublicValues()
    {
        var file = Prove("--context", "hello");

        var (exitCode, output, error) = CliHarness.Run("verify", file);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("SchnorrDiscreteLog (0x0101)", output, StringComparison.Ordinal);
        Assert.Contains(FiveB, output, StringComparison.Ordinal);
        Assert.Contains("verdict:        valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyJsonHasTheDocumentedShape()
    {
        var file = Prove();

        var (exitCode, output, _) = CliHarness.Run("verify", file, "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal("None", root.GetProperty("failure").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("reason").ValueKind);
        Assert.Equal("SchnorrDiscreteLog", root.GetProperty("proofSystem").GetString());
        Assert.Equal("ristretto255", root.GetProperty("parameterSet").GetString());
        Assert.Equal(FiveB, root.GetProperty("publicValues").GetProperty("publicValue").GetString());
        Assert.True(root.GetProperty("elapsedMs").GetDouble() >= 0);
        Assert.False(root.GetProperty("exceededTimeLimit").GetBoolean());
    }

    [Fact]
    public void TamperedProofExitsOne()
    {
        var file = Prove();
        var bytes = File.ReadAllBytes(file);
        bytes[^32] ^= 0x01; // lowest byte of the response s: still canonical, no longer valid
        File.WriteAllBytes(file, bytes);

        var (exitCode, output, _) = CliHarness.Run("verify", file, "--json");

        Assert.Equal(1, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("EquationFailed", json.RootElement.GetProperty("failure").GetString());
    }

    [Fact]
    public void MalformedFileExitsTwo()
    {
        var file = Prove();
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..^1]);

        var (exitCode, output, _) = CliHarness.Run("verify", file);

        Assert.Equal(2, exitCode);
        Assert.Contains("invalid (MalformedProof)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GarbageFileExitsTwoForVerifyAndInspect()
    {
        var file = _cli.PathOf("garbage.bin");
        File.WriteAllBytes(file, [.. "not a proof at all"u8]);

        Assert.Equal(2, CliHarness.Run("verify", file).ExitCode);
        var (exitCode, output, error) = CliHarness.Run("inspect", file);
        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        AssertOneLine(error, "magic");
    }

    [Fact]
    public void MissingFileIsOneLineOnStderr()
    {
        var (exitCode, _, error) = CliHarness.Run("verify", _cli.PathOf("absent.nzp"));

        Assert.Equal(2, exitCode);
        AssertOneLine(error, "absent.nzp");
    }

    [Fact]
    public void CustomGeneratorAndContextShowInInspect()
    {
        var file = Prove("--generator-hex", TwoB, "--context", "session 7");

        var (exitCode, output, _) = CliHarness.Run("inspect", file, "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("SchnorrDiscreteLog", root.GetProperty("proofSystem").GetString());
        Assert.Equal(0x0101, root.GetProperty("proofSystemId").GetInt32());
        Assert.Equal(1, root.GetProperty("parameterSetId").GetInt32());
        Assert.Equal("None", root.GetProperty("codec").GetString());
        Assert.Equal("DiscreteLog", root.GetProperty("statementKind").GetString());
        Assert.Equal(TwoB, root.GetProperty("publicValues").GetProperty("generator").GetString());
        Assert.Equal("session 7", root.GetProperty("contextText").GetString());
        Assert.Equal(Convert.ToHexStringLower("session 7"u8), root.GetProperty("contextHex").GetString());
        var sizes = root.GetProperty("sizes");
        Assert.Equal(new FileInfo(file).Length, sizes.GetProperty("file").GetInt64());
        Assert.Equal(64, sizes.GetProperty("storedPayload").GetInt32());
        Assert.Equal(64, sizes.GetProperty("uncompressedPayload").GetInt32());
        Assert.Equal(0, CliHarness.Run("verify", file).ExitCode);
    }

    [Fact]
    public void InspectTextListsHeaderAndPublicValues()
    {
        var file = Prove();

        var (exitCode, output, _) = CliHarness.Run("inspect", file);

        Assert.Equal(0, exitCode);
        Assert.Contains("format:         NZPF v1", output, StringComparison.Ordinal);
        Assert.Contains("parameter set:  ristretto255 (1)", output, StringComparison.Ordinal);
        Assert.Contains($"publicValue:    {FiveB}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zz", "--secret-hex")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "--secret-hex")]
    [InlineData("0500", "--secret-hex")]
    public void BadSecretIsOneLineOnStderr(string secretHex, string named)
    {
        var (exitCode, _, error) = CliHarness.Run("prove", "dlog", "--secret-hex", secretHex, "--out", _cli.PathOf("x.nzp"));

        Assert.Equal(2, exitCode);
        AssertOneLine(error, named);
        Assert.False(File.Exists(_cli.PathOf("x.nzp")));
    }

    [Fact]
    public void ZeroSecretIsRefused()
    {
        var (exitCode, _, error) = CliHarness.Run("prove", "dlog", "--secret-hex", new string('0', 64), "--out", _cli.PathOf("x.nzp"));

        Assert.Equal(2, exitCode);
        AssertOneLine(error, "identity");
    }

    [Fact]
    public void BadGeneratorIsOneLineOnStderr()
    {
        var (exitCode, _, error) = CliHarness.Run("prove", "dlog", "--secret-hex", Five, "--generator-hex", new string('f', 64), "--out", _cli.PathOf("x.nzp"));

        Assert.Equal(2, exitCode);
        AssertOneLine(error, "--generator-hex");
    }

    [Fact]
    public void MissingRequiredOptionIsAUsageError()
    {
        var (exitCode, _, error) = CliHarness.Run("prove", "dlog", "--secret-hex", Five);

        Assert.Equal(2, exitCode);
        AssertOneLine(error, "--out");
    }

    private string Prove(params string[] extra)
    {
        var file = _cli.PathOf($"{Guid.NewGuid():N}.nzp");
        var (exitCode, _, error) = CliHarness.Run(["prove", "dlog", "--secret-hex", Five, "--out", file, .. extra]);
        Assert.True(exitCode == 0, error);
        return file;
    }

    private static void AssertOneLine(string error, string mentions)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("nexuszero: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(mentions, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
