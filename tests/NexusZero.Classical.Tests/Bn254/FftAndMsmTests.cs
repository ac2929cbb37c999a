using System.Numerics;
using NexusZero.Groups.Bn254;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;
using G2Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp2, NexusZero.Groups.Bn254.G2Curve>;

namespace NexusZero.Classical.Tests.Bn254;

public sealed class FftAndMsmTests
{
    [Fact]
    public void TheRootOfUnityHasOrderTwoToThe28()
    {
        var root = FrDomain.MaxRootOfUnity;
        for (var i = 0; i < 27; i++)
        {
            root = root.Square();
        }

        Assert.NotEqual(Fr.One, root);
        Assert.Equal(Fr.One, root.Square());
        var hex = new byte[32];
        FrDomain.MaxRootOfUnity.WriteBigEndian(hex);
        // circom / snarkjs's 2^28-th root of unity (19103219067921713944291392827692070036145651957329286315305642004821462161904).
        Assert.Equal("2a3c09f0a58a7e8500e0a7eb8ef62abc402d111e41112ed49bd61b6e725b19f0", Convert.ToHexStringLower(hex));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void TransformsMatchDirectEvaluationAndInvert(int logSize)
    {
        var random = new Random(logSize);
        var domain = new FrDomain(logSize);
        var coefficients = Enumerable.Range(0, domain.Size).Select(_ => RandomScalar(random)).ToArray();

        var values = (Fr[])coefficients.Clone();
        domain.Forward(values);
        var point = Fr.One;
        for (var i = 0; i < domain.Size; i++)
        {
            Assert.Equal(Evaluate(coefficients, point), values[i]);
            point *= domain.Generator;
        }

        domain.Inverse(values);
        Assert.Equal(coefficients, values);

        var coset = (Fr[])coefficients.Clone();
        domain.CosetForward(coset);
        Assert.Equal(Evaluate(coefficients, FrDomain.CosetShift), coset[0]);
        if (domain.Size > 1)
        {
            Assert.Equal(Evaluate(coefficients, FrDomain.CosetShift * domain.Generator), coset[1]);
        }

        domain.CosetInverse(coset);
        Assert.Equal(coefficients, coset);
    }

    [Fact]
    public void LagrangeBasisInterpolates()
    {
        var random = new Random(5);
        var domain = new FrDomain(4);
        var coefficients = Enumerable.Range(0, domain.Size).Select(_ => RandomScalar(random)).ToArray();
        var values = (Fr[])coefficients.Clone();
        domain.Forward(values);
        var tau = RandomScalar(random);
        var basis = domain.LagrangeAt(tau);
        var interpolated = Fr.Zero;
        for (var i = 0; i < domain.Size; i++)
        {
            interpolated += basis[i] * values[i];
        }

        Assert.Equal(Evaluate(coefficients, tau), interpolated);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    public void PippengerMatchesTheNaiveSum(int count)
    {
        var random = new Random(count);
        var scalars = Enumerable.Range(0, count).Select(i => i == 3 ? Fr.Zero : RandomScalar(random)).ToArray();
        var g1 = Enumerable.Range(0, count).Select(_ => Bn254Encoding.G1Generator.Multiply(RandomScalar(random))).ToArray();
        var g2 = Enumerable.Range(0, count).Select(_ => Bn254Encoding.G2Generator.Multiply(RandomScalar(random))).ToArray();
        var expected1 = G1Point.Identity;
        var expected2 = G2Point.Identity;
        for (var i = 0; i < count; i++)
        {
            expected1 += g1[i].Multiply(scalars[i]);
            expected2 += g2[i].Multiply(scalars[i]);
        }

        foreach (var batchAffine in new bool?[] { null, false, true })
        {
            Assert.Equal(expected1, Pippenger.Multiply<Fp, G1Curve>(scalars, g1, batchAffine));
            Assert.Equal(expected2, Pippenger.Multiply<Fp2, G2Curve>(scalars, g2, batchAffine));
        }
    }

    /// <summary>
    /// Repeated points (doubling inside a bucket), a point and its negation (cancellation), the identity, points with
    /// Z ≠ 1 and many points per bucket (small scalars), in G1 and G2.
    /// </summary>
    [Fact]
    public void PippengerHandlesDoublingCancellationIdentityAndCrowdedBuckets()
    {
        var random = new Random(17);
        var p = Bn254Encoding.G1Generator.Multiply(RandomScalar(random));
        var q = Bn254Encoding.G2Generator.Multiply(RandomScalar(random));
        var count = 300;
        var g1 = new G1Point[count];
        var g2 = new G2Point[count];
        var scalars = new Fr[count];
        for (var i = 0; i < count; i++)
        {
            (g1[i], g2[i]) = (i % 6) switch
            {
                0 => (p, q),
                1 => (p.Negate(), q.Negate()),
                2 => (p, q),
                3 => (G1Point.Identity, G2Point.Identity),
                4 => (p.Double() + p.Negate(), q.Double() + q.Negate()),
                _ => (Bn254Encoding.G1Generator.Multiply(RandomScalar(random)), Bn254Encoding.G2Generator.Multiply(RandomScalar(random))),
            };

            // Small scalars put many points in one bucket; every tenth is a full-size scalar.
            scalars[i] = i % 10 == 9 ? RandomScalar(random) : Fr.FromUInt64((ulong)(1 + (i % 3)));
        }

        var expected1 = G1Point.Identity;
        var expected2 = G2Point.Identity;
        for (var i = 0; i < count; i++)
        {
            expected1 += g1[i].Multiply(scalars[i]);
            expected2 += g2[i].Multiply(scalars[i]);
        }

        foreach (var batchAffine in new[] { false, true })
        {
            Assert.Equal(expected1, Pippenger.Multiply<Fp, G1Curve>(scalars, g1, batchAffine));
            Assert.Equal(expected2, Pippenger.Multiply<Fp2, G2Curve>(scalars, g2, batchAffine));
            Assert.True(Pippenger.Multiply<Fp, G1Curve>([Fr.One, Fr.One], [p, p.Negate()], batchAffine).IsIdentity);
            Assert.Equal(p.Double().Double(), Pippenger.Multiply<Fp, G1Curve>([Fr.One, Fr.One, Fr.One, Fr.One], [p, p, p, p], batchAffine));
        }
    }

    /// <summary>Signed recoding: every window width, digits in (−2^(c−1), 2^(c−1)], Σ d·2^(c·w) = k, at the carry edges.</summary>
    [Fact]
    public void SignedDigitsReconstructEveryScalar()
    {
        var r = BigIntegerReference.R;
        for (var c = 2; c <= Pippenger.MaxWindowBits; c++)
        {
            var half = BigInteger.One << (c - 1);
            BigInteger[] values =
            [
                0, 1, half, half + 1, (half << 1) - 1, r - 1, r - half, (BigInteger.One << 253) - 1, BigInteger.One << 253,
                Repeat(half, c), Repeat(half + 1, c), Repeat((half << 1) - 1, c) % r,
            ];
            var scalars = values.Select(v => Fr.FromCanonical(BigIntegerReference.ToLimbs(v % r))).ToArray();
            var windows = Pippenger.WindowCount(c);
            var digits = Pippenger.SignedDigits(scalars, c, windows);
            for (var i = 0; i < values.Length; i++)
            {
                var sum = BigInteger.Zero;
                for (var w = windows - 1; w >= 0; w--)
                {
                    int d = digits[(w * values.Length) + i];
                    Assert.InRange(d, -(int)half + 1, (int)half);
                    sum = (sum << c) + d;
                }

                Assert.Equal(values[i] % r, sum);
            }
        }

        // The same digit pattern in every window up to 2^254, reduced below r.
        static BigInteger Repeat(BigInteger digit, int c)
        {
            var value = BigInteger.Zero;
            for (var shift = 0; shift + c <= 253; shift += c)
            {
                value += digit << shift;
            }

            return value;
        }
    }

    /// <summary>Scalars at the signed-digit edges (r − 1, digits of exactly 2^(c−1)) through the whole MSM.</summary>
    [Fact]
    public void PippengerHandlesScalarsAtTheDigitEdges()
    {
        var random = new Random(23);
        var count = 64;
        var c = Pippenger.WindowBits(count);
        var half = BigInteger.One << (c - 1);
        var scalars = Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 => Fr.Zero - Fr.One,
            1 => Fr.FromCanonical(BigIntegerReference.ToLimbs(half << (c * (i % 7)))),
            2 => Fr.FromCanonical(BigIntegerReference.ToLimbs(((half << 1) - 1) << (c * (i % 5)))),
            _ => RandomScalar(random),
        }).ToArray();
        var g1 = Enumerable.Range(0, count).Select(_ => Bn254Encoding.G1Generator.Multiply(RandomScalar(random))).ToArray();
        var expected = G1Point.Identity;
        for (var i = 0; i < count; i++)
        {
            expected += g1[i].Multiply(scalars[i]);
        }

        Assert.Equal(expected, Pippenger.Multiply<Fp, G1Curve>(scalars, g1, batchAffine: false));
        Assert.Equal(expected, Pippenger.Multiply<Fp, G1Curve>(scalars, g1, batchAffine: true));
    }

    /// <summary>
    /// Affine buckets over more than one batch: one bucket hit many times within a batch (waiting points, overflow), the same point
    /// twice in a row (a doubling the slope formula cannot take), a point then its negation (cancellation).
    /// </summary>
    [Fact]
    public void BatchAffineBucketsHandleCollisionsAcrossBatches()
    {
        var random = new Random(31);
        var p = Bn254Encoding.G1Generator.Multiply(RandomScalar(random)).ToAffine();
        var others = Enumerable.Range(0, 40).Select(_ => Bn254Encoding.G1Generator.Multiply(RandomScalar(random)).ToAffine()).ToArray();
        var digits = new List<short>();
        var xs = new List<Fp>();
        var ys = new List<Fp>();
        var expected = G1Point.Identity;
        void Put(AffinePoint<Fp> point, short digit)
        {
            digits.Add(digit);
            xs.Add(point.X);
            ys.Add(point.Y);
            var term = G1Point.FromAffine(point).Multiply(Fr.FromUInt64((ulong)Math.Abs(digit)));
            expected += digit < 0 ? term.Negate() : term;
        }

        Put(p, 2);
        Put(p, 2);
        Put(p, -2);
        Put(p, 2);
        for (var i = 0; i < others.Length; i++)
        {
            Put(others[i], (short)((i % 4) + 1));
            Put(others[i], (short)(i % 3 == 0 ? -((i % 4) + 1) : 1));
        }

        // Batches of 1 and 2 defer nothing; 3 lets one point wait; 9 and 64 let many wait and retry, some twice.
        foreach (var batchSize in new[] { 1, 2, 3, 9, 64 })
        {
            var window = new BatchAffineWindow<Fp, G1Curve>(bucketCount: 4, batchSize);
            Assert.Equal(expected, window.Sum(digits.ToArray(), xs.ToArray(), ys.ToArray()).ToProjective());
        }
    }

    /// <summary>The Jacobian formulas' special cases agree with the complete projective ones.</summary>
    [Fact]
    public void JacobianFormulasMatchTheCompleteOnes()
    {
        var random = new Random(29);
        var p = Bn254Encoding.G1Generator.Multiply(RandomScalar(random));
        var q = Bn254Encoding.G1Generator.Multiply(RandomScalar(random));
        var pa = p.ToAffine();
        var qa = q.ToAffine();
        var jp = JacobianPoint<Fp, G1Curve>.Identity.AddAffine(pa.X, pa.Y).Double().AddAffine(qa.X, qa.Y);
        Assert.Equal(p.Double() + q, jp.ToProjective());
        var identity = JacobianPoint<Fp, G1Curve>.Identity;
        Assert.True(identity.Double().IsIdentity);
        Assert.Equal(p, identity.Add(identity.AddAffine(pa.X, pa.Y)).ToProjective());
        var single = identity.AddAffine(pa.X, pa.Y);
        Assert.Equal(p.Double(), single.AddAffine(pa.X, pa.Y).ToProjective());
        Assert.True(single.AddAffine(pa.X, -pa.Y).IsIdentity);
        Assert.Equal(p.Double(), single.Add(single).ToProjective());
        Assert.True(single.Add(single.Negate()).IsIdentity);
        var scaled = single.Double().Add(single);
        Assert.Equal(p.Double() + p, scaled.ToProjective());
        Assert.Equal(p.Double() + p + q, scaled.AddAffine(qa.X, qa.Y).ToProjective());
    }

    private static Fr Evaluate(Fr[] coefficients, Fr x)
    {
        var result = Fr.Zero;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            result = (result * x) + coefficients[i];
        }

        return result;
    }

    private static Fr RandomScalar(Random random)
    {
        var bytes = new byte[64];
        random.NextBytes(bytes);
        return Fr.FromBigEndianReduced(bytes);
    }
}
