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

    /// <summary>
    /// The radix-2^52 product's rare branches-by-mask: the second fold past 2^256 (taken for this
    /// product of values just below p) and the final subtraction of p (2·(p+1)/2 = p + 1 before it).
    /// </summary>
    [Theory]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007906775264197", "115792089237316195423570985008687907853269984665640564039457584007906775264197")]
    [InlineData("2", "57896044618658097711785492504343953926634992332820282019728792003954417335832")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007908834671662", "115792089237316195423570985008687907853269984665640564039457584007908834671662")]
    public void Multiply_and_square_reduce_rare_carry_cases(string left, string right)
    {
        var a = BigInteger.Parse(left);
        var b = BigInteger.Parse(right);
        Assert.Equal(Mod(a * b, P), Big(FieldElement.Multiply(Fe(a), Fe(b))));
        Assert.Equal(Mod(a * a, P), Big(FieldElement.Square(Fe(a))));
    }

    [Fact]
    public void Square_matches_multiply_and_BigInteger_on_limb_boundary_values()
    {
        var random = new Random(4);
        for (var i = 0; i < 5000; i++)
        {
            // Values whose 52-bit limbs are all ones or all zeros exercise the column bounds.
            var a = (i % 3) switch
            {
                0 => Mod(BigInteger.Pow(2, 52 * random.Next(1, 5)) - 1 - random.Next(3), P),
                1 => P - 1 - new BigInteger(random.NextInt64()),
                _ => RandomBelow(random, P),
            };
            var b = RandomBelow(random, P);
            Assert.Equal(Mod(a * a, P), Big(FieldElement.Square(Fe(a))));
            Assert.Equal(Mod(a * b, P), Big(FieldElement.Multiply(Fe(a), Fe(b))));
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
