using NexusZero.Cli;
using NexusZero.Groups;
using NexusZero.Groups.Secp256k1;

namespace NexusZero.Classical.Tests.Cli;

public sealed class ClassicalCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nexuszero-classical-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliRunner.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("ristretto255")]
    [InlineData("secp256k1")]
    public void Prove_range_then_verify_and_inspect(string group)
    {
        var proof = PathOf($"range-{group}.nzp");
        var blinding = PathOf($"blinding-{group}.hex");
        var (code, output, error) = Run("prove", "range", "--value", "42", "--min", "10", "--max", "100", "--bits", "8", "--group", group, "--out", proof, "--blinding-out", blinding);
        Assert.True(code == 0, error);
        Assert.Contains("commitment:", output);
        Assert.True(File.Exists(blinding));
        Assert.Equal(2 * (group == "secp256k1" ? 32 : 32), File.ReadAllText(blinding).Trim().Length);

        var (verifyCode, verifyOutput, _) = Run("verify", proof);
        Assert.Equal(0, verifyCode);
        Assert.Contains("valid", verifyOutput);
        Assert.Contains("min", verifyOutput);

        var (inspectCode, inspectOutput, _) = Run("inspect", proof, "--json");
        Assert.Equal(0, inspectCode);
        Assert.Contains("BulletproofsRange", inspectOutput);

        var bytes = File.ReadAllBytes(proof);
        bytes[^5] ^= 1;
        File.WriteAllBytes(proof, bytes);
        Assert.NotEqual(0, Run("verify", proof).ExitCode);
    }

    [Fact]
    public void Prove_range_refuses_a_value_outside_the_range()
    {
        var (code, _, error) = Run("prove", "range", "--value", "5", "--min", "10", "--max", "100", "--out", PathOf("x"), "--blinding-out", PathOf("b"));
        Assert.Equal(2, code);
        Assert.Contains("outside the range [10, 100]", error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(PathOf("x")));
    }

    [Fact]
    public void Prove_dleq_and_dlog_over_secp256k1_verify()
    {
        var group = Secp256k1Group.Instance;
        var secret = Convert.ToHexStringLower(group.RandomScalar().ToBytes());
        var h = Convert.ToHexStringLower(group.MultiplyBase(group.RandomScalar()).ToBytes());
        var dleq = PathOf("dleq.nzp");
        var (code, output, error) = Run("prove", "dleq", "--group", "secp256k1", "--secret-hex", secret, "--h-hex", h, "--out", dleq);
        Assert.True(code == 0, error);
        Assert.Contains("Y = x·H:", output);
        Assert.Equal(0, Run("verify", dleq).ExitCode);

        var dlog = PathOf("dlog.nzp");
        var (dlogCode, _, dlogError) = Run("prove", "dlog", "--group", "secp256k1", "--secret-hex", secret, "--out", dlog);
        Assert.True(dlogCode == 0, dlogError);
        var (verifyCode, verifyOutput, _) = Run("verify", dlog);
        Assert.Equal(0, verifyCode);
        Assert.Contains("secp256k1", verifyOutput);
    }

    [Fact]
    public void Bad_group_and_bad_hex_are_one_line_errors()
    {
        var (code, _, error) = Run("prove", "dleq", "--group", "p256", "--secret-hex", "00", "--h-hex", "00", "--out", PathOf("y"));
        Assert.Equal(2, code);
        Assert.Contains("unknown group", error);

        var h = Convert.ToHexStringLower(Secp256k1Group.Instance.Generator.ToBytes());
        var (code2, _, error2) = Run("prove", "dleq", "--group", "secp256k1", "--secret-hex", new string('f', 64), "--h-hex", h, "--out", PathOf("z"));
        Assert.Equal(2, code2);
        Assert.Contains("--secret-hex", error2);
    }
}
