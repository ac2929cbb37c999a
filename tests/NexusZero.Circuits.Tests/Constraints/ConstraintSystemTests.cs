using NexusZero.Circuits;

namespace NexusZero.Circuits.Tests.Constraints;

public sealed class ConstraintSystemTests
{
    private static LinearCombination W(int index, long coefficient = 1) => LinearCombination.FromVariable(index, FieldElement.FromInt64(coefficient));

    /// <summary>Wires: one, out, in, private; out = in · private and private + 5 = −out.</summary>
    private static ConstraintSystem Sample() => new(1, 1, 1,
    [
        new Constraint(W(2), W(3), W(1), "mul"),
        new Constraint(W(3) + W(0, 5), W(0), W(1, -1), "affine"),
    ]);

    [Fact]
    public void CountsFollowTheLayout()
    {
        var system = Sample();
        Assert.Equal(4, system.VariableCount);
        Assert.Equal(2, system.PublicCount);
        Assert.Equal(1, system.PrivateCount);
        Assert.Equal(2, system.ConstraintCount);
    }

    [Fact]
    public void DigestMatchesAnIndependentComputationOfTheDocumentedEncoding()
    {
        // Computed with Python's hashlib over the layout in docs/formats.md ("R1CS digest").
        Assert.Equal("74d7a56f3015c31ec4b9e4abb268a4a2b56c9fb054ff9fe93d0909025a9ba088", Convert.ToHexStringLower(Sample().ComputeDigest()));
    }

    [Fact]
    public void DigestIgnoresNamesAndSeesEveryCoefficient()
    {
        var renamed = new ConstraintSystem(1, 1, 1, Sample().Constraints.Select(c => c with { Name = "other" }));
        Assert.Equal(Sample().ComputeDigest(), renamed.ComputeDigest());
        var changed = new ConstraintSystem(1, 1, 1, [Sample().Constraints[0], Sample().Constraints[1] with { A = W(3) + W(0, 6) }]);
        Assert.NotEqual(Sample().ComputeDigest(), changed.ComputeDigest());
        var relaid = new ConstraintSystem(0, 2, 1, Sample().Constraints);
        Assert.NotEqual(Sample().ComputeDigest(), relaid.ComputeDigest());
    }

    [Fact]
    public void IsSatisfiedReportsTheFirstFailingConstraint()
    {
        var system = Sample();
        // private = 7, so out = −12 and in = out / 7.
        FieldElement[] good = [FieldElement.One, FieldElement.FromInt64(-12), FieldElement.FromInt64(-12) / FieldElement.FromUInt64(7), FieldElement.FromUInt64(7)];
        Assert.True(system.IsSatisfied(good).IsSatisfied);

        var badMul = (FieldElement[])good.Clone();
        badMul[2] += FieldElement.One;
        var result = system.IsSatisfied(badMul);
        Assert.False(result.IsSatisfied);
        Assert.Equal(0, result.FailingConstraintIndex);
        Assert.Equal("mul", result.FailingConstraintName);

        var badAffine = (FieldElement[])good.Clone();
        badAffine[1] = FieldElement.FromInt64(-14);
        badAffine[2] = badAffine[1] / good[3];
        Assert.Equal(1, system.IsSatisfied(badAffine).FailingConstraintIndex);
        Assert.Equal("affine", system.IsSatisfied(badAffine).FailingConstraintName);

        var badOne = (FieldElement[])good.Clone();
        badOne[0] = FieldElement.FromUInt64(2);
        Assert.False(system.IsSatisfied(badOne).IsSatisfied);
        Assert.Null(system.IsSatisfied(badOne).FailingConstraintIndex);

        Assert.Throws<ArgumentException>(() => system.IsSatisfied(good.AsSpan(0, 3)));
    }

    [Fact]
    public void ConstructorRefusesUndeclaredVariables()
    {
        Assert.Throws<ArgumentException>(() => new ConstraintSystem(1, 1, 1, [new Constraint(W(4), W(0), W(0))]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstraintSystem(-1, 0, 0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstraintSystem(int.MaxValue, 1, 0, []));
    }
}
