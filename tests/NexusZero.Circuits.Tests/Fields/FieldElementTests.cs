using NexusZero.Circuits;

namespace NexusZero.Circuits.Tests.Fields;

public sealed class FieldElementTests
{
    private const string Modulus = "21888242871839275222246405745257275088548364400416034343698204186575808495617";
    private const string ModulusHex = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001";

    [Theory]
    [InlineData("0", "0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("1", "0x0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("255", "0x00000000000000000000000000000000000000000000000000000000000000ff")]
    [InlineData("21888242871839275222246405745257275088548364400416034343698204186575808495616", "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000")]
    public void DecimalAndHexRoundTrip(string decimalText, string hex)
    {
        var fromDecimal = FieldElement.Parse(decimalText);
        var fromHex = FieldElement.Parse(hex);
        Assert.Equal(fromDecimal, fromHex);
        Assert.Equal(decimalText, fromDecimal.ToString());
        Assert.Equal(hex, fromDecimal.ToHexString());
        Assert.Equal(fromDecimal, FieldElement.Parse("0X" + hex[2..].TrimStart('0').PadLeft(1, '0')));
    }

    [Theory]
    [InlineData(Modulus)]
    [InlineData(ModulusHex)]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("0x")]
    [InlineData("12a")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("0x1g")]
    [InlineData("0x10000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("1.5")]
    [InlineData("١٢")]
    public void ParseRefusesNonCanonicalOrMalformedText(string text)
    {
        Assert.False(FieldElement.TryParse(text, out _));
        Assert.Throws<FormatException>(() => FieldElement.Parse(text));
    }

    [Fact]
    public void NegativeDecimalMeansModulusMinusValue()
    {
        Assert.Equal(-FieldElement.FromUInt64(5), FieldElement.Parse("-5"));
        Assert.Equal("21888242871839275222246405745257275088548364400416034343698204186575808495612", FieldElement.Parse("-5").ToString());
        Assert.Equal(FieldElement.Parse("-5"), FieldElement.FromInt64(-5));
        Assert.Equal(FieldElement.Zero, FieldElement.FromInt64(long.MinValue) + FieldElement.FromUInt64(1UL << 63));
    }

    [Fact]
    public void EncodingsRoundTripAndAreReverses()
    {
        var random = TestRandom.Create();
        for (var i = 0; i < 50; i++)
        {
            var x = TestRandom.Element(random);
            var big = x.ToBigEndianBytes();
            var little = x.ToLittleEndianBytes();
            Assert.Equal(big.Reverse().ToArray(), little);
            Assert.Equal(x, FieldElement.FromBigEndian(big));
            Assert.Equal(x, FieldElement.FromLittleEndian(little));
            Assert.Equal(x, FieldElement.Parse(x.ToString()));
            Assert.Equal(x, FieldElement.Parse(x.ToHexString()));
        }
    }

    [Fact]
    public void EncodingsRefuseTheModulusAndAbove()
    {
        var modulus = Convert.FromHexString(ModulusHex[2..]);
        Assert.False(FieldElement.TryFromBigEndian(modulus, out _));
        Assert.False(FieldElement.TryFromLittleEndian(modulus.Reverse().ToArray(), out _));
        Assert.Throws<FormatException>(() => FieldElement.FromBigEndian(Enumerable.Repeat((byte)0xff, 32).ToArray()));
        modulus[^1]--;
        Assert.True(FieldElement.TryFromBigEndian(modulus, out var max));
        Assert.Equal(-FieldElement.One, max);
        Assert.Throws<ArgumentException>(() => FieldElement.FromLittleEndian(new byte[31]));
        Assert.Throws<ArgumentException>(() => FieldElement.One.WriteBigEndian(new byte[31]));
    }

    [Fact]
    public void ArithmeticFollowsFieldLaws()
    {
        var random = TestRandom.Create(2);
        for (var i = 0; i < 30; i++)
        {
            var a = TestRandom.Element(random);
            var b = TestRandom.Element(random);
            var c = TestRandom.Element(random);
            Assert.Equal(a * (b + c), (a * b) + (a * c));
            Assert.Equal(a, a - b + b);
            Assert.Equal(FieldElement.Zero, a + -a);
            Assert.Equal(a.Square(), a * a);
            if (!b.IsZero)
            {
                Assert.Equal(FieldElement.One, b * b.InverseOrZero());
                Assert.Equal(a, a / b * b);
            }
        }

        Assert.Equal(FieldElement.Zero, FieldElement.Zero.InverseOrZero());
        Assert.Throws<DivideByZeroException>(() => FieldElement.One / FieldElement.Zero);
        Assert.Equal(FieldElement.FromUInt64(6), FieldElement.FromUInt64(2) * FieldElement.FromUInt64(3));
        Assert.Equal(FieldElement.Parse("7237005577332262213973186563042994240829374041602535252466099000494570602496"), FieldElement.PowerOfTwo(252));
    }
}
