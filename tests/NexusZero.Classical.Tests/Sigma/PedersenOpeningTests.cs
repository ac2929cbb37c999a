using NexusZero.Groups;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.Sigma;

public sealed class PedersenOpeningTests
{
    private static readonly PedersenOpeningProofSystem System = PedersenOpeningProofSystem.Instance;

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Blinding_base_is_deterministic_and_independent(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var h = PedersenGenerators.BlindingBase(group);
        Assert.Same(h, PedersenGenerators.BlindingBase(group));
        Assert.False(h.IsIdentity);
        Assert.NotEqual(group.Generator, h);
        Assert.Equal(group.ElementFromUniformBytes(global::System.Security.Cryptography.SHA512.HashData(global::System.Text.Encoding.UTF8.GetBytes("NexusZero/pedersen/blinding-base/v1\0" + group.Name))), h);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Proves_knowledge_of_an_opening(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var v = group.RandomScalar();
        var r = group.RandomScalar();
        var c = PedersenGenerators.Commit(v, r);
        var statement = new PedersenOpeningStatement(group, c);
        var parameters = System.ParametersFor(group);
        using var witness = new PedersenOpeningWitness(v, r);
        var proof = System.Prove(statement, witness, parameters, []);
        Assert.Equal(group.ElementLength + 2 * group.ScalarLength, proof.Length);
        Assert.True(System.Verify(statement, proof, parameters, []).IsValid);
        Assert.False(System.Verify(new PedersenOpeningStatement(group, c + group.Generator), proof, parameters, []).IsValid);
        Assert.False(System.Verify(statement, proof, parameters, [1]).IsValid);
        ProofAssertions.EveryChangeRejected(proof, p => System.Verify(statement, p, parameters, []), bitStride: 4);

        using var wrong = new PedersenOpeningWitness(r, v);
        Assert.Throws<NexusZeroException>(() => System.Prove(statement, wrong, parameters, []));

        Assert.True(System.TryDecodeStatement(statement.ToCanonicalBytes(), parameters, out var decoded, out _));
        Assert.Equal(statement, decoded);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Non_canonical_proof_values_are_rejected_as_malformed(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var v = group.RandomScalar();
        var r = group.RandomScalar();
        var statement = new PedersenOpeningStatement(group, PedersenGenerators.Commit(v, r));
        var parameters = System.ParametersFor(group);
        using var witness = new PedersenOpeningWitness(v, r);
        var proof = System.Prove(statement, witness, parameters, []);

        var bigScalar = (byte[])proof.Clone();
        bigScalar.AsSpan(group.ElementLength, group.ScalarLength).Fill(0xFF);
        Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, bigScalar, parameters, []).Failure);

        var identityCommitment = (byte[])proof.Clone();
        identityCommitment.AsSpan(0, group.ElementLength).Clear();
        Assert.Equal(VerificationFailure.MalformedProof, System.Verify(statement, identityCommitment, parameters, []).Failure);
    }
}
