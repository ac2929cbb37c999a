using System.Security.Cryptography;
using NexusZero.Circuits.Circom;
using NexusZero.Circuits.Gadgets;
using NexusZero.Proofs.Groth16;
using NexusZero.Proofs.Groth16.Zkey;

namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>
/// circomlib 2.0.5's own templates (tests/NexusZero.Circuits.Tests/oracle, installed from the lockfile by the test
/// build), compiled with circom2, against NexusZero.
/// <para>
/// Poseidon(2) preimage: snarkjs sets up (Powers of Tau 2^9, one phase-2 contribution) and proves, NexusZero verifies;
/// NexusZero proves from snarkjs's .zkey and circom's .wtns, snarkjs verifies; the public hash is our
/// <see cref="Poseidon.Hash"/> and circomlibjs's.
/// </para>
/// <para>
/// SHA-256 (circomlib's <c>Sha256(8)</c>, one byte, about 29,000 constraints) is checked without a Groth16 setup: our
/// reader loads circom's .r1cs and .wtns, the witness satisfies every constraint and its output bits are
/// SHA-256 of the byte. A snarkjs setup of it is left out of the test command on purpose: it needs a Powers of Tau
/// of 2^16, and snarkjs's <c>powersoftau prepare phase2</c> alone took about 13 minutes at 2^15 on the 2-core
/// development machine, while the whole suite must stay far under 20 minutes (docs/benchmarks.md, "circomlib circuits
/// in the test command"). Groth16 over a SHA-256 circuit is proved and verified with our own gadget instead
/// (Envelopes/PreimageProofTests.cs, our development setup, no Powers of Tau).
/// </para>
/// </summary>
public sealed class CircomlibInteropTests : IDisposable
{
    /// <summary>Private preimage, public digest: circomlib's Poseidon(2) has 240 constraints after circom's --O2.</summary>
    private const string PoseidonPreimage = """
        pragma circom 2.0.0;
        include "poseidon.circom";
        template PoseidonPreimage() {
            signal input preimage[2];
            signal output hash;
            component h = Poseidon(2);
            h.inputs[0] <== preimage[0];
            h.inputs[1] <== preimage[1];
            hash <== h.out;
        }
        component main = PoseidonPreimage();
        """;

    private const string Sha256OneByte = """
        pragma circom 2.0.0;
        include "sha256/sha256.circom";
        component main = Sha256(8);
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("nexuszero-circomlib-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Circomlib_poseidon_preimage_proofs_cross_verify_with_snarkjs_both_ways()
    {
        var x = FieldElement.Parse("12345678901234567890123456789012345678901234567890123456789012345678901234567");
        var y = FieldElement.FromUInt64(42);
        var circuit = Path.Combine(_folder, "poseidon_preimage.circom");
        File.WriteAllText(circuit, PoseidonPreimage);
        File.WriteAllText(PathOf("input.json"), $$"""{"preimage": ["{{x}}", "{{y}}"]}""");
        Assert.Equal("ok", SnarkjsOracle.Run("snarkjs-prove", _folder, circuit, PathOf("input.json"), "9", "O2"));

        // The public output is Poseidon(x, y): ours and circomlibjs's.
        var publics = SnarkjsJson.ReadPublic(File.ReadAllText(PathOf("public.json")));
        var digest = Assert.Single(publics);
        Assert.Equal(Poseidon.Hash(x, y), digest);
        File.WriteAllText(PathOf("poseidon_inputs.json"), $$"""[["{{x}}", "{{y}}"]]""");
        Assert.Equal(digest.ToString(), SnarkjsOracle.Run("poseidon", PathOf("poseidon_inputs.json")));

        // snarkjs → NexusZero, and a changed public signal is refused.
        var vk = SnarkjsJson.ReadVerifyingKey(File.ReadAllText(PathOf("verification_key.json")));
        var proof = SnarkjsJson.ReadProof(File.ReadAllText(PathOf("proof.json")));
        Assert.True(Groth16Verifier.Verify(vk, publics, proof).IsValid);
        FieldElement[] wrong = [digest + FieldElement.One];
        Assert.False(Groth16Verifier.Verify(vk, wrong, proof).IsValid);
        Assert.False(Groth16Verifier.Verify(vk, [Poseidon.Hash(y, x)], proof).IsValid);

        // NexusZero → snarkjs: proved from snarkjs's .zkey with circom's .wtns, checked by `snarkjs groth16 verify`.
        var key = SnarkjsZkeyReader.ReadFile(PathOf("circuit.zkey"));
        Assert.Equal(vk.Digest.ToArray(), key.VerifyingKey.Digest.ToArray());
        var witness = CircomWitnessReader.ReadFile(PathOf("witness.wtns"));
        var r1cs = CircomR1csReader.ReadFile(PathOf("circuit.r1cs"));
        Assert.True(r1cs.System.IsSatisfied(witness).IsSatisfied);
        Assert.Equal(1, key.PublicCount);
        Assert.Equal(digest, witness[1]);
        var ours = SnarkjsZkeyProver.Prove(key, witness);
        Assert.True(Groth16Verifier.Verify(key.VerifyingKey, publics, ours).IsValid);
        Assert.Equal("true", VerifyInSnarkjs(publics, ours));
        Assert.Equal("false", VerifyInSnarkjs(wrong, ours));
    }

    [Fact]
    public void Circomlib_sha256_r1cs_is_satisfied_by_circoms_witness_and_outputs_the_digest()
    {
        const byte message = 0x61; // "a"
        var circuit = Path.Combine(_folder, "sha256_byte.circom");
        File.WriteAllText(circuit, Sha256OneByte);
        // circomlib takes and gives bits most significant first within each byte.
        var bits = Enumerable.Range(0, 8).Select(i => (message >> (7 - i)) & 1);
        File.WriteAllText(PathOf("input.json"), $$"""{"in": [{{string.Join(", ", bits)}}]}""");
        Assert.Equal("ok", SnarkjsOracle.Run("circom-witness", _folder, circuit, PathOf("input.json")));

        var r1cs = CircomR1csReader.ReadFile(PathOf("circuit.r1cs"));
        var witness = CircomWitnessReader.ReadFile(PathOf("witness.wtns"));
        Assert.True(r1cs.System.ConstraintCount > 25_000, $"{r1cs.System.ConstraintCount} constraints");
        Assert.Equal(256, r1cs.System.PublicCount);
        Assert.True(r1cs.System.IsSatisfied(witness).IsSatisfied);

        // Wires 1 … 256 are the outputs (circom puts outputs right after the constant one).
        var expected = SHA256.HashData([message]);
        for (var i = 0; i < 256; i++)
        {
            var bit = (expected[i / 8] >> (7 - (i % 8))) & 1;
            Assert.Equal(FieldElement.FromUInt64((ulong)bit), witness[1 + i]);
        }

        // One flipped output bit, or one flipped internal wire, breaks the constraints.
        foreach (var index in new[] { 1, 200, witness.Length - 1 })
        {
            var bad = witness.ToArray();
            bad[index] = FieldElement.One - bad[index];
            Assert.False(r1cs.System.IsSatisfied(bad).IsSatisfied);
        }
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private string VerifyInSnarkjs(IReadOnlyList<FieldElement> publics, Groth16Proof proof)
    {
        File.WriteAllText(PathOf("our_public.json"), SnarkjsJson.WritePublic(publics));
        File.WriteAllText(PathOf("our_proof.json"), SnarkjsJson.WriteProof(proof));
        return SnarkjsOracle.Run("verify", PathOf("verification_key.json"), PathOf("our_public.json"), PathOf("our_proof.json"));
    }
}
