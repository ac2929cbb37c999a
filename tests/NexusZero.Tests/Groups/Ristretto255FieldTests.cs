using System.Numerics;
using NexusZero.Groups.Ristretto255;
using static NexusZero.Tests.Groups.RistrettoTestData;

namespace NexusZero.Tests.Groups;

/// <summary>GF(2^255 − 19) arithmetic against BigInteger, including non-canonical and boundary inputs.</summary>
public sealed class Ristretto255FieldTests
{
    private static BigInteger Value(in FieldElement f)
    {
        var bytes = new byte[32];
        f.Encode(bytes);
        return ToBigInteger(bytes);
    }

    private static FieldElement FromBig(BigInteger v) => FieldElement.FromBytes(ToBytes(Mod(v, P), 32));

    private static IEnumerable<BigInteger> Samples(int seed, int count)
    {
        yield return BigInteger.Zero;
        yield return BigInteger.One;
        yield return P - 1;
        yield return P - 2;
        yield return (P - 1) / 2;
        var random = NewRandom(seed);
        for (int i = 0; i < count; i++)
        {
            yield return ToBigInteger(RandomBytes(random, 64)) % P;
        }
    }

    [Fact]
    public void ArithmeticMatchesBigInteger()
    {
        var values = Samples(10, 200).ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            var a = values[i];
            var b = values[(i * 5 + 1) % values.Length];
            var fa = FromBig(a);
            var fb = FromBig(b);
            Assert.Equal(Mod(a + b, P), Value(fa + fb));
            Assert.Equal(Mod(a - b, P), Value(fa - fb));
            Assert.Equal(Mod(-a, P), Value(-fa));
            Assert.Equal(Mod(a * b, P), Value(fa * fb));
            Assert.Equal(Mod(a * a, P), Value(fa.Square()));
            Assert.Equal(Mod(2 * a * a, P), Value(fa.SquareDouble()));
            Assert.Equal(BigInteger.ModPow(a, P - 2, P), Value(fa.Invert()));
            Assert.Equal(a.IsZero ? 1UL : 0UL, fa.IsZero());
            Assert.Equal((ulong)(a % 2), fa.IsNegative());
        }
    }

    [Fact]
    public void LongChainsStayWithinLimbBounds()
    {
        var random = NewRandom(11);
        var a = ToBigInteger(RandomBytes(random, 32)) % P;
        var b = ToBigInteger(RandomBytes(random, 32)) % P;
        var fa = FromBig(a);
        var fb = FromBig(b);
        for (int i = 0; i < 1000; i++)
        {
            (a, b) = (Mod((a - b) * (a + b) - b, P), Mod(-a - b - b, P));
            (fa, fb) = (((fa - fb) * (fa + fb)) - fb, -fa - fb - fb);
        }

        Assert.Equal(a, Value(fa));
        Assert.Equal(b, Value(fb));
    }

    private static BigInteger LimbValue(in FieldElement f) =>
        Mod(new BigInteger(f.L0) + (new BigInteger(f.L1) << 51) + (new BigInteger(f.L2) << 102) + (new BigInteger(f.L3) << 153) + (new BigInteger(f.L4) << 204), P);

    [Fact]
    public void MultiplicationIsExactAtTheDocumentedLimbBounds()
    {
        // Multiplication and squaring accept limbs below 2^54 (what one uncarried addition of two
        // weakly reduced values can produce); subtraction accepts subtrahends below 2^55.
        const ulong max54 = (1UL << 54) - 1;
        const ulong max52 = (1UL << 52) - 1;
        var random = NewRandom(13);
        var cases = new List<FieldElement>
        {
            new(max54, max54, max54, max54, max54),
            new(max52, max52, max52, max52, max52),
            new(max54, 0, max54, 0, max54),
            new(0, 0, 0, 0, max54),
        };
        for (int i = 0; i < 200; i++)
        {
            cases.Add(new FieldElement(
                (ulong)random.NextInt64() & max54,
                (ulong)random.NextInt64() & max54,
                (ulong)random.NextInt64() & max54,
                (ulong)random.NextInt64() & max54,
                (ulong)random.NextInt64() & max54));
        }

        foreach (var a in cases)
        {
            foreach (var b in cases.Take(8))
            {
                var va = LimbValue(a);
                var vb = LimbValue(b);
                Assert.Equal(Mod(va * vb, P), Value(a * b));
                Assert.Equal(Mod(va - vb, P), Value(a - b));
            }

            Assert.Equal(Mod(LimbValue(a) * LimbValue(a), P), Value(a.Square()));
            Assert.Equal(Mod(-LimbValue(a), P), Value(-a));
            var product = a * a;
            Assert.True(product.L0 < (1UL << 52) && product.L1 < (1UL << 52) && product.L2 < (1UL << 52) && product.L3 < (1UL << 52) && product.L4 < (1UL << 52));
        }
    }

    [Fact]
    public void NonCanonicalInputsReduceOnEncode()
    {
        // p .. 2^255 − 1 decode (top bit ignored) and re-encode reduced mod p.
        foreach (var v in new[] { P, P + 1, P + 18, (BigInteger.One << 255) - 1 })
        {
            var f = FieldElement.FromBytes(ToBytes(v, 32));
            Assert.Equal(v - P, Value(f));
        }

        var topBit = ToBytes((BigInteger.One << 255) + 5, 32);
        Assert.Equal(new BigInteger(5), Value(FieldElement.FromBytes(topBit)));
    }

    [Fact]
    public void SqrtRatioFollowsRfc9496()
    {
        var sqrtM1 = Value(FieldElement.SqrtM1);
        Assert.Equal(P - 1, BigInteger.ModPow(sqrtM1, 2, P));
        Assert.True(sqrtM1.IsEven);

        Assert.Equal(1UL, FieldElement.SqrtRatioM1(FieldElement.Zero, FieldElement.Zero, out var r));
        Assert.Equal(BigInteger.Zero, Value(r));
        Assert.Equal(1UL, FieldElement.SqrtRatioM1(FieldElement.Zero, FieldElement.One, out r));
        Assert.Equal(BigInteger.Zero, Value(r));
        Assert.Equal(0UL, FieldElement.SqrtRatioM1(FieldElement.One, FieldElement.Zero, out r));
        Assert.Equal(BigInteger.Zero, Value(r));

        var values = Samples(12, 100).Where(v => !v.IsZero).ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            var u = values[i];
            var v = values[(i * 3 + 2) % values.Length];
            ulong wasSquare = FieldElement.SqrtRatioM1(FromBig(u), FromBig(v), out r);
            var root = Value(r);
            Assert.True(root.IsEven, "the returned root is non-negative");
            var ratio = Mod(u * BigInteger.ModPow(v, P - 2, P), P);
            bool isSquare = BigInteger.ModPow(ratio, (P - 1) / 2, P).IsOne;
            Assert.Equal(isSquare ? 1UL : 0UL, wasSquare);
            var expectedSquare = isSquare ? ratio : Mod(ratio * sqrtM1, P);
            Assert.Equal(expectedSquare, BigInteger.ModPow(root, 2, P));
        }
    }

    [Fact]
    public void ConditionalOperationsSelectWithoutBranching()
    {
        var a = FromBig(3);
        var b = FromBig(P - 7);
        Assert.Equal(new BigInteger(3), Value(FieldElement.Select(a, b, 0)));
        Assert.Equal(P - 7, Value(FieldElement.Select(a, b, 1)));
        Assert.Equal(P - 3, Value(FieldElement.ConditionalNegate(a, 1)));
        Assert.Equal(new BigInteger(3), Value(FieldElement.ConditionalNegate(a, 0)));
        Assert.Equal(P - 7, Value(FieldElement.Abs(b)));
        Assert.Equal(new BigInteger(8), Value(FieldElement.Abs(FromBig(P - 8))));
        var x = a;
        var y = b;
        FieldElement.ConditionalSwap(ref x, ref y, 0);
        Assert.Equal(new BigInteger(3), Value(x));
        FieldElement.ConditionalSwap(ref x, ref y, 1);
        Assert.Equal(P - 7, Value(x));
        Assert.Equal(new BigInteger(3), Value(y));
        Assert.Equal(1UL, FieldElement.ConstantTimeEquals(FromBig(5), FieldElement.FromBytes(ToBytes(P + 5, 32))));
        Assert.Equal(0UL, FieldElement.ConstantTimeEquals(FromBig(5), FromBig(6)));
    }

    [Fact]
    public void CurveConstantsAreTheRfcValues()
    {
        var d = Mod(-121665 * BigInteger.ModPow(121666, P - 2, P), P);
        Assert.Equal(d, Value(FieldElement.D));
        Assert.Equal(Mod(2 * d, P), Value(FieldElement.D2));
        Assert.Equal(Mod(1 - (d * d), P), Value(FieldElement.OneMinusDSquared));
        Assert.Equal(Mod((d - 1) * (d - 1), P), Value(FieldElement.DMinusOneSquared));
        Assert.Equal(Mod(-d - 1, P), BigInteger.ModPow(Value(FieldElement.SqrtAdMinusOne), 2, P));
        Assert.Equal(BigInteger.One, Mod(BigInteger.ModPow(Value(FieldElement.InvSqrtAMinusD), 2, P) * Mod(-1 - d, P), P));
    }
}
