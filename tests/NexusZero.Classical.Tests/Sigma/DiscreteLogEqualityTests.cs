using NexusZero.Groups;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.Sigma;

public sealed class DiscreteLogEqualityTests
{
    private static readonly DiscreteLogEqualityProofSystem System = DiscreteLogEqualityProofSystem.Instance;

    private static (DiscreteLogEqualityStatement Statement, GroupScalar X) Make(IPrimeOrderGroup group)
    {
        var x = group.RandomScalar();
        var h = group.MultiplyBase(group.RandomScalar());
        return (new DiscreteLogEqualityStatement(group, group.Generator, h, group.MultiplyBase(x), x * h), x);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Proves_and_verifies_and_binds_everything(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var (statement, x) = Make(group);
        var parameters = System.ParametersFor(group);
        using var witness = new DiscreteLogEqualityWitness(x);
        var proof = System.Prove(statement, witness, parameters, "ctx"u8);
        Assert.Equal(2 * group.ElementLength + group.ScalarLength, proof.Length);
        Assert.True(System.Verify(statement, proof, parameters, "ctx"u8).IsValid);

        Assert.False(System.Verify(statement, proof, parameters, "other"u8).IsValid);
        var (other, _) = Make(group);
        Assert.False(System.Verify(other, proof, parameters, "ctx"u8).IsValid);
        var swapped = new DiscreteLogEqualityStatement(group, statement.GeneratorG, statement.GeneratorH, statement.PublicX, statement.PublicX);
        Assert.False(System.Verify(swapped, proof, parameters, "ctx"u8).IsValid);
        ProofAssertions.EveryChangeRejected(proof, p => System.Verify(statement, p, parameters, "ctx"u8), bitStride: 3);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Refuses_a_witness_with_different_logs(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var x = group.RandomScalar();
        var h = group.MultiplyBase(group.RandomScalar());
        var statement = new DiscreteLogEqualityStatement(group, group.Generator, h, group.MultiplyBase(x), group.RandomScalar() * h);
        using var witness = new DiscreteLogEqualityWitness(x);
        var ex = Assert.Throws<NexusZeroException>(() => System.Prove(statement, witness, System.ParametersFor(group), []));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, ex.Kind);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Statement_round_trips_and_parsing_is_strict(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var (statement, _) = Make(group);
        var parameters = System.ParametersFor(group);
        var bytes = statement.ToCanonicalBytes();
        Assert.True(System.TryDecodeStatement(bytes, parameters, out var decoded, out _));
        Assert.Equal(statement, decoded);

        Assert.False(System.TryDecodeStatement(bytes[..^1], parameters, out _, out _));
        Assert.False(System.TryDecodeStatement([.. bytes, 0], parameters, out _, out _));
        var wrongGroup = (byte[])bytes.Clone();
        wrongGroup[0] ^= 0x03;
        Assert.False(System.TryDecodeStatement(wrongGroup, parameters, out _, out var error));
        Assert.Contains("group", error);

        // Identity (or no encoding at all on secp256k1) in place of Y.
        var identityY = (byte[])bytes.Clone();
        identityY.AsSpan(1 + 3 * group.ElementLength).Clear();
        Assert.False(System.TryDecodeStatement(identityY, parameters, out _, out _));
        Assert.Throws<ArgumentException>(() => new DiscreteLogEqualityStatement(group, group.Generator, group.Generator, group.Generator, group.Identity));
    }

    [Fact]
    public void Misuse_throws()
    {
        var group = TestGroups.All.First();
        var (statement, x) = Make(group);
        using var witness = new PedersenOpeningWitness(x, x);
        Assert.Throws<ArgumentException>(() => System.Prove(statement, witness, System.ParametersFor(group), []));
        Assert.Throws<ArgumentException>(() => System.Verify(new PedersenOpeningStatement(group, group.Generator), [], System.ParametersFor(group), []));
        Assert.Throws<ArgumentOutOfRangeException>(() => System.SelectDefaultParameters(statement, 0));
        Assert.Equal(NexusZeroErrorKind.OptimizationFailed, Assert.Throws<NexusZeroException>(() => System.SelectDefaultParameters(statement, 192)).Kind);
        Assert.Equal(System.ParametersFor(group), System.SelectDefaultParameters(statement, 128));
    }
}
