using System.Numerics;
using NexusZero.Groups.Bn254;
using static NexusZero.Classical.Tests.Bn254.BigIntegerReference;
using Fp = NexusZero.Groups.Bn254.Fp;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;
using G2Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp2, NexusZero.Groups.Bn254.G2Curve>;

namespace NexusZero.Classical.Tests.Bn254;

/// <summary>BN254's GLV endomorphism: its constants, the scalar split and the MSMs (G1 and G2) that use it.</summary>
public sealed class EndomorphismTests
{
    private static readonly BigInteger X = MillerLoop.X;

    private static readonly BigInteger Lambda = ToBig(Bn254Endomorphism.Lambda.ToCanonical());

    [Fact]
    public void BetaAndLambdaAreMatchingCubeRootsOfUnity()
    {
        var beta = Bn254Endomorphism.Beta;
        Assert.NotEqual(Fp.One, beta);
        Assert.Equal(Fp.One, beta * beta * beta);
        Assert.NotEqual(BigInteger.One, Lambda);
        Assert.Equal(BigInteger.One, BigInteger.ModPow(Lambda, 3, R));

        // λ·P = (β·x, y) on the generator and on a random point; the other cube root of unity would give β²·x.
        var random = new Random(41);
        foreach (var point in new[] { Bn254Encoding.G1Generator, Bn254Encoding.G1Generator.Multiply(RandomScalar(random)) })
        {
            var affine = point.ToAffine();
            var image = point.Multiply(Bn254Endomorphism.Lambda).ToAffine();
            Assert.Equal(affine.X * beta, image.X);
            Assert.Equal(affine.Y, image.Y);
        }
    }

    [Fact]
    public void TheBasisSpansTheLatticeOfLambda()
    {
        var a1 = Big128(Bn254Endomorphism.A1);
        var b2 = Big128(Bn254Endomorphism.B2);
        var twoXPlusOne = (BigInteger)Bn254Endomorphism.TwoXPlusOne;
        Assert.Equal((6 * X * X) + (2 * X), a1);
        Assert.Equal((6 * X * X) + (4 * X) + 1, b2);
        Assert.Equal((2 * X) + 1, twoXPlusOne);

        // v1 = (a1, −(2x + 1)) and v2 = (2x + 1, b2) lie in {(a, b) : a + b·λ ≡ 0} and have determinant r.
        Assert.Equal(BigInteger.Zero, Mod(a1 - (twoXPlusOne * Lambda), R));
        Assert.Equal(BigInteger.Zero, Mod(twoXPlusOne + (b2 * Lambda), R));
        Assert.Equal(R, (a1 * b2) + (twoXPlusOne * twoXPlusOne));
    }

    /// <summary>k = k1 + k2·λ mod r with |k1|, |k2| &lt; 2^127, on random scalars and at the edges.</summary>
    [Fact]
    public void DecompositionRecombinesWithShortHalves()
    {
        var random = new Random(43);
        var a1 = Big128(Bn254Endomorphism.A1);
        var b2 = Big128(Bn254Endomorphism.B2);
        var values = new List<BigInteger>
        {
            0, 1, 2, R - 1, R - 2, Lambda, Lambda + 1, Lambda - 1, R - Lambda, Lambda * Lambda % R, BigInteger.One << 253,
            (BigInteger.One << 254) % R, R / 2, (R / 2) + 1, a1, b2, (2 * X) + 1, R - a1, R - b2, (a1 + (b2 * Lambda)) % R,
            BigInteger.One << 127, (BigInteger.One << 128) - 1, BigInteger.One << 128,
        };
        for (var i = 0; i < 2000; i++)
        {
            values.Add(BigIntegerReference.Random(random, R));
        }

        var bound = BigInteger.One << 127;
        foreach (var k in values)
        {
            Bn254Endomorphism.Decompose(ToLimbs(k), out var k1, out var negative1, out var k2, out var negative2);
            var s1 = Signed(k1, negative1);
            var s2 = Signed(k2, negative2);
            Assert.True(BigInteger.Abs(s1) < bound, $"|k1| = {s1} for k = {k}");
            Assert.True(BigInteger.Abs(s2) < bound, $"|k2| = {s2} for k = {k}");
            Assert.Equal(k, Mod(s1 + (s2 * Lambda), R));
        }

        static BigInteger Signed(UInt128 magnitude, UInt128 negative)
        {
            Assert.True(negative == 0 || negative == UInt128.MaxValue);
            return negative == 0 ? Big128(magnitude) : -Big128(magnitude);
        }
    }

    /// <summary>The split's signed digits: in range, and Σ over both columns of d·2^(c·w)·(1 or λ) = k, for every width.</summary>
    [Fact]
    public void EndomorphismDigitsReconstructEveryScalar()
    {
        var random = new Random(47);
        BigInteger[] values = [0, 1, R - 1, Lambda, R - Lambda, BigIntegerReference.Random(random, R), BigIntegerReference.Random(random, R)];
        var scalars = values.Select(v => Fr.FromCanonical(ToLimbs(v))).ToArray();
        var n = values.Length;
        for (var c = 2; c <= Pippenger.MaxWindowBits; c++)
        {
            var windows = Pippenger.WindowCount(c, Pippenger.EndomorphismScalarBits);
            var digits = Pippenger.EndomorphismDigits(scalars, c, windows);
            var half = 1 << (c - 1);
            for (var i = 0; i < n; i++)
            {
                BigInteger first = 0, second = 0;
                for (var w = windows - 1; w >= 0; w--)
                {
                    int d1 = digits[(w * 2 * n) + i];
                    int d2 = digits[(w * 2 * n) + n + i];
                    Assert.InRange(d1, -half, half);
                    Assert.InRange(d2, -half, half);
                    first = (first << c) + d1;
                    second = (second << c) + d2;
                }

                Assert.Equal(values[i], Mod(first + (second * Lambda), R));
            }
        }
    }

    /// <summary>The MSM with the split against the naive sum: zero scalars, r − 1, λ, identity points, repeats, both bucket kinds.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(300)]
    [InlineData(1100)]
    public void MsmWithTheSplitMatchesTheNaiveSum(int count)
    {
        var random = new Random(count);
        var p = Bn254Encoding.G1Generator.Multiply(RandomScalar(random));
        var scalars = Enumerable.Range(0, count).Select(i => (i % 9) switch
        {
            0 => Fr.Zero,
            1 => Fr.Zero - Fr.One,
            2 => Bn254Endomorphism.Lambda,
            3 => Fr.FromUInt64(3),
            _ => RandomScalar(random),
        }).ToArray();
        var points = Enumerable.Range(0, count).Select(i => (i % 7) switch
        {
            0 => G1Point.Identity,
            1 or 2 => p,
            3 => p.Negate(),
            _ => Bn254Encoding.G1Generator.Multiply(RandomScalar(random)),
        }).ToArray();
        var expected = G1Point.Identity;
        for (var i = 0; i < count; i++)
        {
            expected += points[i].Multiply(scalars[i]);
        }

        foreach (var batchAffine in new[] { false, true })
        {
            var c = Pippenger.EndomorphismWindowBits(count);
            Assert.Equal(expected, Pippenger.Multiply<Fp, G1Curve>(scalars, points, batchAffine, c, batchSize: null, glv: true));
            Assert.Equal(expected, Pippenger.Multiply<Fp, G1Curve>(scalars, points, batchAffine, c, batchSize: null, glv: false));
        }

        Assert.Equal(expected, Pippenger.Multiply<Fp, G1Curve>(scalars, points));
    }

    /// <summary>On G2 the same λ is (x, y) ↦ (β²·x, y), and the MSM with the split matches the naive sum there too.</summary>
    [Theory]
    [InlineData(5)]
    [InlineData(120)]
    public void TheSplitWorksOnG2(int count)
    {
        var random = new Random(53 + count);
        var q = Bn254Encoding.G2Generator.Multiply(RandomScalar(random));
        var affine = q.ToAffine();
        var image = q.Multiply(Bn254Endomorphism.Lambda).ToAffine();
        Assert.Equal(affine.X.MultiplyBy(Bn254Endomorphism.BetaSquared), image.X);
        Assert.Equal(affine.Y, image.Y);
        Assert.NotEqual(affine.X.MultiplyBy(Bn254Endomorphism.Beta), image.X);

        var scalars = Enumerable.Range(0, count).Select(i => i % 5 == 0 ? Fr.Zero - Fr.One : RandomScalar(random)).ToArray();
        var points = Enumerable.Range(0, count).Select(i => i % 6 == 0 ? G2Point.Identity : i % 6 == 1 ? q : Bn254Encoding.G2Generator.Multiply(RandomScalar(random))).ToArray();
        var expected = G2Point.Identity;
        for (var i = 0; i < count; i++)
        {
            expected += points[i].Multiply(scalars[i]);
        }

        foreach (var batchAffine in new[] { false, true })
        {
            Assert.Equal(expected, Pippenger.Multiply<Fp2, G2Curve>(scalars, points, batchAffine, Pippenger.EndomorphismWindowBits(count), batchSize: null, glv: true));
        }
    }

    private static BigInteger Big128(UInt128 value) => ((BigInteger)(ulong)(value >> 64) << 64) + (ulong)value;

    private static BigInteger Mod(BigInteger value, BigInteger modulus) => ((value % modulus) + modulus) % modulus;

    private static Fr RandomScalar(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return Fr.FromBigEndianReduced(bytes);
    }
}
