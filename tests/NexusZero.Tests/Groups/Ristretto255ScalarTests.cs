using System.Numerics;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using static NexusZero.Tests.Groups.RistrettoTestData;

namespace NexusZero.Tests.Groups;

/// <summary>Scalars mod ℓ: canonical decoding, wide reduction and arithmetic against BigInteger.</summary>
public sealed class Ristretto255ScalarTests
{
    private static readonly Ristretto255Group Group = Ristretto255Group.Instance;

    private static BigInteger Value(GroupScalar s) => ToBigInteger(s.ToBytes());

    private static Ristretto255Scalar FromBig(BigInteger v) => Group.DecodeScalar(ToBytes(Mod(v, L), 32));

    public static TheoryData<string> NonCanonical() => new()
    {
        Convert.ToHexString(ToBytes(L, 32)),
        Convert.ToHexString(ToBytes(L + 1, 32)),
        Convert.ToHexString(ToBytes(L + L, 32)),
        Convert.ToHexString(ToBytes((BigInteger.One << 253) - 1, 32)),
        Convert.ToHexString(ToBytes((BigInteger.One << 255), 32)),
        Convert.ToHexString(ToBytes((BigInteger.One << 256) - 1, 32)),
    };

    [Theory]
    [MemberData(nameof(NonCanonical))]
    public void NonCanonicalScalarsAreRejected(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.False(Group.TryDecodeScalar(bytes, out var scalar));
        Assert.Null(scalar);
        Assert.Throws<FormatException>(() => Group.DecodeScalar(bytes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void WrongLengthScalarsAreRejected(int length)
    {
        Assert.False(Group.TryDecodeScalar(new byte[length], out _));
    }

    [Fact]
    public void BoundaryScalarsRoundTrip()
    {
        foreach (var v in new[] { BigInteger.Zero, BigInteger.One, L - 1, L - 2, (BigInteger.One << 252) })
        {
            var bytes = ToBytes(v, 32);
            Assert.True(Group.TryDecodeScalar(bytes, out var s));
            Assert.Equal(bytes, s.ToBytes());
        }
    }

    [Fact]
    public void WideReductionMatchesBigInteger()
    {
        var random = NewRandom(1);
        var inputs = new List<byte[]> { new byte[64], Enumerable.Repeat((byte)0xff, 64).ToArray(), ToBytes(L, 64), ToBytes(L * L, 64) };
        for (int i = 0; i < 300; i++)
        {
            inputs.Add(RandomBytes(random, 64));
        }

        foreach (var wide in inputs)
        {
            var expected = ToBigInteger(wide) % L;
            Assert.Equal(expected, Value(Group.ScalarFromUniformBytes(wide)));
            Assert.Equal(ToBigInteger(wide[..32]) % L, ToBigInteger(Group.ScalarFromUniformBytes([.. wide[..32], .. new byte[32]]).ToBytes()));
        }
    }

    [Fact]
    public void ReductionOf32BytesMatchesBigInteger()
    {
        var random = NewRandom(2);
        for (int i = 0; i < 200; i++)
        {
            var bytes = RandomBytes(random, 32);
            var s = Scalar.FromBytesModOrder(bytes);
            var encoded = new byte[32];
            s.Encode(encoded);
            Assert.Equal(ToBigInteger(bytes) % L, ToBigInteger(encoded));
        }
    }

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(0)]
    public void WideReductionNeeds64Bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => Group.ScalarFromUniformBytes(new byte[length]));
    }

    [Fact]
    public void ArithmeticMatchesBigInteger()
    {
        var random = NewRandom(3);
        var specials = new[] { BigInteger.Zero, BigInteger.One, L - 1, L - 2, (L - 1) / 2 };
        var values = specials.Concat(Enumerable.Range(0, 200).Select(_ => ToBigInteger(RandomBytes(random, 64)) % L)).ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            var a = values[i];
            var b = values[(i * 7 + 3) % values.Length];
            var sa = FromBig(a);
            var sb = FromBig(b);
            Assert.Equal(Mod(a + b, L), Value(sa + sb));
            Assert.Equal(Mod(a - b, L), Value(sa - sb));
            Assert.Equal(Mod(a * b, L), Value(sa * sb));
            Assert.Equal(Mod(-a, L), Value(-sa));
            if (!a.IsZero)
            {
                Assert.Equal(BigInteger.ModPow(a, L - 2, L), Value(sa.Invert()));
                Assert.True((sa * sa.Invert()).Equals(Group.ScalarOne));
            }
        }
    }

    [Fact]
    public void AlgebraicLawsHold()
    {
        for (int i = 0; i < 50; i++)
        {
            var a = Group.RandomScalar();
            var b = Group.RandomScalar();
            var c = Group.RandomScalar();
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), (a * b) + (a * c));
            Assert.Equal(a + b, b + a);
            Assert.Equal(a * b, b * a);
            Assert.True((a - a).IsZero);
            Assert.Equal(a, a * Group.ScalarOne);
            Assert.Equal(a, a + Group.ScalarZero);
            Assert.False(a.IsZero);
        }
    }

    [Fact]
    public void ZeroHasNoInverse()
    {
        Assert.Throws<InvalidOperationException>(() => Group.ScalarZero.Invert());
    }

    [Fact]
    public void DisposeZeroesTheScalar()
    {
        var s = Group.RandomScalar();
        s.Dispose();
        Assert.True(s.IsZero);
    }

    [Fact]
    public void EqualityIsByValueAndHashDoesNotLeakTheValue()
    {
        var a = Group.RandomScalar();
        var b = Group.DecodeScalar(a.ToBytes());
        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), Group.ScalarOne.GetHashCode());
        Assert.False(a.Equals(a + Group.ScalarOne));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void RecodingsRecomposeToTheScalar()
    {
        var random = NewRandom(4);
        Span<sbyte> radix16 = stackalloc sbyte[64];
        Span<sbyte> naf = stackalloc sbyte[256];
        Span<short> radix2w = stackalloc short[64];
        for (int i = 0; i < 100; i++)
        {
            var bytes = i == 0 ? ToBytes(L - 1, 32) : ToBytes(ToBigInteger(RandomBytes(random, 64)) % L, 32);
            Assert.Equal(1UL, Scalar.TryFromCanonicalBytes(bytes, out var s));
            var expected = ToBigInteger(bytes);

            s.ToRadix16(radix16);
            BigInteger sum = 0;
            for (int j = 63; j >= 0; j--)
            {
                Assert.InRange(radix16[j], -8, 8);
                sum = (sum * 16) + radix16[j];
            }

            Assert.Equal(expected, sum);

            foreach (int width in new[] { 5, 8 })
            {
                s.ToNonAdjacentForm(naf, width);
                sum = 0;
                for (int j = 255; j >= 0; j--)
                {
                    Assert.True(naf[j] == 0 || (naf[j] % 2 != 0 && Math.Abs((int)naf[j]) < (1 << (width - 1))));
                    sum = (sum * 2) + naf[j];
                }

                Assert.Equal(expected, sum);
            }

            for (int c = 5; c <= 8; c++)
            {
                int count = Scalar.SignedRadix2WLength(c);
                s.ToSignedRadix2W(radix2w, c);
                sum = 0;
                for (int j = count - 1; j >= 0; j--)
                {
                    Assert.InRange(radix2w[j], -(1 << (c - 1)), 1 << (c - 1));
                    sum = (sum << c) + radix2w[j];
                }

                Assert.Equal(expected, sum);
            }
        }
    }

    [Fact]
    public void ScalarsOfAnotherGroupAreRefused()
    {
        var foreign = new ForeignScalar();
        Assert.Throws<ArgumentException>(() => Group.ScalarOne + foreign);
        Assert.Throws<ArgumentException>(() => Group.MultiplyBase(foreign));
    }

    private sealed class ForeignScalar : GroupScalar
    {
        public override IPrimeOrderGroup Group => Ristretto255Group.Instance;

        public override bool IsZero => false;

        public override GroupScalar Add(GroupScalar other) => this;

        public override GroupScalar Subtract(GroupScalar other) => this;

        public override GroupScalar Multiply(GroupScalar other) => this;

        public override GroupScalar Negate() => this;

        public override GroupScalar Invert() => this;

        public override void Encode(Span<byte> destination) => destination.Clear();

        public override bool Equals(GroupScalar? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => 0;

        protected override void Dispose(bool disposing)
        {
        }
    }
}
