using System.Buffers.Binary;
using NexusZero.Circuits.Circom;
using NexusZero.Diagnostics;
using NexusZero.Proofs.Groth16;
using NexusZero.Proofs.Groth16.Zkey;

namespace NexusZero.Circuits.Tests.Groth16;

/// <summary>Reading snarkjs's .zkey strictly, and proving with it so that snarkjs verifies.</summary>
public sealed class SnarkjsZkeyTests(SnarkjsZkeyFixture fixture) : IClassFixture<SnarkjsZkeyFixture>
{
    [Fact]
    public void The_zkeys_verifying_key_is_the_one_snarkjs_exports()
    {
        var key = SnarkjsZkeyReader.Read(fixture.ZkeyBytes);
        var exported = SnarkjsJson.ReadVerifyingKey(File.ReadAllText(fixture.PathOf("verification_key.json")));
        Assert.Equal(exported.Digest.ToArray(), key.VerifyingKey.Digest.ToArray());
        Assert.Equal(3, key.PublicCount);
        Assert.Equal(6, key.DomainLogSize);
        Assert.Equal(1, key.ContributionCount);
        Assert.Equal(64, key.CircuitHash.Length);
        var r1cs = CircomR1csReader.ReadFile(fixture.PathOf("circuit.r1cs"));
        Assert.Equal(r1cs.System.VariableCount, key.VariableCount);
    }

    [Fact]
    public void Proofs_from_the_zkey_verify_in_snarkjs_and_here_and_differ_each_time()
    {
        var key = SnarkjsZkeyReader.Read(fixture.ZkeyBytes);
        var witness = CircomWitnessReader.ReadFile(fixture.PathOf("witness.wtns"));
        var proof = SnarkjsZkeyProver.Prove(key, witness);
        var again = SnarkjsZkeyProver.Prove(key, witness);
        Assert.NotEqual(proof.ToBytes(), again.ToBytes());

        var publics = witness.Skip(1).Take(key.PublicCount).ToArray();
        Assert.True(Groth16Verifier.Verify(key.VerifyingKey, publics, proof).IsValid);
        File.WriteAllText(fixture.PathOf("zkey_proof.json"), SnarkjsJson.WriteProof(proof));
        File.WriteAllText(fixture.PathOf("zkey_public.json"), SnarkjsJson.WritePublic(publics));
        Assert.Equal("true", SnarkjsOracle.Run("verify", fixture.PathOf("verification_key.json"), fixture.PathOf("zkey_public.json"), fixture.PathOf("zkey_proof.json")));

        // The same proof under other public inputs is refused by snarkjs too.
        var wrong = publics.ToArray();
        wrong[1] += FieldElement.One;
        File.WriteAllText(fixture.PathOf("zkey_wrong_public.json"), SnarkjsJson.WritePublic(wrong));
        Assert.Equal("false", SnarkjsOracle.Run("verify", fixture.PathOf("verification_key.json"), fixture.PathOf("zkey_wrong_public.json"), fixture.PathOf("zkey_proof.json")));
    }

    [Fact]
    public void An_unsatisfying_witness_gets_no_proof()
    {
        var key = SnarkjsZkeyReader.Read(fixture.ZkeyBytes);
        var witness = CircomWitnessReader.ReadFile(fixture.PathOf("witness.wtns"));
        foreach (var index in new[] { 1, key.PublicCount + 1, witness.Length - 1 })
        {
            var bad = witness.ToArray();
            bad[index] += FieldElement.One;
            var error = Assert.Throws<NexusZeroException>(() => SnarkjsZkeyProver.Prove(key, bad));
            Assert.Equal(NexusZeroErrorKind.ValidationFailed, error.Kind);
        }

        Assert.Throws<ArgumentException>(() => SnarkjsZkeyProver.Prove(key, witness.Take(witness.Length - 1).ToArray()));
        var noOne = witness.ToArray();
        noOne[0] = FieldElement.FromUInt64(2);
        Assert.Throws<ArgumentException>(() => SnarkjsZkeyProver.Prove(key, noOne));
    }

    [Fact]
    public void Every_truncation_is_refused_with_a_format_error()
    {
        var bytes = fixture.ZkeyBytes;
        for (var length = 0; length < bytes.Length; length += Math.Max(1, bytes.Length / 997))
        {
            Assert.Throws<FormatException>(() => SnarkjsZkeyReader.Read(bytes.AsSpan(0, length)));
        }

        Assert.Throws<FormatException>(() => SnarkjsZkeyReader.Read([.. bytes, 0]));
    }

    [Fact]
    public void Hostile_headers_and_sections_are_refused_before_allocation()
    {
        var layout = Layout(fixture.ZkeyBytes);
        var header = layout[2];

        // nVars, nPublic, domainSize at header offsets 72, 76, 80.
        AssertRefused(Patched(fixture.ZkeyBytes, header + 72, uint.MaxValue), "nVars");
        AssertRefused(Patched(fixture.ZkeyBytes, header + 76, 10_000), "nPublic");
        AssertRefused(Patched(fixture.ZkeyBytes, header + 80, 48), "domainSize");
        AssertRefused(Patched(fixture.ZkeyBytes, header + 80, 128), "section 9");
        AssertRefused(Patched(fixture.ZkeyBytes, layout[1], 2), "protocol");

        // Coefficient count larger than the section; a signal out of range; a matrix id 2.
        AssertRefused(Patched(fixture.ZkeyBytes, layout[4], 0x7fff_ffff), "coefficients need");
        AssertRefused(Patched(fixture.ZkeyBytes, layout[4] + 4 + 8, 1_000_000), "signal");
        AssertRefused(Patched(fixture.ZkeyBytes, layout[4] + 4, 2), "matrix");
        AssertRefused(Patched(fixture.ZkeyBytes, layout[4] + 4 + 4, 1 << 20), "outside the domain");

        // A coordinate at the field modulus and a point moved off the curve.
        var atModulus = (byte[])fixture.ZkeyBytes.Clone();
        Convert.FromHexString("47fd7cd8168c203c8dca7168916a81975d588181b64550b829a031e1724e6430").CopyTo(atModulus, header + 84);
        AssertRefused(atModulus, "not below the field modulus");
        var offCurve = (byte[])fixture.ZkeyBytes.Clone();
        offCurve[layout[5] + 64] ^= 1;
        AssertRefused(offCurve, "not on the curve");
    }

    [Fact]
    public void Seeded_mutations_never_crash_and_never_yield_an_invalid_proof()
    {
        var witness = CircomWitnessReader.ReadFile(fixture.PathOf("witness.wtns"));
        var random = new Random(20261207);
        for (var round = 0; round < 60; round++)
        {
            var mutated = (byte[])fixture.ZkeyBytes.Clone();
            var flips = 1 + random.Next(3);
            for (var f = 0; f < flips; f++)
            {
                mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
            }

            SnarkjsZkey key;
            try
            {
                key = SnarkjsZkeyReader.Read(mutated);
            }
            catch (FormatException)
            {
                continue;
            }

            try
            {
                var proof = SnarkjsZkeyProver.Prove(key, witness);
                Assert.True(Groth16Verifier.Verify(key.VerifyingKey, witness.Skip(1).Take(key.PublicCount).ToArray(), proof).IsValid);
            }
            catch (NexusZeroException error) when (error.Kind == NexusZeroErrorKind.ValidationFailed)
            {
            }
            catch (ArgumentException)
            {
            }
        }
    }

    private static void AssertRefused(byte[] bytes, string reason)
    {
        var error = Assert.Throws<FormatException>(() => SnarkjsZkeyReader.Read(bytes));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static byte[] Patched(byte[] original, int offset, uint value)
    {
        var copy = (byte[])original.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    /// <summary>Where each section's body starts.</summary>
    private static Dictionary<uint, int> Layout(byte[] bytes)
    {
        var starts = new Dictionary<uint, int>();
        var position = 12;
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        for (var i = 0; i < count; i++)
        {
            var type = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position));
            var size = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(position + 4));
            starts[type] = position + 12;
            position += 12 + size;
        }

        return starts;
    }
}
