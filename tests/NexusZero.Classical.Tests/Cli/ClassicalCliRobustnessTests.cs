using NexusZero.Cli;

namespace NexusZero.Classical.Tests.Cli;

/// <summary>The prove commands' output files: never the same path twice, secrets owner-only, no zero blinding, no silent replacement.</summary>
public sealed class ClassicalCliRobustnessTests : IDisposable
{
    private const string Secret = "0100000000000000000000000000000000000000000000000000000000000000";

    private readonly string _folder = Directory.CreateTempSubdirectory("nexuszero-classical-cli-robust-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliRunner.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string[] Range(string proof, string blinding, params string[] extra) =>
        ["prove", "range", "--value", "42", "--min", "10", "--max", "100", "--bits", "8", "--out", proof, "--blinding-out", blinding, .. extra];

    [Fact]
    public void The_blinding_and_the_proof_cannot_share_a_path()
    {
        var same = PathOf("both");
        var (code, _, error) = Run(Range(same, same));
        Assert.Equal(2, code);
        Assert.Contains("same file", error);
        Assert.False(File.Exists(same));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_blinding_file_is_owner_only()
    {
        var blinding = PathOf("blinding.hex");
        var (code, _, error) = Run(Range(PathOf("proof"), blinding));
        Assert.True(code == 0, error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(blinding));
        Assert.Equal(65, File.ReadAllText(blinding).Length);
    }

    [Fact]
    public void A_zero_blinding_is_refused()
    {
        var (code, _, error) = Run(Range(PathOf("proof"), PathOf("b"), "--blinding-hex", new string('0', 64)));
        Assert.Equal(2, code);
        Assert.Contains("zero", error);
        Assert.False(File.Exists(PathOf("proof")));
        Assert.False(File.Exists(PathOf("b")));
    }

    [Fact]
    public void An_existing_proof_is_replaced_only_with_force()
    {
        var proof = PathOf("dlog.nzp");
        File.WriteAllText(proof, "keep me");
        var (code, _, error) = Run("prove", "dlog", "--secret-hex", Secret, "--out", proof);
        Assert.Equal(2, code);
        Assert.Contains("--force", error);
        Assert.Equal("keep me", File.ReadAllText(proof));
        Assert.Equal(0, Run("prove", "dlog", "--secret-hex", Secret, "--out", proof, "--force").ExitCode);
        Assert.Equal(0, Run("verify", proof).ExitCode);
    }
}
