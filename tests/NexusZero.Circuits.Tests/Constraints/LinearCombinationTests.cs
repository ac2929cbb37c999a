using NexusZero.Circuits;

namespace NexusZero.Circuits.Tests.Constraints;

public sealed class LinearCombinationTests
{
    private static readonly FieldElement Two = FieldElement.FromUInt64(2);
    private static readonly FieldElement Three = FieldElement.FromUInt64(3);

    [Fact]
    public void TermsStaySortedUniqueAndNonZero()
    {
        var lc = LinearCombination.FromVariable(5, Two) + LinearCombination.FromVariable(1, Three) + LinearCombination.FromVariable(5, Three);
        Assert.Equal([new Term(1, Three), new Term(5, FieldElement.FromUInt64(5))], lc.Terms.ToArray());

        var cancelled = lc - LinearCombination.FromVariable(5, FieldElement.FromUInt64(5));
        Assert.Equal([new Term(1, Three)], cancelled.Terms.ToArray());
        Assert.Equal(0, (cancelled - cancelled).TermCount);
        Assert.Equal(0, (lc * FieldElement.Zero).TermCount);
        Assert.Equal(0, LinearCombination.FromVariable(3, FieldElement.Zero).TermCount);
    }

    [Fact]
    public void FromTermsMergesRepeatsInAnyOrder()
    {
        var lc = LinearCombination.FromTerms([new Term(4, Two), new Term(0, Three), new Term(4, -Two), new Term(2, Two)]);
        Assert.Equal([new Term(0, Three), new Term(2, Two)], lc.Terms.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearCombination.FromTerms([new Term(-1, Two)]));
    }

    [Fact]
    public void EvaluatesOnAnAssignment()
    {
        var lc = LinearCombination.Constant(Three) + LinearCombination.FromVariable(2, Two);
        FieldElement[] assignment = [FieldElement.One, FieldElement.FromUInt64(100), FieldElement.FromUInt64(10)];
        Assert.Equal(FieldElement.FromUInt64(23), lc.Evaluate(assignment));
        Assert.Throws<ArgumentException>(() => LinearCombination.FromVariable(3, Two).Evaluate(assignment));
    }
}
