using NexusZero.Groups.Bn254;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;
using G2Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp2, NexusZero.Groups.Bn254.G2Curve>;

namespace NexusZero.Classical.Tests.Bn254;

public sealed class PairingTests
{
    private static readonly G1Point P = Bn254Encoding.G1Generator;
    private static readonly G2Point Q = Bn254Encoding.G2Generator;

    public static TheoryData<string> PairingNames => PrecompileVectors.Names("bn256Pairing.json");

    [Theory]
    [MemberData(nameof(PairingNames))]
    public void PairingCheckMatchesTheEip197Vectors(string name)
    {
        var vector = PrecompileVectors.Load("bn256Pairing.json").Single(v => v.Name == name);
        Assert.Equal(0, vector.Input.Length % 192);
        var pairs = new (G1Point, G2Point)[vector.Input.Length / 192];
        for (var i = 0; i < pairs.Length; i++)
        {
            var chunk = vector.Input.AsSpan(i * 192, 192);
            Assert.True(Bn254Encoding.TryDecodeG1(chunk[..64], out var p, out var e1), e1);
            Assert.True(Bn254Encoding.TryDecodeG2(chunk[64..], out var q, out var e2), e2);
            pairs[i] = (p, q);
        }

        var expected = vector.Expected[^1] == 1;
        Assert.Equal(expected, Bn254Pairing.Check(pairs));
    }

    [Fact]
    public void ThePairingIsBilinearAndNonDegenerate()
    {
        var random = new Random(11);
        var e = Bn254Pairing.Pair(P, Q);
        Assert.False(e.IsOne);
        Assert.True(e.Power(Limbs(Fr.Parameters.Modulus)).IsOne, "e(P, Q) has order r");
        for (var trial = 0; trial < 3; trial++)
        {
            var a = RandomScalar(random);
            var b = RandomScalar(random);
            var left = Bn254Pairing.Pair(P.Multiply(a), Q.Multiply(b));
            var right = e.Power(Limbs((a * b).ToCanonical()));
            Assert.Equal(right, left);
            Assert.Equal(Bn254Pairing.Pair(P.Multiply(a * b), Q), left);
            Assert.Equal(Bn254Pairing.Pair(P, Q.Multiply(a * b)), left);
        }
    }

    /// <summary>Split Miller loops over prepared points multiply to the joint one, as the Groth16 verifier relies on.</summary>
    [Fact]
    public void PreparedMillerLoopsMultiplyToTheJointPairing()
    {
        var random = new Random(43);
        var pairs = Enumerable.Range(0, 4)
            .Select(_ => (P.Multiply(RandomScalar(random)), Q.Multiply(RandomScalar(random))))
            .ToArray();
        var joint = Bn254Pairing.MultiPair(pairs);
        var first = MillerLoop.Evaluate([(pairs[0].Item1.ToAffine(), pairs[0].Item2.ToAffine())]);
        var rest = MillerLoop.Evaluate(pairs.Skip(1).Select(pair => (pair.Item1.ToAffine(), PreparedG2.From(pair.Item2))).ToArray());
        Assert.Equal(joint, FinalExponentiation.Apply(first * rest));

        // The point at infinity prepares to no lines and contributes 1; a prepared point is reusable.
        var infinity = PreparedG2.From(G2Point.Identity);
        Assert.True(infinity.IsInfinity);
        var prepared = PreparedG2.From(pairs[1].Item2);
        var once = MillerLoop.Evaluate([(pairs[1].Item1.ToAffine(), prepared), (pairs[2].Item1.ToAffine(), infinity)]);
        var twice = MillerLoop.Evaluate([(pairs[1].Item1.ToAffine(), prepared)]);
        Assert.Equal(once, twice);
        Assert.Equal(Bn254Pairing.Pair(pairs[1].Item1, pairs[1].Item2), FinalExponentiation.Apply(twice));
    }

    [Fact]
    public void AMultiPairingIsTheProductOfPairingsAndChecksRelations()
    {
        var random = new Random(12);
        var a = RandomScalar(random);
        var b = RandomScalar(random);
        var p1 = P.Multiply(a);
        var q1 = Q.Multiply(b);
        var p2 = P.Multiply(b);
        var q2 = Q.Multiply(a);
        Assert.Equal(Bn254Pairing.Pair(p1, q1) * Bn254Pairing.Pair(p2, q2), Bn254Pairing.MultiPair([(p1, q1), (p2, q2)]));

        // e(aP, bQ) · e(−abP, Q) = 1, and not for a different scalar.
        Assert.True(Bn254Pairing.Check([(p1, q1), (P.Multiply(a * b).Negate(), Q)]));
        Assert.False(Bn254Pairing.Check([(p1, q1), (P.Multiply(a * b + Fr.One).Negate(), Q)]));
        Assert.True(Bn254Pairing.Check([]));
        Assert.True(Bn254Pairing.Check([(G1Point.Identity, Q), (P, G2Point.Identity)]));
    }

    private static Fr RandomScalar(Random random)
    {
        var bytes = new byte[64];
        random.NextBytes(bytes);
        return Fr.FromBigEndianReduced(bytes);
    }

    private static ulong[] Limbs(Limbs256 value) => [value[0], value[1], value[2], value[3]];
}
