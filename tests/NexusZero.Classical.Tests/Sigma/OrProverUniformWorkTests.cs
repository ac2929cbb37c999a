using NexusZero.Classical.Tests.TestDoubles;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;
using NexusZero.Transcripts;

namespace NexusZero.Classical.Tests.Sigma;

/// <summary>
/// Issue #12: the OR prover must do the same work whichever branch it knows. Wall time is noisy, so the
/// test counts group operations through <see cref="CountingGroup"/> and requires identical counts.
/// </summary>
public sealed class OrProverUniformWorkTests
{
    [Fact]
    public void OrOfDlogAndLinear8CostsTheSameWhicheverBranchIsKnown()
    {
        var group = new CountingGroup(Ristretto255Group.Instance);
        (Statement statement, Witness dlogWitness, Witness linearWitness) = DlogOrLinear(group, 8);

        IReadOnlyDictionary<string, long> knowingDlog = CountProof(group, statement, new SigmaCompositionWitness(dlogWitness, null));
        IReadOnlyDictionary<string, long> knowingLinear = CountProof(group, statement, new SigmaCompositionWitness(null, linearWitness));
        IReadOnlyDictionary<string, long> knowingBoth = CountProof(group, statement, new SigmaCompositionWitness(dlogWitness, linearWitness));

        Assert.True(knowingDlog.GetValueOrDefault("Element.Multiply") + knowingDlog.GetValueOrDefault("MultiplyBase") > 20, "the counter saw the prover's work");
        Assert.Equal(Describe(knowingDlog), Describe(knowingLinear));
        Assert.Equal(Describe(knowingDlog), Describe(knowingBoth));
    }

    [Fact]
    public void NestedAndInsideOrCostsTheSameWhicheverBranchIsKnown()
    {
        var group = new CountingGroup(Ristretto255Group.Instance);
        (Statement left, Witness leftWitness, Witness linearWitness) = DlogOrLinear(group, 3);
        using GroupScalar x = group.RandomScalar();
        var dlog = new DiscreteLogStatement(group, group.Generator, group.MultiplyBase(x));
        Statement and = SigmaCompositionStatement.AllOf(dlog, SigmaCompositionStatement.AnyOf(left, dlog));
        Statement statement = SigmaCompositionStatement.AnyOf(and, dlog);
        var dlogWitness = new DiscreteLogWitness(x);

        var knowingAnd = CountProof(group, statement, new SigmaCompositionWitness(
            new SigmaCompositionWitness(dlogWitness, new SigmaCompositionWitness(new SigmaCompositionWitness(null, linearWitness), null)), null));
        var knowingRight = CountProof(group, statement, new SigmaCompositionWitness(null, dlogWitness));

        Assert.Equal(Describe(knowingAnd), Describe(knowingRight));
        GC.KeepAlive(leftWitness);
    }

    private static IReadOnlyDictionary<string, long> CountProof(CountingGroup group, Statement statement, Witness witness)
    {
        SigmaNode root = SigmaRelations.Node(statement);
        var leafWitnesses = new List<GroupScalar[]?>();
        SigmaRelations.LeafWitnesses(statement, witness, leafWitnesses);
        using var transcript = new Transcript("or-uniform-work-test"u8);
        group.Reset();
        byte[] proof = SigmaTreeProver.Prove(transcript, group, root, leafWitnesses);
        Assert.Equal(root.ProofLength, proof.Length);
        return group.Counts;
    }

    private static (Statement Statement, Witness Dlog, Witness Linear) DlogOrLinear(CountingGroup group, int terms)
    {
        using GroupScalar x = group.RandomScalar();
        var dlog = new DiscreteLogStatement(group, group.Generator, group.MultiplyBase(x));
        GroupElement h = PedersenGenerators.BlindingBase(group);
        var values = new GroupScalar[terms];
        var blindings = new GroupScalar[terms];
        var coefficients = new GroupScalar[terms];
        var commitments = new GroupElement[terms];
        GroupScalar constant = group.ScalarZero;
        for (int i = 0; i < terms; i++)
        {
            values[i] = group.RandomScalar();
            blindings[i] = group.RandomScalar();
            coefficients[i] = group.RandomScalar();
            commitments[i] = group.MultiplyBase(values[i]) + (blindings[i] * h);
            constant += coefficients[i] * values[i];
        }

        var linear = new LinearRelationStatement(group, commitments, coefficients, constant);
        return (SigmaCompositionStatement.AnyOf(dlog, linear), new DiscreteLogWitness(x), new LinearRelationWitness(values, blindings));
    }

    private static string Describe(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
