using NexusZero.Groups.Bn254;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;
using G2Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp2, NexusZero.Groups.Bn254.G2Curve>;

namespace NexusZero.Circuits.Tests.Fields;

/// <summary>arkworks' compressed G1/G2 form: little-endian, flags in the last byte; the snarkjs form reversed.</summary>
public sealed class ArkworksCompressedPointTests
{
    [Fact]
    public void TheGeneratorAndInfinityHaveTheirKnownBytes()
    {
        // ark-bn254's G1 generator (1, 2): x = 1 little-endian; 2 < −2, so "y positive" (no flag).
        var generator = Bn254CompressedEncoding.EncodeG1Arkworks(Bn254Encoding.G1Generator);
        Assert.Equal("01" + new string('0', 62), Convert.ToHexStringLower(generator));
        Assert.Equal(new string('0', 62) + "40", Convert.ToHexStringLower(Bn254CompressedEncoding.EncodeG1Arkworks(G1Point.Identity)));
        Assert.Equal(new string('0', 126) + "40", Convert.ToHexStringLower(Bn254CompressedEncoding.EncodeG2Arkworks(G2Point.Identity)));
        Assert.True(Bn254CompressedEncoding.TryDecodeG1Arkworks(generator, out var back, out _));
        Assert.Equal(Bn254Encoding.G1Generator, back);

        // −G has the other root: the same x with the 0x80 flag in the last byte.
        var negated = Bn254CompressedEncoding.EncodeG1Arkworks(Bn254Encoding.G1Generator.Negate());
        Assert.Equal("01" + new string('0', 60) + "80", Convert.ToHexStringLower(negated));
    }

    [Fact]
    public void RandomPointsRoundTripAndAreTheSnarkjsBytesReversed()
    {
        var random = new Random(254);
        var bytes = new byte[32];
        for (var i = 0; i < 8; i++)
        {
            random.NextBytes(bytes);
            var k = Fr.FromBigEndianReduced(bytes);
            var g1 = Bn254Encoding.G1Generator.Multiply(k);
            var g2 = Bn254Encoding.G2Generator.Multiply(k);
            var a1 = Bn254CompressedEncoding.EncodeG1Arkworks(g1);
            var a2 = Bn254CompressedEncoding.EncodeG2Arkworks(g2);
            Assert.Equal(Bn254CompressedEncoding.EncodeG1(g1).Reverse(), a1);
            Assert.Equal(Bn254CompressedEncoding.EncodeG2(g2).Reverse(), a2);

            // G2: x.c0 first, little-endian, as arkworks writes Fp2 (c0 then c1 with the flags).
            var affine = g2.ToAffine();
            var c0 = new byte[32];
            affine.X.C0.WriteBigEndian(c0);
            Assert.Equal(c0.Reverse(), a2.Take(32));
            Assert.True(Bn254CompressedEncoding.TryDecodeG1Arkworks(a1, out var back1, out _));
            Assert.True(Bn254CompressedEncoding.TryDecodeG2Arkworks(a2, out var back2, out _));
            Assert.Equal(g1, back1);
            Assert.Equal(g2, back2);
        }
    }

    [Fact]
    public void MalformedArkworksPointsAreRefusedWithTheFormNamed()
    {
        var infinityWithSign = new byte[32];
        infinityWithSign[31] = 0xc0;
        Assert.False(Bn254CompressedEncoding.TryDecodeG1Arkworks(infinityWithSign, out _, out var error));
        Assert.Contains("zeros followed by 0x40 (arkworks compressed form)", error, StringComparison.Ordinal);
        var infinityWithX = new byte[32];
        infinityWithX[31] = 0x40;
        infinityWithX[0] = 1;
        Assert.False(Bn254CompressedEncoding.TryDecodeG1Arkworks(infinityWithX, out _, out _));
        Assert.False(Bn254CompressedEncoding.TryDecodeG1Arkworks(new byte[31], out _, out _));
        var atModulus = Convert.FromHexString("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47").Reverse().ToArray();
        Assert.False(Bn254CompressedEncoding.TryDecodeG1Arkworks(atModulus, out _, out var modulusError));
        Assert.Contains("not below the field modulus", modulusError, StringComparison.Ordinal);

        // Snarkjs bytes read as arkworks bytes are refused or decode to another point, never silently the same one.
        var snarkjs = Bn254CompressedEncoding.EncodeG2(Bn254Encoding.G2Generator);
        Assert.False(Bn254CompressedEncoding.TryDecodeG2Arkworks(snarkjs, out var other, out _) && other == Bn254Encoding.G2Generator);
    }
}
