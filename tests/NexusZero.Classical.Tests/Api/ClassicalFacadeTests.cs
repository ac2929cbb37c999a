using NexusZero.Classical.Tests.Sigma;
using NexusZero.Groups;
using NexusZero.Proofs;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.Api;

public sealed class ClassicalFacadeTests
{
    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Every_classical_statement_goes_through_the_facade_and_verifies_from_bytes(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var api = new NexuszeroApi();
        var envelopes = new List<byte[]>();

        var h = group.MultiplyBase(group.RandomScalar());
        envelopes.Add(api.ProveEquality(group.Generator, h, group.RandomScalar(), "eq"u8).ToBytes());

        var v = group.RandomScalar();
        var r = group.RandomScalar();
        var commitment = PedersenGenerators.Commit(v, r);
        envelopes.Add(api.ProveCommitmentOpening(commitment, v, r).ToBytes());

        var x = group.RandomScalar();
        var known = new DiscreteLogStatement(group, group.MultiplyBase(x));
        var unknown = new DiscreteLogStatement(group, group.MultiplyBase(group.RandomScalar()));
        envelopes.Add(api.ProveAnyOf([unknown, known], [null, new DiscreteLogWitness(x)]).ToBytes());
        envelopes.Add(api.ProveAllOf([known, new PedersenOpeningStatement(group, commitment)], [new DiscreteLogWitness(x), new PedersenOpeningWitness(v, r)]).ToBytes());

        var blinding = group.RandomScalar();
        var rangeCommitment = PedersenGenerators.Commit(ConstantTimeGroupOps.ScalarFromUInt64(group, 42), blinding);
        var range = api.ProveRange(rangeCommitment, 42, blinding, 10, 100, bits: 8, context: "range"u8);
        envelopes.Add(range.ToBytes());

        foreach (var envelope in envelopes)
        {
            Assert.True(api.Verify(envelope).IsValid);
            var tampered = (byte[])envelope.Clone();
            tampered[^3] ^= 0x10;
            Assert.False(api.Verify(tampered).IsValid);
        }

        Assert.True(api.Verify(envelopes[^1], RangeStatement.ForBounds(group, rangeCommitment, 10, 100, 8)).IsValid);
        Assert.Equal(VerificationFailure.StatementMismatch, api.Verify(envelopes[^1], RangeStatement.ForBounds(group, rangeCommitment, 0, 100, 8)).Failure);
        Assert.Equal(envelopes.Count, api.Statistics.ProofsGenerated);
    }

    [Fact]
    public void ProveRange_rejects_a_value_outside_the_range_with_a_clear_error()
    {
        var group = TestGroups.All.First();
        var api = new NexuszeroApi();
        var blinding = group.RandomScalar();
        var commitment = PedersenGenerators.Commit(ConstantTimeGroupOps.ScalarFromUInt64(group, 5), blinding);
        var ex = Assert.Throws<NexusZeroException>(() => api.ProveRange(commitment, 5, blinding, 6, 9));
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, ex.Kind);
        Assert.Contains("outside the range [6, 9]", ex.Message);
    }
}
