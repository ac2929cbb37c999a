using NexusZero.Circuits;
using NexusZero.Cli.Commands;

namespace NexusZero.Inference.Tests.Cli;

/// <summary>How `inspect` reads a circuit's public values as signed integers, at the edges of the range.</summary>
public sealed class SignedFieldValueTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-1L)]
    [InlineData(-91L)]
    [InlineData(long.MaxValue)]
    [InlineData(-long.MaxValue)]
    public void SmallValuesAndTheirNegationsReadBack(long value)
    {
        Assert.True(SignedFieldValue.TryGetInt64(FieldElement.FromInt64(value), out var read));
        Assert.Equal(value, read);
    }

    [Fact]
    public void ValuesOf63BitsOrMoreEitherWayAreNotIntegers()
    {
        var twoTo63 = FieldElement.PowerOfTwo(63);
        Assert.False(SignedFieldValue.TryGetInt64(twoTo63, out _));
        Assert.False(SignedFieldValue.TryGetInt64(-twoTo63, out _));
        Assert.False(SignedFieldValue.TryGetInt64(FieldElement.PowerOfTwo(128) + FieldElement.One, out _));
        Assert.True(SignedFieldValue.TryGetInt64(twoTo63 - FieldElement.One, out var max));
        Assert.Equal(long.MaxValue, max);
    }
}
