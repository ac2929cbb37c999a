using NexusZero.Groups;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.Sigma;

public sealed class CompositionTests
{
    private static readonly SigmaCompositionProofSystem System = SigmaCompositionProofSystem.Instance;

    private static (DiscreteLogStatement Statement, GroupScalar Secret) DLog(IPrimeOrderGroup group)
    {
        var x = group.RandomScalar();
        return (new DiscreteLogStatement(group, group.MultiplyBase(x)), x);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void And_of_different_kinds_proves_and_verifies(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var (dlog, x) = DLog(group);
        var v = group.RandomScalar();
        var r = group.RandomScalar();
        var opening = new PedersenOpeningStatement(group, PedersenGenerators.Commit(v, r));
        var statement = SigmaCompositionStatement.AllOf(dlog, opening);
        var parameters = System.ParametersFor(group);
        using var witness = new SigmaCompositionWitness(new DiscreteLogWitness(x), new PedersenOpeningWitness(v, r));
        var proof = System.Prove(statement, witness, parameters, "and"u8);
        Assert.True(System.Verify(statement, proof, parameters, "and"u8).IsValid);
        Assert.False(System.Verify(statement, proof, parameters, "or"u8).IsValid);
        Assert.False(System.Verify(SigmaCompositionStatement.AllOf(opening, dlog), proof, parameters, "and"u8).IsValid);
        ProofAssertions.EveryChangeRejected(proof, p => System.Verify(statement, p, parameters, "and"u8), bitStride: 8);

        // AND needs every witness.
        using var partial = new SigmaCompositionWitness(new DiscreteLogWitness(x), null);
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => System.Prove(statement, partial, parameters, [])).Kind);
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Or_proves_with_any_single_branch_and_the_proofs_look_alike(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var parts = Enumerable.Range(0, 3).Select(_ => DLog(group)).ToArray();
        var statement = SigmaCompositionStatement.AnyOf([.. parts.Select(p => (Statement)p.Statement)]);
        var parameters = System.ParametersFor(group);
        for (var known = 0; known < parts.Length; known++)
        {
            var slots = new Witness?[parts.Length];
            slots[known] = new DiscreteLogWitness(parts[known].Secret);
            using var witness = new SigmaCompositionWitness(slots);
            var proof = System.Prove(statement, witness, parameters, "or"u8);
            Assert.Equal(2 * group.ScalarLength + 3 * (group.ElementLength + group.ScalarLength), proof.Length);
            Assert.True(System.Verify(statement, proof, parameters, "or"u8).IsValid);
            AssertBranchesVerifyAndChallengesSum(group, statement, parameters, proof, "or"u8.ToArray(), parts.Select(p => p.Statement).ToArray());
        }

        using var none = new SigmaCompositionWitness(null, null, null);
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => System.Prove(statement, none, parameters, [])).Kind);

        var wrongSlots = new Witness?[] { new DiscreteLogWitness(parts[1].Secret), null, null };
        using var wrong = new SigmaCompositionWitness(wrongSlots);
        Assert.Equal(NexusZeroErrorKind.ValidationFailed, Assert.Throws<NexusZeroException>(() => System.Prove(statement, wrong, parameters, [])).Kind);
    }

    /// <summary>
    /// Reads the OR proof by hand: challenges c₀, c₁ listed, c₂ = c − c₀ − c₁ with c from the transcript,
    /// and each branch's Schnorr equation sᵢ·G = Tᵢ + cᵢ·Xᵢ holds on its own.
    /// </summary>
    private static void AssertBranchesVerifyAndChallengesSum(IPrimeOrderGroup group, SigmaCompositionStatement statement, GroupParameterSet parameters, byte[] proof, byte[] context, DiscreteLogStatement[] parts)
    {
        var s = group.ScalarLength;
        var e = group.ElementLength;
        var listed = new List<GroupScalar>();
        for (var i = 0; i < parts.Length - 1; i++)
        {
            Assert.True(group.TryDecodeScalar(proof.AsSpan(i * s, s), out var ci));
            listed.Add(ci);
        }

        var offset = (parts.Length - 1) * s;
        var commitments = new List<GroupElement>();
        var responses = new List<GroupScalar>();
        for (var i = 0; i < parts.Length; i++)
        {
            Assert.True(group.TryDecodeElement(proof.AsSpan(offset, e), out var t));
            Assert.True(group.TryDecodeScalar(proof.AsSpan(offset + e, s), out var z));
            commitments.Add(t);
            responses.Add(z);
            offset += e + s;
        }

        using var transcript = ProofTranscript.Begin(ProofSystemId.SigmaComposition, parameters, statement, context);
        var c = SigmaProtocol.Challenge(transcript, group, commitments);
        var last = c;
        foreach (var ci in listed)
        {
            last -= ci;
        }

        var challenges = listed.Append(last).ToArray();
        var sum = group.ScalarZero;
        foreach (var ci in challenges)
        {
            sum += ci;
        }

        Assert.Equal(c, sum);
        for (var i = 0; i < parts.Length; i++)
        {
            Assert.Equal(group.MultiplyBase(responses[i]), commitments[i] + challenges[i] * parts[i].PublicValue);
        }
    }

    [Theory]
    [MemberData(nameof(TestGroups.Names), MemberType = typeof(TestGroups))]
    public void Nested_or_of_ands_round_trips(string groupName)
    {
        var group = TestGroups.ByName(groupName);
        var (a, xa) = DLog(group);
        var (b, xb) = DLog(group);
        var (c, _) = DLog(group);
        var h = group.MultiplyBase(group.RandomScalar());
        var xd = group.RandomScalar();
        var dleq = new DiscreteLogEqualityStatement(group, group.Generator, h, group.MultiplyBase(xd), xd * h);
        var statement = SigmaCompositionStatement.AnyOf(SigmaCompositionStatement.AllOf(a, b), SigmaCompositionStatement.AllOf(c, dleq));
        Assert.Equal(2, statement.Depth);
        Assert.Equal(4, statement.LeafCount);
        var parameters = System.ParametersFor(group);
        using var witness = new SigmaCompositionWitness(
            new SigmaCompositionWitness(new DiscreteLogWitness(xa), new DiscreteLogWitness(xb)),
            null);
        var proof = System.Prove(statement, witness, parameters, []);
        Assert.True(System.Verify(statement, proof, parameters, []).IsValid);

        Assert.True(System.TryDecodeStatement(statement.ToCanonicalBytes(), parameters, out var decoded, out var error), error);
        Assert.Equal(statement, decoded);
        Assert.True(System.Verify(decoded!, proof, parameters, []).IsValid);

        var bytes = statement.ToCanonicalBytes();
        Assert.False(System.TryDecodeStatement([.. bytes, 0], parameters, out _, out _));
        for (var cut = 1; cut < bytes.Length; cut += 7)
        {
            Assert.False(System.TryDecodeStatement(bytes[..cut], parameters, out _, out _));
        }
    }

    [Fact]
    public void Limits_and_mixing_are_rejected()
    {
        var group = TestGroups.All.First();
        var (a, _) = DLog(group);
        Assert.Throws<ArgumentException>(() => SigmaCompositionStatement.AllOf(a));
        Assert.Throws<ArgumentException>(() => SigmaCompositionStatement.AnyOf(Enumerable.Repeat<Statement>(a, 17).ToArray()));
        Statement deep = SigmaCompositionStatement.AllOf(a, a);
        for (var i = 0; i < 3; i++)
        {
            deep = SigmaCompositionStatement.AllOf(deep, a);
        }

        Assert.Throws<ArgumentException>(() => SigmaCompositionStatement.AllOf(deep, a));
    }
}
