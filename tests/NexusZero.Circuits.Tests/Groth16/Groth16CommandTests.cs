using System.Globalization;
using NexusZero.Circuits.Circom;
using NexusZero.Cli;

namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>`nexuszero groth16 prove|verify` with snarkjs's files, and snarkjs checking what prove writes.</summary>
public sealed class Groth16CommandTests(SnarkjsZkeyFixture fixture) : IClassFixture<SnarkjsZkeyFixture>
{
    [Fact]
    public void Prove_writes_files_snarkjs_accepts_and_verify_agrees()
    {
        var proof = Fresh("cli_proof.json");
        var publics = Fresh("cli_public.json");
        var (code, output, error) = Run("groth16", "prove", "--zkey", fixture.PathOf("circuit.zkey"), "--wtns", fixture.PathOf("witness.wtns"), "--proof", proof, "--public", publics);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.StartsWith("proved: 3 public signal(s)", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(fixture.PathOf("public.json")).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), File.ReadAllText(publics).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        Assert.Equal("true", SnarkjsOracle.Run("verify", fixture.PathOf("verification_key.json"), publics, proof));

        var verified = Run("groth16", "verify", "--vk", fixture.PathOf("verification_key.json"), "--proof", proof, "--public", publics);
        Assert.Equal(0, verified.Code);
        Assert.StartsWith("valid: 3 public signal(s)", verified.Out, StringComparison.Ordinal);

        // Existing outputs are refused without --force, and nothing is written.
        var before = File.ReadAllText(proof);
        var again = Run("groth16", "prove", "--zkey", fixture.PathOf("circuit.zkey"), "--wtns", fixture.PathOf("witness.wtns"), "--proof", proof, "--public", publics);
        Assert.Equal(2, again.Code);
        Assert.Single(again.Err.Trim().Split('\n'));
        Assert.Equal(before, File.ReadAllText(proof));
    }

    [Fact]
    public void Prove_with_progress_reports_each_stage_on_stderr()
    {
        var proof = Fresh("progress_proof.json");
        var publics = Fresh("progress_public.json");
        var (code, _, error) = Run("groth16", "prove", "--zkey", fixture.PathOf("circuit.zkey"), "--wtns", fixture.PathOf("witness.wtns"), "--proof", proof, "--public", publics, "--progress");
        Assert.Equal(0, code);
        Assert.Contains("nexuszero: reading the .zkey: done in", error, StringComparison.Ordinal);
        Assert.Contains("nexuszero: proving (domain 2^", error, StringComparison.Ordinal);
        Assert.Equal("true", SnarkjsOracle.Run("verify", fixture.PathOf("verification_key.json"), publics, proof));
    }

    [Fact]
    public void Verify_accepts_snarkjs_proofs_and_refuses_other_publics_with_exit_1()
    {
        var ok = Run("groth16", "verify", "--vk", fixture.PathOf("verification_key.json"), "--proof", fixture.PathOf("proof.json"), "--public", fixture.PathOf("public.json"));
        Assert.Equal(0, ok.Code);

        var other = Fresh("other_public.json");
        var values = File.ReadAllText(fixture.PathOf("public.json"));
        var publics = Proofs.Groth16.SnarkjsJson.ReadPublic(values);
        publics[0] += FieldElement.One;
        File.WriteAllText(other, Proofs.Groth16.SnarkjsJson.WritePublic(publics));
        var bad = Run("groth16", "verify", "--vk", fixture.PathOf("verification_key.json"), "--proof", fixture.PathOf("proof.json"), "--public", other);
        Assert.Equal(1, bad.Code);
        Assert.StartsWith("invalid:", bad.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_inputs_exit_2_with_one_line()
    {
        var broken = Fresh("broken.json");
        File.WriteAllText(broken, "{\"pi_a\": [");
        var shortPublic = Fresh("short_public.json");
        File.WriteAllText(shortPublic, "[\"1\"]");
        var cases = new[]
        {
            new[] { "groth16", "verify", "--vk", fixture.PathOf("verification_key.json"), "--proof", broken, "--public", fixture.PathOf("public.json") },
            new[] { "groth16", "verify", "--vk", broken, "--proof", fixture.PathOf("proof.json"), "--public", fixture.PathOf("public.json") },
            new[] { "groth16", "verify", "--vk", fixture.PathOf("verification_key.json"), "--proof", fixture.PathOf("proof.json"), "--public", shortPublic },
            new[] { "groth16", "verify", "--vk", "/dev/zero", "--proof", fixture.PathOf("proof.json"), "--public", fixture.PathOf("public.json") },
            new[] { "groth16", "prove", "--zkey", fixture.PathOf("witness.wtns"), "--wtns", fixture.PathOf("witness.wtns"), "--proof", Fresh("p1.json"), "--public", Fresh("q1.json") },
            new[] { "groth16", "prove", "--zkey", fixture.PathOf("circuit.zkey"), "--wtns", fixture.PathOf("circuit.r1cs"), "--proof", Fresh("p2.json"), "--public", Fresh("q2.json") },
            new[] { "groth16", "prove", "--zkey", fixture.PathOf("circuit.zkey"), "--wtns", fixture.PathOf("witness.wtns"), "--proof", Fresh("same.json"), "--public", Fresh("same.json") },
        };
        foreach (var args in cases)
        {
            var (code, _, error) = Run(args);
            Assert.True(code == 2, $"{string.Join(' ', args)} → {code}: {error}");
            Assert.Single(error.Trim().Split('\n'));
            Assert.StartsWith("nexuszero:", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_witness_that_does_not_satisfy_the_circuit_exits_1_and_writes_nothing()
    {
        var witness = CircomWitnessReader.ReadFile(fixture.PathOf("witness.wtns"));
        witness[^1] += FieldElement.One;
        var wtns = Fresh("bad.wtns");
        File.WriteAllBytes(wtns, CircomWitnessWriter.Write(witness));
        var proof = Fresh("bad_proof.json");
        var (code, _, error) = Run("groth16", "prove", "--zkey", fixture.PathOf("circuit.zkey"), "--wtns", wtns, "--proof", proof, "--public", Fresh("bad_public.json"));
        Assert.Equal(1, code);
        Assert.Contains("does not satisfy", error, StringComparison.Ordinal);
        Assert.False(File.Exists(proof));
    }

    private string Fresh(string name)
    {
        var path = fixture.PathOf(name);
        File.Delete(path);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliRunner.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
