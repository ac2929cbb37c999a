using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using static NexusZero.Tests.Groups.RistrettoTestData;

namespace NexusZero.Tests.Groups;

/// <summary>Group laws and agreement of every multiplication path (constant time, var time, MSM, naive).</summary>
public sealed class Ristretto255PointTests
{
    private static readonly Ristretto255Group Group = Ristretto255Group.Instance;

    private static GroupElement RandomElement(Random random) => Group.ElementFromUniformBytes(RandomBytes(random, 64));

    [Fact]
    public void GroupLawsHold()
    {
        var random = NewRandom(20);
        for (int i = 0; i < 30; i++)
        {
            var p = RandomElement(random);
            var q = RandomElement(random);
            var r = RandomElement(random);
            Assert.Equal((p + q) + r, p + (q + r));
            Assert.Equal(p + q, q + p);
            Assert.Equal(p, p + Group.Identity);
            Assert.True((p - p).IsIdentity);
            Assert.True((p + (-p)).IsIdentity);
            Assert.Equal(p - q, p + (-q));
            Assert.Equal(p + p, new Ristretto255Element(((Ristretto255Element)p).Point.Double()));
            Assert.False(p.IsIdentity);
        }
    }

    [Fact]
    public void ScalarMultiplicationDistributes()
    {
        var random = NewRandom(21);
        for (int i = 0; i < 20; i++)
        {
            var p = RandomElement(random);
            var q = RandomElement(random);
            var a = Group.RandomScalar();
            var b = Group.RandomScalar();
            Assert.Equal((a + b) * p, (a * p) + (b * p));
            Assert.Equal(a * (p + q), (a * p) + (a * q));
            Assert.Equal((a * b) * p, a * (b * p));
            Assert.Equal(Group.MultiplyBase(a * b), a * Group.MultiplyBase(b));
            Assert.True((Group.ScalarZero * p).IsIdentity);
            Assert.Equal(p, Group.ScalarOne * p);
            Assert.Equal(-p, (-Group.ScalarOne) * p);
        }
    }

    [Fact]
    public void AllMultiplicationPathsAgree()
    {
        var random = NewRandom(22);
        var generatorCopy = Group.DecodeElement(Group.Generator.ToBytes());
        for (int i = 0; i < 40; i++)
        {
            var p = RandomElement(random);
            var k = (Ristretto255Scalar)Group.ScalarFromUniformBytes(RandomBytes(random, 64));
            var expected = (k * p).ToBytes();
            Assert.Equal(expected, p.MultiplyVarTime(k).ToBytes());
            Assert.Equal(expected, Group.MultiScalarMultiplyVarTime([k], [p]).ToBytes());

            var baseExpected = Group.MultiplyBase(k).ToBytes();
            Assert.Equal(baseExpected, (k * generatorCopy).ToBytes());
            Assert.Equal(baseExpected, generatorCopy.MultiplyVarTime(k).ToBytes());
            Assert.Equal(baseExpected, Group.Generator.MultiplyVarTime(k).ToBytes());
            Assert.Equal(baseExpected, Group.MultiScalarMultiplyVarTime([k], [Group.Generator]).ToBytes());
        }
    }

    [Fact]
    public void SmallAndEdgeScalarsMultiplyCorrectly()
    {
        var random = NewRandom(23);
        var p = RandomElement(random);
        var naive = Group.Identity;
        for (int k = 0; k < 40; k++)
        {
            var s = new Ristretto255Scalar(Scalar.FromUInt64((ulong)k));
            Assert.Equal(naive, s * p);
            Assert.Equal(naive, p.MultiplyVarTime(s));
            naive += p;
        }

        var minusOne = -Group.ScalarOne;
        Assert.Equal(-p, minusOne * p);
        Assert.Equal(-p, p.MultiplyVarTime(minusOne));
        Assert.Equal(-Group.Generator, Group.MultiplyBase(minusOne));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(130)]
    [InlineData(170)]
    [InlineData(520)]
    public void MultiScalarMultiplicationMatchesTheNaiveSum(int n)
    {
        var random = NewRandom(100 + n);
        var scalars = new GroupScalar[n];
        var elements = new GroupElement[n];
        var naive = Group.Identity;
        for (int i = 0; i < n; i++)
        {
            scalars[i] = Group.ScalarFromUniformBytes(RandomBytes(random, 64));
            elements[i] = i % 5 == 3 ? Group.Generator : RandomElement(random);
            naive += scalars[i] * elements[i];
        }

        Assert.Equal(naive, Group.MultiScalarMultiplyVarTime(scalars, elements));

        var ks = scalars.Select(s => ((Ristretto255Scalar)s).Value).ToArray();
        var ps = elements.Select(e => ((Ristretto255Element)e).Point).ToArray();
        var straus = new Ristretto255Element(MultiScalarMultiplication.Straus(ks, ps, null));
        var pippenger = new Ristretto255Element(MultiScalarMultiplication.Pippenger(ks, ps));
        Assert.Equal(naive, straus);
        Assert.Equal(naive, pippenger);
    }

    [Fact]
    public void MultiScalarMultiplicationWithBaseTermMatches()
    {
        var random = NewRandom(30);
        foreach (int n in new[] { 0, 1, 3, 70, MultiScalarMultiplication.PippengerThreshold + 5 })
        {
            var ks = new Scalar[n];
            var ps = new EdwardsPoint[n];
            var expected = Group.Identity;
            for (int i = 0; i < n; i++)
            {
                ks[i] = Scalar.FromBytesModOrderWide(RandomBytes(random, 64));
                ps[i] = RistrettoEncoding.FromUniformBytes(RandomBytes(random, 64));
                expected += new Ristretto255Scalar(ks[i]) * new Ristretto255Element(ps[i]);
            }

            var b = Scalar.FromBytesModOrderWide(RandomBytes(random, 64));
            expected += Group.MultiplyBase(new Ristretto255Scalar(b));
            Assert.Equal(expected, new Ristretto255Element(MultiScalarMultiplication.MultiplyVarTime(b, ks, ps)));
        }
    }

    [Fact]
    public void MultiScalarMultiplicationRejectsMismatchedLengths()
    {
        Assert.Throws<ArgumentException>(() => Group.MultiScalarMultiplyVarTime([Group.ScalarOne], []));
        Assert.Throws<ArgumentException>(() => MultiScalarMultiplication.MultiplyVarTime([Scalar.One], []));
    }

    [Fact]
    public void EqualityIgnoresTheTorsionRepresentative()
    {
        // Adding a 4-torsion point changes the Edwards representative but not the ristretto255 element.
        var random = NewRandom(24);
        var p = (Ristretto255Element)RandomElement(random);
        var torsion = new EdwardsPoint(FieldElement.SqrtM1, FieldElement.Zero, FieldElement.One, FieldElement.Zero);
        var shifted = new Ristretto255Element(p.Point.Add(torsion));
        Assert.Equal(p, shifted);
        Assert.Equal(p.ToBytes(), shifted.ToBytes());
        Assert.Equal(p.GetHashCode(), shifted.GetHashCode());
        Assert.NotEqual(p, new Ristretto255Element(p.Point.Add(EdwardsPoint.BasePoint)));
    }

    [Fact]
    public void EncodingRoundTripsAndEveryBitFlipIsRejectedOrDifferent()
    {
        var random = NewRandom(25);
        for (int i = 0; i < 20; i++)
        {
            var p = RandomElement(random);
            var bytes = p.ToBytes();
            Assert.Equal(p, Group.DecodeElement(bytes));
            for (int bit = 0; bit < 256; bit += 7)
            {
                var flipped = (byte[])bytes.Clone();
                flipped[bit / 8] ^= (byte)(1 << (bit % 8));
                if (Group.TryDecodeElement(flipped, out var other))
                {
                    Assert.NotEqual(p, other);
                    Assert.Equal(flipped, other.ToBytes());
                }
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void WrongLengthElementsAreRejected(int length)
    {
        Assert.False(Group.TryDecodeElement(new byte[length], out _));
        Assert.Throws<ArgumentException>(() => Group.ElementFromUniformBytes(new byte[length]));
    }

    [Fact]
    public void EncodeIntoTooSmallBufferIsMisuse()
    {
        Assert.Throws<ArgumentException>(() => Group.Generator.Encode(new byte[31]));
        Assert.Throws<ArgumentException>(() => Group.ScalarOne.Encode(new byte[31]));
    }

    [Fact]
    public void GroupMetadataAndLookup()
    {
        Assert.Same(Group, PrimeOrderGroups.Get(GroupId.Ristretto255));
        Assert.True(PrimeOrderGroups.TryGet(GroupId.Ristretto255, out var g));
        Assert.Same(Group, g);
        Assert.False(PrimeOrderGroups.TryGet((GroupId)0, out _));
        Assert.Throws<ArgumentException>(() => PrimeOrderGroups.Get((GroupId)200));
        Assert.Equal("ristretto255", Group.Name);
        Assert.Equal(32, Group.ScalarLength);
        Assert.Equal(32, Group.ElementLength);
        Assert.True(Group.Identity.IsIdentity);
        Assert.Equal(new byte[32], Group.Identity.ToBytes());
        Assert.Equal("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76", Group.Generator.ToString());
    }
}
