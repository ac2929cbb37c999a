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

        Assert.Equal(expected1, Pippenger.Multiply<Fp, G1Curve>(scalars, g1));
        Assert.Equal(expected2, Pippenger.Multiply<Fp2, G2Curve>(scalars, g2));
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

        Assert.Equal(expected1, Pippenger.Multiply<Fp, G1Curve>(scalars, g1));
        Assert.Equal(expected2, Pippenger.Multiply<Fp2, G2Curve>(scalars, g2));
        Assert.True(Pippenger.Multiply<Fp, G1Curve>([Fr.One, Fr.One], [p, p.Negate()]).IsIdentity);
        Assert.Equal(p.Double().Double(), Pippenger.Multiply<Fp, G1Curve>([Fr.One, Fr.One, Fr.One, Fr.One], [p, p, p, p]));
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
