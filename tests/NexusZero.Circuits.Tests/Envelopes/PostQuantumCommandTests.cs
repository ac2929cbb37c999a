using System.Globalization;
using NexusZero.Circuits.Circom;
using NexusZero.Circuits.Tests.Circom;
using NexusZero.Cli;

namespace NexusZero.Circuits.Tests.Envelopes;

/// <summary>
/// The post-quantum backend from the command line: `prove preimage --backend pq`, `circuit prove|verify` with circom's
/// files, and `verify --preimage|--r1cs`, which verify only against the circuit the verifier names.
/// </summary>
public sealed class PostQuantumCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nexuszero-pq-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("sha3-256", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")]
    public void APreimageProofVerifiesOnlyAgainstItsOwnCircuit(string hash, string digest)
    {
        var proof = Path.Combine(_folder, "proof.nzp");
        var (code, output, error) = Run("prove", "preimage", "--hash", hash, "--preimage-hex", "616263", "--backend", "pq", "--context", "order-1", "--out", proof);
        Assert.True(code == 0, error);
        Assert.Contains($"digest:         {digest}", output, StringComparison.Ordinal);
        Assert.Contains("Ligero-128", output, StringComparison.Ordinal);
        Assert.Contains($"--preimage {hash}:3", output, StringComparison.Ordinal);

        var inspected = Run("inspect", proof);
        Assert.True(inspected.Code == 0, inspected.Err);
        Assert.Contains("128 bits (Ligero", inspected.Out, StringComparison.Ordinal);
        Assert.Contains($"sizes:          file {new FileInfo(proof).Length}", inspected.Out, StringComparison.Ordinal);

        var verified = Run("verify", proof, "--preimage", $"{hash}:3");
        Assert.True(verified.Code == 0, verified.Out + verified.Err);
        Assert.Contains("verdict:        valid", verified.Out, StringComparison.Ordinal);
        Assert.Contains($"size:           {new FileInfo(proof).Length} bytes", verified.Out, StringComparison.Ordinal);

        // Another length, another hash, or no circuit at all: not accepted.
        var otherHash = hash == "sha256" ? "sha3-256" : "sha256";
        Assert.Contains("StatementMismatch", Run("verify", proof, "--preimage", $"{hash}:4").Out, StringComparison.Ordinal);
        Assert.Contains("StatementMismatch", Run("verify", proof, "--preimage", $"{otherHash}:3").Out, StringComparison.Ordinal);
        var unpinned = Run("verify", proof);
        Assert.Equal(1, unpinned.Code);
        Assert.Contains("KeyNotPinned", unpinned.Out, StringComparison.Ordinal);

        // A changed public value (the digest's first byte) is rejected under the right circuit.
        var bytes = File.ReadAllBytes(proof);
        var tampered = Path.Combine(_folder, "tampered.nzp");
        int at = bytes.AsSpan().IndexOf(Convert.FromHexString(digest.AsSpan(0, 32)));
        Assert.True(at > 0);
        bytes[at] ^= 1;
        File.WriteAllBytes(tampered, bytes);
        Assert.Equal(1, Run("verify", tampered, "--preimage", $"{hash}:3").Code);
    }

    [Fact]
    public void PreimageUsageErrorsNameTheOptionAndWriteNothing()
    {
        var proof = Path.Combine(_folder, "proof.nzp");
        var vk = Path.Combine(_folder, "vk.json");
        var pqWithKey = Run("prove", "preimage", "--hash", "sha256", "--preimage-hex", "61", "--backend", "pq", "--out", proof, "--vk-out", vk);
        Assert.Equal(2, pqWithKey.Code);
        Assert.Contains("--vk-out", pqWithKey.Err, StringComparison.Ordinal);
        var groth16WithoutKey = Run("prove", "preimage", "--hash", "sha256", "--preimage-hex", "61", "--out", proof);
        Assert.Equal(2, groth16WithoutKey.Code);
        Assert.Contains("--vk-out is required", groth16WithoutKey.Err, StringComparison.Ordinal);
        var tooLong = Run("prove", "preimage", "--hash", "sha3-256", "--preimage-hex", new string('a', 272), "--backend", "pq", "--out", proof);
        Assert.Equal(2, tooLong.Code);
        Assert.Contains("at most 135 bytes", tooLong.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(proof));
        Assert.False(File.Exists(vk));

        foreach (var (bad, expected) in new[] { ("sha256", "HASH:LENGTH"), ("sha256:x", "HASH:LENGTH"), ("md5:3", "unknown hash function 'md5'"), ("sha256:120", "at most 119 bytes"), (":3", "HASH:LENGTH") })
        {
            var verdict = Run("verify", proof, "--preimage", bad);
            Assert.Equal(2, verdict.Code);
            Assert.Contains(expected, verdict.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ACircomCircuitProvesAndVerifiesOnlyAgainstItsR1cs()
    {
        var circuit = CircomSamples.Circuit(x: 4, s: 3);
        var r1cs = Path.Combine(_folder, "c.r1cs");
        var wtns = Path.Combine(_folder, "c.wtns");
        File.WriteAllBytes(r1cs, CircomR1csWriter.Write(circuit.System));
        File.WriteAllBytes(wtns, CircomWitnessWriter.Write(circuit.CopyWitness()));
        var proof = Path.Combine(_folder, "c.nzp");

        var proved = Run("circuit", "prove", "--r1cs", r1cs, "--wtns", wtns, "--backend", "pq", "--context", "job-7", "--out", proof);
        Assert.True(proved.Code == 0, proved.Err);
        Assert.Contains("circuit:        ", proved.Out, StringComparison.Ordinal);

        var verified = Run("circuit", "verify", proof, "--r1cs", r1cs);
        Assert.True(verified.Code == 0, verified.Out + verified.Err);
        Assert.Contains("verdict:        valid", verified.Out, StringComparison.Ordinal);
        Assert.Equal(0, Run("verify", proof, "--r1cs", r1cs).Code);

        // The same circuit built for another witness (same constraints, same digest) verifies; a circuit of another
        // shape does not.
        var other = Path.Combine(_folder, "other.r1cs");
        File.WriteAllBytes(other, CircomR1csWriter.Write(CircomSamples.Circuit(x: 5, s: 3).System));
        Assert.Equal(0, Run("circuit", "verify", proof, "--r1cs", other).Code);
        File.WriteAllBytes(other, CircomSamples.HandBuiltR1cs());
        var crossed = Run("circuit", "verify", proof, "--r1cs", other);
        Assert.Equal(1, crossed.Code);
        Assert.Contains("StatementMismatch", crossed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CircuitProveRefusesWhatItCannotProve()
    {
        var circuit = CircomSamples.Circuit(x: 4, s: 3);
        var r1cs = Path.Combine(_folder, "c.r1cs");
        var wtns = Path.Combine(_folder, "c.wtns");
        var proof = Path.Combine(_folder, "c.nzp");
        File.WriteAllBytes(r1cs, CircomR1csWriter.Write(circuit.System));

        // A witness that does not satisfy the circuit: exit 1, naming the constraint, nothing written.
        var witness = circuit.CopyWitness();
        witness[^1] += FieldElement.One;
        File.WriteAllBytes(wtns, CircomWitnessWriter.Write(witness));
        var unsatisfied = Run("circuit", "prove", "--r1cs", r1cs, "--wtns", wtns, "--out", proof);
        Assert.Equal(1, unsatisfied.Code);
        Assert.Contains("constraint", unsatisfied.Err, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(proof));

        // A witness of another length, or Groth16 (which needs a .zkey): usage errors.
        File.WriteAllBytes(wtns, CircomWitnessWriter.Write(witness[..^1]));
        var shortWitness = Run("circuit", "prove", "--r1cs", r1cs, "--wtns", wtns, "--out", proof);
        Assert.Equal(2, shortWitness.Code);
        Assert.Contains("wires", shortWitness.Err, StringComparison.Ordinal);
        var groth16 = Run("circuit", "prove", "--r1cs", r1cs, "--wtns", wtns, "--backend", "groth16", "--out", proof);
        Assert.Equal(2, groth16.Code);
        Assert.Contains("nexuszero groth16", groth16.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(proof));

        // Two trust anchors at once are a usage error.
        Assert.Equal(2, Run("verify", proof, "--r1cs", r1cs, "--preimage", "sha256:3").Code);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliRunner.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
