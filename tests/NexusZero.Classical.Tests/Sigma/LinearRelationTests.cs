using NexusZero.Groups;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.Sigma;

public sealed class LinearRelationTests
{
    private static readonly LinearRelationProofSystem System = LinearRelationProofSystem.Instance;

    private static GroupScalar Small(IPrimeOrderGroup group, long value)
    {
        var result = group.ScalarZero;
        for (var i = 0; i < Math.Abs(value); i++)
        {
            result += group.ScalarOne;
        }

        return value < 0 ? -result : result;
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Proves_v1_plus_v2_equals_v3(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var v1 = group.RandomScalar();
        var v2 = group.RandomScalar();
        var v3 = v1 + v2;
        GroupScalar[] values = [v1, v2, v3];
        GroupScalar[] blindings = [group.RandomScalar(), group.RandomScalar(), group.RandomScalar()];
        var commitments = values.Zip(blindings, PedersenGenerators.Commit).ToArray();
        GroupScalar[] coefficients = [Small(group, 1), Small(group, 1), Small(group, -1)];
        var statement = new LinearRelationStatement(group, commitments, coefficients, group.ScalarZero);
        var parameters = System.ParametersFor(group);

        using var witness = new LinearRelationWitness(values, blindings);
        var proof = System.Prove(statement, witness, parameters, "c"u8);
        Assert.True(System.Verify(statement, proof, parameters, "c"u8).IsValid);
        Assert.False(System.Verify(statement, proof, parameters, "d"u8).IsValid);

        // Another constant, other coefficients, another commitment: all rejected.
        Assert.False(System.Verify(new LinearRelationStatement(group, commitments, coefficients, group.ScalarOne), proof, parameters, "c"u8).IsValid);
        Assert.False(System.Verify(new LinearRelationStatement(group, commitments, [Small(group, 1), Small(group, 2), Small(group, -1)], group.ScalarZero), proof, parameters, "c"u8).IsValid);
        Assert.False(System.Verify(new LinearRelationStatement(group, [commitments[0], commitments[1], commitments[2] + group.Generator], coefficients, group.ScalarZero), proof, parameters, "c"u8).IsValid);
        ProofAssertions.EveryChangeRejected(proof, p => System.Verify(statement, p, parameters, "c"u8), bitStride: 8);

        Assert.True(System.TryDecodeStatement(statement.ToCanonicalBytes(), parameters, out var decoded, out _));
        Assert.Equal(statement, decoded);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Refuses_values_that_break_the_relation(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        GroupScalar[] values = [Small(group, 5), Small(group, 7), Small(group, 13)];
        GroupScalar[] blindings = [group.RandomScalar(), group.RandomScalar(), group.RandomScalar()];
        var commitments = values.Zip(blindings, PedersenGenerators.Commit).ToArray();
        var statement = new LinearRelationStatement(group, commitments, [Small(group, 1), Small(group, 1), Small(group, -1)], group.ScalarZero);
        using var witness = new LinearRelationWitness(values, blindings);
        var ex = Assert.Throws<NexusZeroException>(() => System.Prove(statement, witness, System.ParametersFor(group), []));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, ex.Kind);

        // 2·v1 + v2 − v3 = 4 holds: 10 + 7 − 13.
        var affine = new LinearRelationStatement(group, commitments, [Small(group, 2), Small(group, 1), Small(group, -1)], Small(group, 4));
        using var witness2 = new LinearRelationWitness(values, blindings);
        var proof = System.Prove(affine, witness2, System.ParametersFor(group), []);
        Assert.True(System.Verify(affine, proof, System.ParametersFor(group), []).IsValid);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Statement_limits_are_enforced(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var c = group.Generator;
        Assert.Throws<ArgumentException>(() => new LinearRelationStatement(group, [], [], group.ScalarZero));
        Assert.Throws<ArgumentException>(() => new LinearRelationStatement(group, [c], [group.ScalarZero], group.ScalarZero));
        Assert.Throws<ArgumentException>(() => new LinearRelationStatement(group, [c, c], [group.ScalarOne], group.ScalarZero));
        Assert.Throws<ArgumentException>(() => new LinearRelationStatement(group, [group.Identity], [group.ScalarOne], group.ScalarZero));

        var statement = new LinearRelationStatement(group, [c], [group.ScalarOne], group.ScalarZero);
        var bytes = statement.ToCanonicalBytes();
        var parameters = System.ParametersFor(group);
        bytes[1] = 0;
        Assert.False(System.TryDecodeStatement(bytes, parameters, out _, out _));
        bytes[1] = 65;
        Assert.False(System.TryDecodeStatement(bytes, parameters, out _, out _));
        bytes[1] = 2;
        Assert.False(System.TryDecodeStatement(bytes, parameters, out _, out _));
    }
}
