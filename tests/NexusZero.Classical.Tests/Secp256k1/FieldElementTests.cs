using System.Numerics;
using NexusZero.Groups.Secp256k1;
using static NexusZero.Classical.Tests.Secp256k1.BigIntegerReference;

namespace NexusZero.Classical.Tests.Secp256k1;

public sealed class FieldElementTests
{
    private static FieldElement Fe(BigInteger value)
    {
        Assert.True(FieldElement.TryFromBigEndian(ToBigEndian(value), out var fe));
        return fe;
    }

    private static BigInteger Big(in FieldElement fe)
    {
        var bytes = new byte[32];
        fe.WriteBigEndian(bytes);
        return FromBigEndian(bytes);
    }

    [Fact]
    public void Arithmetic_matches_BigInteger_on_edge_and_random_values()
    {
        var random = new Random(1);
        for (var i = 0; i < 2000; i++)
        {
            var a = Interesting(random, P, i);
            var b = Interesting(random, P, i / 8 + random.Next(8));
            var fa = Fe(a);
            var fb = Fe(b);
            Assert.Equal(Mod(a + b, P), Big(FieldElement.Add(fa, fb)));
            Assert.Equal(Mod(a - b, P), Big(FieldElement.Subtract(fa, fb)));
            Assert.Equal(Mod(a * b, P), Big(FieldElement.Multiply(fa, fb)));
            Assert.Equal(Mod(-a, P), Big(FieldElement.Negate(fa)));
            Assert.Equal(Mod(a * 21, P), Big(FieldElement.MultiplySmall(fa, 21)));
        }
    }

    [Fact]
    public void Invert_and_sqrt_match_BigInteger()
    {
        var random = new Random(2);
        for (var i = 0; i < 200; i++)
        {
            var a = Interesting(random, P, i);
            var fa = Fe(a);
            Assert.Equal(BigInteger.ModPow(a, P - 2, P), Big(FieldElement.Invert(fa)));
            var isSquare = a.IsZero || BigInteger.ModPow(a, (P - 1) / 2, P).IsOne;
            Assert.Equal(isSquare, FieldElement.SqrtVarTime(fa, out var root));
            if (isSquare)
            {
                Assert.Equal(a, Mod(Big(root) * Big(root), P));
            }
        }
    }

    [Fact]
    public void Wide_reduction_matches_BigInteger()
    {
        var random = new Random(3);
        var wide = new byte[64];
        for (var i = 0; i < 500; i++)
        {
            random.NextBytes(wide);
            if (i == 0)
            {
                Array.Fill(wide, (byte)0xFF);
            }

            Assert.Equal(Mod(FromBigEndian(wide), P), Big(FieldElement.FromWideBigEndian(wide)));
        }
    }

    [Fact]
    public void Decoding_rejects_values_at_or_above_p()
    {
        Assert.False(FieldElement.TryFromBigEndian(ToBigEndian(P), out _));
        Assert.False(FieldElement.TryFromBigEndian(ToBigEndian(P + 1), out _));
        Assert.False(FieldElement.TryFromBigEndian(Enumerable.Repeat((byte)0xFF, 32).ToArray(), out _));
        Assert.True(FieldElement.TryFromBigEndian(ToBigEndian(P - 1), out _));
    }
}
