using NexusZero.Classical.Tests.Sigma;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.RangeProofs;

public sealed class RangeProofTests
{
    private static readonly BulletproofsRangeProofSystem System = BulletproofsRangeProofSystem.Instance;

    /// <summary>Every (n, m) at least once on ristretto255; a smaller grid on secp256k1.</summary>
    public static TheoryData<string, int, int> Grid()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var bits in new[] { 8, 16, 32, 64 })
        {
            foreach (var m in new[] { 1, 2, 4, 8, 16 })
            {
                data.Add("ristretto255", bits, m);
            }
        }

        data.Add("secp256k1", 8, 1);
        data.Add("secp256k1", 64, 1);
        data.Add("secp256k1", 16, 4);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Completeness_and_exact_size_over_the_grid(string groupName, int bits, int m)
    {
        var group = TestGroups.ByName(groupName);
        var (statement, witness) = RangeProofTestData.Values(group, bits, RangeProofTestData.RandomValues(new Random(bits * 100 + m), bits, m));
        using (witness)
        {
            var parameters = System.ParametersFor(group);
            var proof = System.Prove(statement, witness, parameters, "grid"u8);
            var log = (int)Math.Log2(bits * m);
            Assert.Equal((2 * log + 4) * group.ElementLength + 5 * group.ScalarLength, proof.Length);
            if (group.Id == GroupId.Ristretto255)
            {
                Assert.Equal(32 * (2 * log + 9), proof.Length);
            }

            Assert.Equal(proof.Length, BulletproofsRangeProofSystem.ProofLength(group, bits, m));
            Assert.True(System.Verify(statement, proof, parameters, "grid"u8).IsValid);
            Assert.False(System.Verify(statement, proof, parameters, "other"u8).IsValid);

            Assert.True(System.TryDecodeStatement(statement.ToCanonicalBytes(), parameters, out var decoded, out _));
            Assert.Equal(statement, decoded);
            Assert.True(System.Verify(decoded!, proof, parameters, "grid"u8).IsValid);
        }
    }

    [Fact]
    public void One_64_bit_value_on_ristretto255_is_672_bytes()
    {
        var group = Ristretto255Group.Instance;
        var blinding = group.RandomScalar();
        var commitment = PedersenGenerators.Commit(ConstantTimeGroupOps.ScalarFromUInt64(group, 123456789), blinding);
        using var witness = new RangeWitness(123456789, blinding);
        var statement = RangeStatement.ForValues(group, [commitment], 64);
        var proof = System.Prove(statement, witness, System.ParametersFor(group), []);
        Assert.Equal(672, proof.Length);
        Assert.True(System.Verify(statement, proof, System.ParametersFor(group), []).IsValid);
    }
}
