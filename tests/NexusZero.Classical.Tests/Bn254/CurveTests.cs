using System.Numerics;
using NexusZero.Groups.Bn254;
using static NexusZero.Classical.Tests.Bn254.BigIntegerReference;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;
using G2Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp2, NexusZero.Groups.Bn254.G2Curve>;

namespace NexusZero.Classical.Tests.Bn254;

public sealed class CurveTests
{
    public static TheoryData<string> AddNames => PrecompileVectors.Names("bn256Add.json");

    public static TheoryData<string> MulNames => PrecompileVectors.Names("bn256ScalarMul.json");

    [Theory]
    [MemberData(nameof(AddNames))]
    public void G1AdditionMatchesTheEip196Vectors(string name)
    {
        var vector = PrecompileVectors.Load("bn256Add.json").Single(v => v.Name == name);
        var input = PrecompileVectors.Padded(vector.Input, 128);
        var a = Bn254Encoding.DecodeG1(input.AsSpan(0, 64));
        var b = Bn254Encoding.DecodeG1(input.AsSpan(64, 64));
        Assert.Equal(Convert.ToHexString(vector.Expected), Convert.ToHexString(Bn254Encoding.EncodeG1(a + b)));
    }

    [Theory]
    [MemberData(nameof(MulNames))]
    public void G1MultiplicationMatchesTheEip196Vectors(string name)
    {
        var vector = PrecompileVectors.Load("bn256ScalarMul.json").Single(v => v.Name == name);
        var input = PrecompileVectors.Padded(vector.Input, 96);
        var point = Bn254Encoding.DecodeG1(input.AsSpan(0, 64));
        var scalar = Limbs256.FromBigEndian(input.AsSpan(64, 32));
        Assert.Equal(Convert.ToHexString(vector.Expected), Convert.ToHexString(Bn254Encoding.EncodeG1(point.MultiplyLimbs(scalar))));
    }

    [Fact]
    public void GroupLawsHold()
    {
        var random = new Random(4);
        var g1 = Bn254Encoding.G1Generator;
        var g2 = Bn254Encoding.G2Generator;
        for (var i = 0; i < 5; i++)
        {
            var a = RandomScalar(random);
            var b = RandomScalar(random);
            Assert.Equal(g1.Multiply(a) + g1.Multiply(b), g1.Multiply(a + b));
            Assert.Equal(g2.Multiply(a) + g2.Multiply(b), g2.Multiply(a + b));
            Assert.Equal(g2.Multiply(a).Multiply(b), g2.Multiply(a * b));
            var p = g2.Multiply(a);
            Assert.Equal(p + p, p.Double());
            Assert.True(p.IsOnCurve());
            Assert.True((p - p).IsIdentity);
            Assert.Equal(p, p + G2Point.Identity);
        }

        Assert.True(g1.MultiplyLimbs(Fr.Parameters.Modulus).IsIdentity);
        Assert.True(g2.MultiplyLimbs(Fr.Parameters.Modulus).IsIdentity);
        Assert.True(g1.Multiply(Fr.Zero).IsIdentity);
        Assert.True(G1Point.Identity.Double().IsIdentity);
    }

    [Fact]
    public void EncodingsRoundTripAndInfinityIsAllZeros()
    {
        var g2 = Bn254Encoding.G2Generator.Multiply(Fr.FromUInt64(12345));
        var bytes = Bn254Encoding.EncodeG2(g2);
        Assert.Equal(g2, Bn254Encoding.DecodeG2(bytes));
        Assert.Equal(new byte[64], Bn254Encoding.EncodeG1(G1Point.Identity));
        Assert.Equal(new byte[128], Bn254Encoding.EncodeG2(G2Point.Identity));
        Assert.True(Bn254Encoding.DecodeG1(new byte[64]).IsIdentity);
        Assert.True(Bn254Encoding.DecodeG2(new byte[128]).IsIdentity);
    }

    [Fact]
    public void DecodingRejectsNonCanonicalOffCurveAndOutsideTheSubgroup()
    {
        var g1 = Bn254Encoding.EncodeG1(Bn254Encoding.G1Generator);

        // x + p encodes the same residue: refused.
        var shifted = (byte[])g1.Clone();
        ToBytes(P + 1).CopyTo(shifted, 0);
        Assert.Contains("below the field modulus", Error1(shifted));

        var offCurve = (byte[])g1.Clone();
        offCurve[63] ^= 1;
        Assert.Contains("not on the curve", Error1(offCurve));
        Assert.Contains("64 bytes", Error1(new byte[63]));

        // Infinity only as all zeros: (0, 1) is neither infinity nor on the curve.
        var zeroOne = new byte[64];
        zeroOne[63] = 1;
        Assert.NotNull(Error1(zeroOne));

        var g2 = Bn254Encoding.EncodeG2(Bn254Encoding.G2Generator);
        var flipped = (byte[])g2.Clone();
        flipped[127] ^= 1;
        Assert.Contains("not on the twist", Error2(flipped));

        // A point on the twist outside G2 (the twist's group has order r·(2p − r)).
        var outside = TwistPointOutsideG2();
        Assert.True(outside.IsOnCurve());
        Assert.Contains("not in the subgroup", Error2(Bn254Encoding.EncodeG2(outside)));

        // Fp2 order matters: swapping real and imaginary parts of the generator breaks it.
        var swapped = new byte[128];
        g2.AsSpan(32, 32).CopyTo(swapped.AsSpan(0));
        g2.AsSpan(0, 32).CopyTo(swapped.AsSpan(32));
        g2.AsSpan(96, 32).CopyTo(swapped.AsSpan(64));
        g2.AsSpan(64, 32).CopyTo(swapped.AsSpan(96));
        Assert.NotNull(Error2(swapped));
    }

    /// <summary>The endomorphism test agrees with r·Q = O inside G2, outside it, and on mixtures of both.</summary>
    [Fact]
    public void FastG2SubgroupCheckAgreesWithTheOrderCheck()
    {
        var random = new Random(41);
        var points = new List<G2Point> { G2Point.Identity, Bn254Encoding.G2Generator };
        var seen = 0;
        for (var i = 0; points.Count < 40; i++)
        {
            var x = new Fp2(Groups.Bn254.Fp.FromUInt64((ulong)random.NextInt64()), Groups.Bn254.Fp.FromUInt64((ulong)i));
            if (!Bn254CompressedEncoding.TrySqrt((x.Square() * x) + G2Curve.B, out var y))
            {
                continue;
            }

            var twist = new G2Point(x, y, Fp2.One);
            var inG2 = Bn254Encoding.G2Generator.Multiply(RandomScalar(random));
            points.Add(twist);
            points.Add(twist.MultiplyLimbs(Fr.Parameters.Modulus));
            points.Add(inG2);
            points.Add(inG2 + twist);
            seen++;
        }

        var inside = 0;
        foreach (var point in points)
        {
            Assert.True(point.IsOnCurve());
            var expected = Bn254Encoding.IsInG2SubgroupByOrder(point);
            Assert.Equal(expected, Bn254Encoding.IsInG2Subgroup(point));
            inside += expected ? 1 : 0;
        }

        // Both verdicts occur, so agreement is not vacuous.
        Assert.InRange(inside, 2 + seen, points.Count - (2 * seen));
    }

    internal static Fr RandomScalar(Random random) => Fr.FromCanonical(ToLimbs(BigIntegerReference.Random(random, R)));

    private static string? Error1(byte[] bytes) => Bn254Encoding.TryDecodeG1(bytes, out _, out var error) ? null : error;

    private static string? Error2(byte[] bytes) => Bn254Encoding.TryDecodeG2(bytes, out _, out var error) ? null : error;

    /// <summary>Searches x = 1, 2, … for x³ + b' a square in Fp2 (test-only square root, Adj–Rodríguez-Henríquez algorithm 9).</summary>
    private static G2Point TwistPointOutsideG2()
    {
        var pMinus3Over4 = ToLimbs((P - 3) / 4);
        var pMinus1Over2 = ToLimbs((P - 1) / 2);
        var minusOne = -Fp2.One;
        for (ulong i = 1; ; i++)
        {
            var x = new Fp2(Groups.Bn254.Fp.FromUInt64(i), Groups.Bn254.Fp.One);
            var a = (x.Square() * x) + G2Curve.B;
            var a1 = a.Power(pMinus3Over4);
            var alpha = a1 * a1 * a;
            if (alpha.Conjugate() * alpha == minusOne)
            {
                continue;
            }

            var x0 = a1 * a;
            var y = alpha == minusOne
                ? new Fp2(Groups.Bn254.Fp.Zero, Groups.Bn254.Fp.One) * x0
                : (Fp2.One + alpha).Power(pMinus1Over2) * x0;
            Assert.Equal(a, y.Square());
            return new G2Point(x, y, Fp2.One);
        }
    }
}
