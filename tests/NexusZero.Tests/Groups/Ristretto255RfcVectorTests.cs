using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Tests.Groups;

/// <summary>RFC 9496 Appendix A vectors: generator multiples, invalid encodings, element derivation.</summary>
public sealed class Ristretto255RfcVectorTests
{
    private static readonly Ristretto255Group Group = Ristretto255Group.Instance;

    public static TheoryData<int, string> GeneratorMultiples()
    {
        var data = new TheoryData<int, string>();
        foreach (var fields in RistrettoTestData.ReadVectorFile("ristretto255-generator-multiples.txt"))
        {
            data.Add(int.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture), fields[1]);
        }

        return data;
    }

    public static TheoryData<string, string> InvalidEncodings()
    {
        var data = new TheoryData<string, string>();
        foreach (var fields in RistrettoTestData.ReadVectorFile("ristretto255-invalid-encodings.txt"))
        {
            data.Add(fields[0], fields[1]);
        }

        return data;
    }

    public static TheoryData<string, string> ElementDerivation()
    {
        var data = new TheoryData<string, string>();
        foreach (var fields in RistrettoTestData.ReadVectorFile("ristretto255-element-derivation.txt"))
        {
            data.Add(fields[0], fields[1]);
        }

        return data;
    }

    [Fact]
    public void VectorFilesHaveTheRfcCounts()
    {
        Assert.Equal(16, GeneratorMultiples().Count);
        Assert.Equal(29, InvalidEncodings().Count);
        Assert.Equal(11, ElementDerivation().Count);
    }

    [Theory]
    [MemberData(nameof(GeneratorMultiples))]
    public void MultiplesOfTheGeneratorEncodeAsTheRfcSays(int k, string expectedHex)
    {
        var expected = Convert.FromHexString(expectedHex);
        var kScalar = new Ristretto255Scalar(Scalar.FromUInt64((ulong)k));

        var sum = Group.Identity;
        for (int i = 0; i < k; i++)
        {
            sum += Group.Generator;
        }

        Assert.Equal(expected, sum.ToBytes());
        Assert.Equal(expected, Group.MultiplyBase(kScalar).ToBytes());
        Assert.Equal(expected, (kScalar * Group.Generator).ToBytes());
        Assert.Equal(expected, Group.Generator.MultiplyVarTime(kScalar).ToBytes());
        var generatorCopy = Group.DecodeElement(Group.Generator.ToBytes());
        Assert.Equal(expected, (kScalar * generatorCopy).ToBytes());
        Assert.Equal(expected, generatorCopy.MultiplyVarTime(kScalar).ToBytes());

        Assert.True(Group.TryDecodeElement(expected, out var decoded));
        Assert.Equal(expected, decoded.ToBytes());
        Assert.Equal(sum, decoded);
        Assert.Equal(k == 0, decoded.IsIdentity);
    }

    [Theory]
    [MemberData(nameof(InvalidEncodings))]
    public void InvalidEncodingsAreRejected(string reason, string hex)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.False(Group.TryDecodeElement(bytes, out var element), reason);
        Assert.Null(element);
        Assert.Throws<FormatException>(() => Group.DecodeElement(bytes));
    }

    [Theory]
    [MemberData(nameof(ElementDerivation))]
    public void ElementDerivationMatchesTheRfc(string inputHex, string outputHex)
    {
        var element = Group.ElementFromUniformBytes(Convert.FromHexString(inputHex));
        Assert.Equal(outputHex, Convert.ToHexStringLower(element.ToBytes()));
    }

    [Fact]
    public void TheGeneratorHasOrderEll()
    {
        // ℓ·B = 0 computed as (ℓ − 1)·B + B, since ℓ itself is not a canonical scalar.
        var ellMinusOne = (Ristretto255Scalar)(-Group.ScalarOne);
        var almost = Group.MultiplyBase(ellMinusOne);
        Assert.True((almost + Group.Generator).IsIdentity);
        Assert.Equal(-Group.Generator, almost);
    }
}
