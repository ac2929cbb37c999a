using NexusZero.Circuits.Circom;
using NexusZero.Proofs.Groth16;
using NexusZero.Proofs.Groth16.Zkey;

namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>Our phase-2 contribution: `snarkjs zkey verify` accepts it, and proofs under it verify in snarkjs.</summary>
public sealed class SnarkjsZkeyContributionTests(SnarkjsZkeyFixture fixture) : IClassFixture<SnarkjsZkeyFixture>
{
    [Fact]
    public void A_contribution_to_our_initial_key_passes_zkey_verify_and_its_proofs_verify_in_snarkjs()
    {
        var initial = SnarkjsZkeySetup.CreateFromFiles(fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau"));
        var (contributed, hash) = SnarkjsZkeyContribution.Contribute(initial, "nexuszero test");
        Assert.Equal(64, hash.Length);
        File.WriteAllBytes(fixture.PathOf("contributed1.zkey"), contributed);
        Assert.Equal("true", SnarkjsOracle.Run("zkey-verify", fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau"), fixture.PathOf("contributed1.zkey")));

        var key = SnarkjsZkeyReader.Read(contributed);
        Assert.Equal(1, key.ContributionCount);
        Assert.NotEqual(SnarkjsZkeyReader.Read(initial).VerifyingKey.Digest.ToArray(), key.VerifyingKey.Digest.ToArray());
        var witness = CircomWitnessReader.ReadFile(fixture.PathOf("witness.wtns"));
        var proof = SnarkjsZkeyProver.Prove(key, witness);
        var publics = witness.Skip(1).Take(key.PublicCount).ToArray();
        File.WriteAllText(fixture.PathOf("contributed_vk.json"), SnarkjsJson.WriteVerifyingKey(key.VerifyingKey));
        File.WriteAllText(fixture.PathOf("contributed_proof.json"), SnarkjsJson.WriteProof(proof));
        File.WriteAllText(fixture.PathOf("contributed_public.json"), SnarkjsJson.WritePublic(publics));
        Assert.Equal("true", SnarkjsOracle.Run("verify", fixture.PathOf("contributed_vk.json"), fixture.PathOf("contributed_public.json"), fixture.PathOf("contributed_proof.json")));
    }

    [Fact]
    public void A_second_contribution_after_snarkjs_s_chains_and_a_tampered_one_is_refused()
    {
        // snarkjs's contributed key (the fixture's), then ours on top: the transcript covers the earlier contribution.
        var (twice, _) = SnarkjsZkeyContribution.Contribute(fixture.ZkeyBytes);
        File.WriteAllBytes(fixture.PathOf("contributed2.zkey"), twice);
        Assert.Equal(2, SnarkjsZkeyReader.Read(twice).ContributionCount);
        Assert.Equal("true", SnarkjsOracle.Run("zkey-verify", fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau"), fixture.PathOf("contributed2.zkey")));

        // One changed byte in the last transcript breaks the chain: zkey verify refuses it.
        var tampered = (byte[])twice.Clone();
        tampered[^9] ^= 1;
        File.WriteAllBytes(fixture.PathOf("tampered.zkey"), tampered);
        var verdict = SnarkjsOracle.Run("zkey-verify", fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau"), fixture.PathOf("tampered.zkey"));
        Assert.EndsWith("false", verdict, StringComparison.Ordinal);
        Assert.Contains("Inconsistent transcript", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contribute_command_writes_a_key_zkey_verify_accepts()
    {
        var initial = fixture.PathOf("cli-initial.zkey");
        File.WriteAllBytes(initial, SnarkjsZkeySetup.CreateFromFiles(fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau")));
        var target = fixture.PathOf("cli-contributed.zkey");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = NexusZero.Cli.CliRunner.Run(["groth16", "contribute", "--zkey", initial, "--out", target, "--name", "cli"], output, error);
        Assert.True(code == 0, error.ToString());
        Assert.StartsWith("contributed: 1 contribution(s), contribution hash ", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("true", SnarkjsOracle.Run("zkey-verify", fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau"), target));
        Assert.Equal(2, NexusZero.Cli.CliRunner.Run(["groth16", "contribute", "--zkey", initial, "--out", target], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Malformed_keys_are_refused_before_any_work()
    {
        Assert.Throws<FormatException>(() => SnarkjsZkeyContribution.Contribute(fixture.ZkeyBytes.AsSpan(0, 100)));
    }
}
