using NexusZero.Cli;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Lattice.Tests.Cli;

public sealed class LatticeProveCliTests : IDisposable
{
    private const string Seed = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private readonly string _folder = Directory.CreateTempSubdirectory("nexuszero-lattice-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("ml-dsa-44")]
    [InlineData("ml-dsa-65")]
    [InlineData("ml-dsa-87")]
    public void ProveKeyWritesAVerifiableEnvelopeForTheSeedsKey(string scheme)
    {
        string file = Path.Combine(_folder, scheme + ".nzp");
        (int exitCode, string output, string error) = Run("prove", "key", "--scheme", scheme, "--seed-hex", Seed, "--context", "hello", "--out", file);
        Assert.True(exitCode == 0, error);
        Assert.True(MLDsaScheme.TryFromName(scheme, out MLDsaScheme? algorithm));
        using MLDsaPrivateKey key = algorithm.GenerateKey(Convert.FromHexString(Seed));
        Assert.Contains($"public key:     {Convert.ToHexStringLower(key.PublicKey.Encoded)}", output, StringComparison.Ordinal);
        Assert.Contains("lattice.expected_repetitions", output, StringComparison.Ordinal);

        byte[] envelope = File.ReadAllBytes(file);
        var api = new NexuszeroApi();
        Assert.True(api.Verify(envelope, new KeyPossessionStatement(key.PublicKey)).IsValid);
        Assert.Equal("hello"u8.ToArray(), ProofEnvelope.Parse(envelope).Context.ToArray());
        (int verifyExit, _, _) = Run("verify", file);
        Assert.Equal(0, verifyExit);
    }

    [Fact]
    public void ProveMlweChoosesParametersForTheLevel()
    {
        string file = Path.Combine(_folder, "mlwe.nzp");
        (int exitCode, string output, string error) = Run("prove", "mlwe", "--k", "4", "--l", "4", "--eta", "2", "--security", "128", "--seed-hex", Seed, "--out", file);
        Assert.True(exitCode == 0, error);
        ModuleLweParameterChoice choice = ModuleLweParameterSelector.Select(4, 4, 2, 128);
        Assert.Contains($"parameters:     {choice.Parameters.Name} (id {choice.Parameters.Id}", output, StringComparison.Ordinal);
        (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(Convert.FromHexString(Seed), 4, 4, 2);
        witness.Dispose();
        Assert.True(new NexuszeroApi().Verify(File.ReadAllBytes(file), statement).IsValid);
    }

    [Theory]
    [InlineData("prove", "key", "--scheme", "ml-dsa-99", "--seed-hex", Seed, "--out", "x")]
    [InlineData("prove", "key", "--scheme", "ml-dsa-44", "--seed-hex", "00ff", "--out", "x")]
    [InlineData("prove", "key", "--scheme", "ml-dsa-44", "--seed-hex", "zz", "--out", "x")]
    [InlineData("prove", "mlwe", "--k", "9", "--l", "4", "--eta", "2", "--seed-hex", Seed, "--out", "x")]
    [InlineData("prove", "mlwe", "--k", "4", "--l", "4", "--eta", "2", "--security", "100", "--seed-hex", Seed, "--out", "x")]
    [InlineData("prove", "mlwe", "--k", "2", "--l", "2", "--eta", "2", "--seed-hex", Seed, "--out", "x")]
    public void BadInputIsAUsageErrorWithOneLine(params string[] args)
    {
        string[] rooted = args.Select(a => a == "x" ? Path.Combine(_folder, "x.nzp") : a).ToArray();
        (int exitCode, _, string error) = Run(rooted);
        Assert.Equal(2, exitCode);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.False(File.Exists(Path.Combine(_folder, "x.nzp")));
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = CliRunner.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
