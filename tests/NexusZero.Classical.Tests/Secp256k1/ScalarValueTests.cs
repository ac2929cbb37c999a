using System.Numerics;
using NexusZero.Groups;
using NexusZero.Groups.Secp256k1;
using static NexusZero.Classical.Tests.Secp256k1.BigIntegerReference;

namespace NexusZero.Classical.Tests.Secp256k1;

public sealed class ScalarValueTests
{
    private static readonly Secp256k1Group Group = Secp256k1Group.Instance;

    private static GroupScalar S(BigInteger value)
    {
        Assert.True(Group.TryDecodeScalar(ToBigEndian(value), out var s));
        return s;
    }

    private static BigInteger Big(GroupScalar s) => FromBigEndian(s.ToBytes());

    [Fact]
    public void Arithmetic_matches_BigInteger_mod_n()
    {
        var random = new Random(4);
        for (var i = 0; i < 2000; i++)
        {
            var a = Interesting(random, N, i);
            var b = Interesting(random, N, i / 8 + random.Next(8));
            var sa = S(a);
            var sb = S(b);
            Assert.Equal(Mod(a + b, N), Big(sa + sb));
            Assert.Equal(Mod(a - b, N), Big(sa - sb));
            Assert.Equal(Mod(a * b, N), Big(sa * sb));
            Assert.Equal(Mod(-a, N), Big(-sa));
            Assert.Equal(a.IsZero, sa.IsZero);
        }
    }

    [Fact]
    public void Invert_matches_BigInteger_and_rejects_zero()
    {
        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            var a = Interesting(random, N, i);
            if (a.IsZero)
            {
                Assert.Throws<InvalidOperationException>(() => S(a).Invert());
                continue;
            }

            Assert.Equal(BigInteger.ModPow(a, N - 2, N), Big(S(a).Invert()));
        }
    }

    [Fact]
    public void Wide_reduction_reads_64_bytes_big_endian()
    {
        var random = new Random(6);
        var wide = new byte[64];
        for (var i = 0; i < 500; i++)
        {
            random.NextBytes(wide);
            if (i == 0)
            {
                Array.Fill(wide, (byte)0xFF);
            }

            Assert.Equal(Mod(FromBigEndian(wide), N), Big(Group.ScalarFromUniformBytes(wide)));
        }

        Assert.Throws<ArgumentException>(() => Group.ScalarFromUniformBytes(new byte[63]));
        Assert.Throws<ArgumentException>(() => Group.ScalarFromUniformBytes(new byte[65]));
    }

    [Fact]
    public void Decoding_is_canonical_only()
    {
        Assert.False(Group.TryDecodeScalar(ToBigEndian(N), out _));
        Assert.False(Group.TryDecodeScalar(ToBigEndian(N + 1), out _));
        Assert.False(Group.TryDecodeScalar(Enumerable.Repeat((byte)0xFF, 32).ToArray(), out _));
        Assert.False(Group.TryDecodeScalar(new byte[31], out _));
        Assert.False(Group.TryDecodeScalar(new byte[33], out _));
        Assert.True(Group.TryDecodeScalar(ToBigEndian(N - 1), out var max));
        Assert.Equal(ToBigEndian(N - 1), max.ToBytes());
        Assert.True(Group.TryDecodeScalar(new byte[32], out var zero));
        Assert.True(zero.IsZero);
    }

    [Fact]
    public void Random_scalars_are_non_zero_and_distinct()
    {
        var a = Group.RandomScalar();
        var b = Group.RandomScalar();
        Assert.False(a.IsZero);
        Assert.False(a.Equals(b));
    }

    [Fact]
    public void Dispose_zeroes_the_scalar()
    {
        var s = S(12345);
        s.Dispose();
        Assert.True(s.IsZero);
    }
}
