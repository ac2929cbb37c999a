using NexusZero.Classical.Tests.Sigma;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.RangeProofs;

public sealed class RangeProofSoundnessTests
{
    private static readonly BulletproofsRangeProofSystem System = BulletproofsRangeProofSystem.Instance;

    private static GroupScalar Scalar(IPrimeOrderGroup group, ulong value) => ConstantTimeGroupOps.ScalarFromUInt64(group, value);

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Honest_prover_refuses_values_outside_the_range(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = System.ParametersFor(group);
        var blinding = group.RandomScalar();
        var commitment = PedersenGenerators.Commit(Scalar(group, 256), blinding);
        using var witness = new RangeWitness(256, blinding);
        var tooBig = Assert.Throws<NexusZeroException>(() => System.Prove(RangeStatement.ForValues(group, [commitment], 8), witness, parameters, []));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, tooBig.Kind);
        Assert.Contains("8 bits", tooBig.Message);

        var below = Assert.Throws<NexusZeroException>(() => System.ProveRange(commitment, 256, blinding, 257, 1000));
        Assert.Contains("outside the range [257, 1000]", below.Message);
        Assert.Throws<NexusZeroException>(() => System.ProveRange(commitment, 256, blinding, 0, 255));

        // max − value needs 9 bits for an 8-bit proof even though value ∈ [min, max].
        Assert.Throws<NexusZeroException>(() => System.ProveRange(commitment, 256, blinding, 0, 600, bits: 8));

        // A witness that does not open the commitment.
        Assert.Throws<NexusZeroException>(() => System.ProveRange(commitment, 255, blinding, 0, 1000));
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void A_proof_built_from_truncated_bits_of_an_out_of_range_value_is_rejected(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = System.ParametersFor(group);
        var blinding = group.RandomScalar();
        const ulong value = 300;
        var commitment = PedersenGenerators.Commit(Scalar(group, value), blinding);
        var statement = RangeStatement.ForValues(group, [commitment], 8);

        // Bypass the prover's checks: the protocol only sees the low 8 bits of 300.
        using var transcript = ProofTranscript.Begin(ProofSystemId.BulletproofsRange, parameters, statement, []);
        var forged = RangeProofProtocol.Prove(transcript, group, 8, [value], [blinding]);
        Assert.Equal(VerificationFailure.EquationFailed, System.Verify(statement, forged, parameters, []).Failure);

        // A valid proof for v = 44 does not verify for the commitment to 44 + 256 (out of range).
        var small = PedersenGenerators.Commit(Scalar(group, 44), blinding);
        using var witness = new RangeWitness(44, blinding);
        var smallStatement = RangeStatement.ForValues(group, [small], 8);
        var proof = System.Prove(smallStatement, witness, parameters, []);
        Assert.True(System.Verify(smallStatement, proof, parameters, []).IsValid);
        var shifted = RangeStatement.ForValues(group, [small + group.MultiplyBase(Scalar(group, 256))], 8);
        Assert.False(System.Verify(shifted, proof, parameters, []).IsValid);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Bounded_proofs_check_the_callers_commitment_and_range(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = System.ParametersFor(group);
        var blinding = group.RandomScalar();
        const ulong value = 1_000_000;
        var commitment = PedersenGenerators.Commit(Scalar(group, value), blinding);
        var (statement, proof) = System.ProveRange(commitment, value, blinding, 18, 5_000_000, bits: 32, context: "ctx"u8);
        Assert.True(statement.IsBounded);
        Assert.Equal(2, statement.AggregatedCount);
        Assert.Equal(BulletproofsRangeProofSystem.ProofLength(group, 32, 2), proof.Length);
        Assert.True(System.Verify(statement, proof, parameters, "ctx"u8).IsValid);

        Assert.False(System.Verify(statement, proof, parameters, "ctX"u8).IsValid);
        Assert.False(System.Verify(RangeStatement.ForBounds(group, commitment, 19, 5_000_000, 32), proof, parameters, "ctx"u8).IsValid);
        Assert.False(System.Verify(RangeStatement.ForBounds(group, commitment, 18, 4_999_999, 32), proof, parameters, "ctx"u8).IsValid);
        Assert.False(System.Verify(RangeStatement.ForBounds(group, commitment + group.Generator, 18, 5_000_000, 32), proof, parameters, "ctx"u8).IsValid);
        var otherCommitment = PedersenGenerators.Commit(Scalar(group, value), group.RandomScalar());
        Assert.False(System.Verify(RangeStatement.ForBounds(group, otherCommitment, 18, 5_000_000, 32), proof, parameters, "ctx"u8).IsValid);
        Assert.False(System.Verify(RangeStatement.ForValues(group, [commitment, commitment], 32), proof, parameters, "ctx"u8).IsValid);

        Assert.True(System.TryDecodeStatement(statement.ToCanonicalBytes(), parameters, out var decoded, out _));
        Assert.Equal(statement, decoded);
    }

    [Theory]
    [InlineData(0UL, 0UL, 0UL, 8)]
    [InlineData(5UL, 5UL, 5UL, 8)]
    [InlineData(10UL, 10UL, 265UL, 8)]
    [InlineData(265UL, 10UL, 265UL, 8)]
    [InlineData(ulong.MaxValue, 0UL, ulong.MaxValue, 64)]
    [InlineData(0UL, 0UL, ulong.MaxValue, 64)]
    [InlineData(ulong.MaxValue - 1, ulong.MaxValue - 1, ulong.MaxValue, 16)]
    public void Bounded_edges(ulong value, ulong min, ulong max, int bits)
    {
        var group = Ristretto255Group.Instance;
        var blinding = group.RandomScalar();
        var commitment = PedersenGenerators.Commit(Scalar(group, value), blinding);
        var (statement, proof) = System.ProveRange(commitment, value, blinding, min, max, bits);
        Assert.True(System.Verify(statement, proof, System.ParametersFor(group), []).IsValid);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Every_single_byte_change_is_rejected(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = System.ParametersFor(group);
        var (statement, witness) = RangeProofTestData.Values(group, 8, [77]);
        using (witness)
        {
            var proof = System.Prove(statement, witness, parameters, []);
            for (var i = 0; i < proof.Length; i++)
            {
                var tampered = (byte[])proof.Clone();
                tampered[i] ^= (byte)(1 << (i % 8));
                Assert.False(System.Verify(statement, tampered, parameters, []).IsValid, $"byte {i}");
            }

            Assert.False(System.Verify(statement, proof[..^1], parameters, []).IsValid);
            Assert.False(System.Verify(statement, [.. proof, 0], parameters, []).IsValid);
            Assert.False(System.Verify(statement, [], parameters, []).IsValid);
        }
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Non_canonical_values_and_identity_are_malformed(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = System.ParametersFor(group);
        var (statement, witness) = RangeProofTestData.Values(group, 16, [1234]);
        using (witness)
        {
            var proof = System.Prove(statement, witness, parameters, []);
            var e = group.ElementLength;

            var identityA = (byte[])proof.Clone();
            identityA.AsSpan(0, e).Clear();
            Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, identityA, parameters, []).Failure);

            var identityL = (byte[])proof.Clone();
            identityL.AsSpan(4 * e + 3 * group.ScalarLength, e).Clear();
            Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, identityL, parameters, []).Failure);

            var bigTau = (byte[])proof.Clone();
            bigTau.AsSpan(4 * e, group.ScalarLength).Fill(0xFF);
            Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, bigTau, parameters, []).Failure);

            var bigB = (byte[])proof.Clone();
            bigB.AsSpan(proof.Length - group.ScalarLength).Fill(0xFF);
            Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, bigB, parameters, []).Failure);
        }
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Statement_parsing_is_strict(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = System.ParametersFor(group);
        var commitment = group.MultiplyBase(group.RandomScalar());
        var values = RangeStatement.ForValues(group, [commitment, commitment], 16).ToCanonicalBytes();
        var bounded = RangeStatement.ForBounds(group, commitment, 3, 9, 8).ToCanonicalBytes();
        Assert.True(System.TryDecodeStatement(values, parameters, out _, out _));
        Assert.True(System.TryDecodeStatement(bounded, parameters, out _, out _));

        byte[] Patch(byte[] source, int index, byte value)
        {
            var copy = (byte[])source.Clone();
            copy[index] = value;
            return copy;
        }

        Assert.False(System.TryDecodeStatement(Patch(values, 1, 7), parameters, out _, out _));
        Assert.False(System.TryDecodeStatement(Patch(values, 2, 2), parameters, out _, out _));
        Assert.False(System.TryDecodeStatement(Patch(values, 3, 3), parameters, out _, out _));
        Assert.False(System.TryDecodeStatement(Patch(bounded, 3, 2), parameters, out _, out _));
        Assert.False(System.TryDecodeStatement(Patch(bounded, 4, 0xFF), parameters, out _, out _));
        Assert.False(System.TryDecodeStatement([.. values, 0], parameters, out _, out _));
        Assert.False(System.TryDecodeStatement(values[..^1], parameters, out _, out _));
        var identity = (byte[])values.Clone();
        identity.AsSpan(4, group.ElementLength).Clear();
        Assert.False(System.TryDecodeStatement(identity, parameters, out _, out _));

        Assert.Throws<ArgumentException>(() => RangeStatement.ForValues(group, [commitment, commitment, commitment], 8));
        Assert.Throws<ArgumentException>(() => RangeStatement.ForValues(group, [commitment], 12));
        Assert.Throws<ArgumentException>(() => RangeStatement.ForBounds(group, commitment, 10, 9));
        Assert.Throws<ArgumentException>(() => RangeStatement.ForValues(group, [group.Identity], 8));
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Batch_verification_accepts_valid_and_rejects_one_bad(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parameters = System.ParametersFor(group);
        var random = new Random(11);
        var items = new List<SigmaBatchItem>();
        int[] shapes = [8, 16, 32, 64];
        for (var i = 0; i < 6; i++)
        {
            var bits = shapes[i % 4];
            var m = i % 3 == 0 ? 2 : 1;
            var (statement, witness) = RangeProofTestData.Values(group, bits, RangeProofTestData.RandomValues(random, bits, m));
            using (witness)
            {
                var context = new[] { (byte)i };
                items.Add(new SigmaBatchItem(statement, System.Prove(statement, witness, parameters, context), context));
            }
        }

        Assert.True(System.VerifyBatch(items, parameters).IsValid);
        Assert.True(System.VerifyBatch([], parameters).IsValid);

        var tampered = items.ToList();
        var bad = tampered[4].Proof.ToArray();
        bad[5 * group.ElementLength] ^= 1;
        tampered[4] = tampered[4] with { Proof = bad };
        var result = System.VerifyBatch(tampered, parameters);
        Assert.False(result.IsValid);
        Assert.StartsWith("Item 4:", result.Reason);

        var swapped = items.ToList();
        swapped[1] = swapped[1] with { Context = new byte[] { 9 } };
        Assert.False(System.VerifyBatch(swapped, parameters).IsValid);
    }
}
