using NexusZero.Circuits.Circom;
using NexusZero.Proofs.Groth16;
using NexusZero.Proofs.Groth16.Zkey;

namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>The circuit-specific setup from a .ptau: the same initial .zkey as snarkjs, accepted by `snarkjs zkey verify`.</summary>
public sealed class SnarkjsZkeySetupTests(SnarkjsZkeyFixture fixture) : IClassFixture<SnarkjsZkeyFixture>
{
    [Fact]
    public void The_initial_zkey_is_snarkjs_s_byte_for_byte_and_zkey_verify_accepts_it()
    {
        var ours = SnarkjsZkeySetup.CreateFromFiles(fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau"));
        File.WriteAllBytes(fixture.PathOf("ours0.zkey"), ours);
        Assert.Equal("ok", SnarkjsOracle.Run("new-zkey", fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau"), fixture.PathOf("theirs0.zkey")));
        var theirs = File.ReadAllBytes(fixture.PathOf("theirs0.zkey"));
        Assert.Equal(Convert.ToHexString(theirs), Convert.ToHexString(ours));
        Assert.Equal("true", SnarkjsOracle.Run("zkey-verify", fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau"), fixture.PathOf("ours0.zkey")));
    }

    [Fact]
    public void After_a_snarkjs_contribution_our_key_proves_what_snarkjs_verifies()
    {
        var ours = SnarkjsZkeySetup.CreateFromFiles(fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau"));
        File.WriteAllBytes(fixture.PathOf("ours1-in.zkey"), ours);
        Assert.Equal("ok", SnarkjsOracle.Run("zkey-contribute", fixture.PathOf("ours1-in.zkey"), fixture.PathOf("ours1.zkey")));
        Assert.Equal("true", SnarkjsOracle.Run("zkey-verify", fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau"), fixture.PathOf("ours1.zkey")));
        var key = SnarkjsZkeyReader.ReadFile(fixture.PathOf("ours1.zkey"));
        var witness = CircomWitnessReader.ReadFile(fixture.PathOf("witness.wtns"));
        var proof = SnarkjsZkeyProver.Prove(key, witness);
        Assert.True(Groth16Verifier.Verify(key.VerifyingKey, witness.Skip(1).Take(key.PublicCount).ToArray(), proof).IsValid);
    }

    [Fact]
    public void Our_builders_circuits_get_a_key_from_the_ptau_too()
    {
        static BuiltCircuit Build(CircuitBuilder builder, ulong x)
        {
            var secret = builder.Witness(FieldElement.FromUInt64(x));
            var cube = builder.Multiply(builder.Multiply(secret, secret), secret);
            builder.PublicOutput("y", cube + secret + FieldElement.FromUInt64(5));
            return builder.Build();
        }

        var system = Build(CircuitBuilder.ForSetup(), 0).System;
        var zkey = SnarkjsZkeyReader.Read(SnarkjsZkeySetup.Create(system, PowersOfTau.ReadFile(fixture.PathOf("pot.ptau"))));
        var circuit = Build(CircuitBuilder.ForProving(), 3);
        var proof = SnarkjsZkeyProver.Prove(zkey, circuit.Witness);
        Assert.True(Groth16Verifier.Verify(zkey.VerifyingKey, circuit.PublicValues, proof).IsValid);
        Assert.Equal(0, zkey.ContributionCount);
    }

    [Fact]
    public void A_ptau_too_small_or_unprepared_or_damaged_is_refused()
    {
        var bytes = File.ReadAllBytes(fixture.PathOf("pot.ptau"));
        var ptau = PowersOfTau.Read(bytes);
        Assert.Equal(8, ptau.Power);
        var wide = new CircuitBuilder[] { CircuitBuilder.ForSetup() }[0];
        var x = wide.Witness(FieldElement.Zero);
        var acc = x;
        for (var i = 0; i < 300; i++)
        {
            acc = wide.Multiply(acc, x);
        }

        wide.PublicOutput("y", acc);
        var error = Assert.Throws<ArgumentException>(() => SnarkjsZkeySetup.Create(wide.Build().System, ptau));
        Assert.Contains("2^8", error.Message, StringComparison.Ordinal);

        Assert.Throws<FormatException>(() => PowersOfTau.Read(bytes[..^1]));
        var badHeader = (byte[])bytes.Clone();
        badHeader[12 + 12 + 4 + 32] = 29; // power
        Assert.Throws<FormatException>(() => PowersOfTau.Read(badHeader));
    }

    [Fact]
    public void The_setup_command_writes_the_same_zkey_and_refuses_a_small_ptau()
    {
        var target = fixture.PathOf("cli.zkey");
        File.Delete(target);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = NexusZero.Cli.CliRunner.Run(["groth16", "setup", "--r1cs", fixture.PathOf("circuit.r1cs"), "--ptau", fixture.PathOf("pot.ptau"), "--zkey", target], output, error);
        Assert.Equal("", error.ToString());
        Assert.Equal(0, code);
        Assert.Contains("warning: an initial key", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(SnarkjsZkeySetup.CreateFromFiles(fixture.PathOf("circuit.r1cs"), fixture.PathOf("pot.ptau")), File.ReadAllBytes(target));

        using var error2 = new StringWriter();
        var again = NexusZero.Cli.CliRunner.Run(["groth16", "setup", "--r1cs", fixture.PathOf("circuit.r1cs"), "--ptau", fixture.PathOf("circuit.r1cs"), "--zkey", fixture.PathOf("cli2.zkey")], new StringWriter(), error2);
        Assert.Equal(2, again);
        Assert.Single(error2.ToString().Trim().Split('\n'));

        using var error3 = new StringWriter();
        var withProgress = NexusZero.Cli.CliRunner.Run(["groth16", "setup", "--r1cs", fixture.PathOf("circuit.r1cs"), "--ptau", fixture.PathOf("pot.ptau"), "--zkey", fixture.PathOf("cli3.zkey"), "--progress"], new StringWriter(), error3);
        Assert.Equal(0, withProgress);
        Assert.Contains("nexuszero: computing the key (", error3.ToString(), StringComparison.Ordinal);
        Assert.Contains("done in", error3.ToString(), StringComparison.Ordinal);
    }
}
