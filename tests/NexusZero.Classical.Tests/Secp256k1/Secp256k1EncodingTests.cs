using NexusZero.Groups;
using NexusZero.Groups.Secp256k1;
using static NexusZero.Classical.Tests.Secp256k1.BigIntegerReference;

namespace NexusZero.Classical.Tests.Secp256k1;

public sealed class Secp256k1EncodingTests
{
    private static readonly Secp256k1Group Group = Secp256k1Group.Instance;

    private static byte[] Compressed(byte prefix, System.Numerics.BigInteger x)
    {
        var bytes = new byte[33];
        bytes[0] = prefix;
        ToBigEndian(x).CopyTo(bytes, 1);
        return bytes;
    }

    [Fact]
    public void Round_trips_random_points()
    {
        for (var i = 0; i < 50; i++)
        {
            var point = Group.MultiplyBase(Group.RandomScalar());
            var bytes = point.ToBytes();
            Assert.Equal(33, bytes.Length);
            Assert.True(Group.TryDecodeElement(bytes, out var decoded));
            Assert.Equal(point, decoded);
            Assert.Equal(bytes, decoded.ToBytes());
            Assert.Equal(point.GetHashCode(), decoded.GetHashCode());
        }
    }

    [Fact]
    public void Identity_has_no_encoding_and_is_never_decoded()
    {
        Assert.Throws<InvalidOperationException>(() => Group.Identity.ToBytes());
        Assert.False(Group.TryDecodeElement(new byte[33], out _));
        Assert.False(Group.TryDecodeElement([0x00], out _));
        var zeroX = new byte[33];
        zeroX[0] = 0x02;
        Assert.False(Group.TryDecodeElement(zeroX, out _));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x01)]
    [InlineData(0x04)]
    [InlineData(0x05)]
    [InlineData(0x06)]
    [InlineData(0x07)]
    [InlineData(0xFF)]
    public void Rejects_every_prefix_but_02_and_03(byte prefix)
    {
        var bytes = Group.Generator.ToBytes();
        bytes[0] = prefix;
        Assert.False(Group.TryDecodeElement(bytes, out _));
    }

    [Fact]
    public void Rejects_wrong_lengths_and_uncompressed_points()
    {
        var g = Group.Generator.ToBytes();
        Assert.False(Group.TryDecodeElement(g[..32], out _));
        Assert.False(Group.TryDecodeElement([.. g, 0], out _));
        Assert.False(Group.TryDecodeElement([], out _));
        var uncompressed = Convert.FromHexString("0479BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8");
        Assert.False(Group.TryDecodeElement(uncompressed, out _));
    }

    [Fact]
    public void Rejects_x_at_or_above_p_even_when_x_minus_p_is_on_the_curve()
    {
        // Find a small x on the curve; x + p encodes the same residue but is not canonical.
        for (var x = 1; x < 100; x++)
        {
            var canonical = Compressed(0x02, x);
            if (!Group.TryDecodeElement(canonical, out _))
            {
                continue;
            }

            if (x + P < System.Numerics.BigInteger.Pow(2, 256))
            {
                Assert.False(Group.TryDecodeElement(Compressed(0x02, x + P), out _));
                Assert.False(Group.TryDecodeElement(Compressed(0x03, x + P), out _));
            }
        }

        Assert.False(Group.TryDecodeElement(Compressed(0x02, P), out _));
        Assert.False(Group.TryDecodeElement(Compressed(0x03, P - 1 + 2), out _));
    }

    [Fact]
    public void Rejects_x_not_on_the_curve()
    {
        var rejected = 0;
        for (var x = 1; x < 40; x++)
        {
            var rhs = Mod(System.Numerics.BigInteger.Pow(x, 3) + 7, P);
            var onCurve = System.Numerics.BigInteger.ModPow(rhs, (P - 1) / 2, P).IsOne;
            Assert.Equal(onCurve, Group.TryDecodeElement(Compressed(0x02, x), out _));
            Assert.Equal(onCurve, Group.TryDecodeElement(Compressed(0x03, x), out _));
            rejected += onCurve ? 0 : 1;
        }

        Assert.True(rejected > 5);
    }

    [Fact]
    public void Element_derivation_is_deterministic_on_curve_and_not_the_generator()
    {
        var bytes = new byte[64];
        new Random(7).NextBytes(bytes);
        var a = Group.ElementFromUniformBytes(bytes);
        var b = Group.ElementFromUniformBytes(bytes);
        Assert.Equal(a, b);
        Assert.False(a.IsIdentity);
        Assert.True(Group.TryDecodeElement(a.ToBytes(), out var decoded));
        Assert.Equal(a, decoded);
        Assert.Equal(0x02, a.ToBytes()[0]);
        bytes[0] ^= 1;
        Assert.NotEqual(a, Group.ElementFromUniformBytes(bytes));
        Assert.Throws<ArgumentException>(() => Group.ElementFromUniformBytes(new byte[32]));
    }

    [Fact]
    public void Mixing_groups_is_misuse()
    {
        var foreign = new ForeignScalar();
        Assert.Throws<ArgumentException>(() => Group.Generator.Multiply(foreign));
    }

    private sealed class ForeignScalar : GroupScalar
    {
        public override IPrimeOrderGroup Group => Secp256k1Group.Instance;

        public override bool IsZero => false;

        public override GroupScalar Add(GroupScalar other) => this;

        public override void Encode(Span<byte> destination)
        {
        }

        public override bool Equals(GroupScalar? other) => false;

        public override GroupScalar Invert() => this;

        public override GroupScalar Multiply(GroupScalar other) => this;

        public override GroupScalar Negate() => this;

        public override GroupScalar Subtract(GroupScalar other) => this;

        protected override void Dispose(bool disposing)
        {
        }
    }
}
