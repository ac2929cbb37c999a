using System.Numerics;
using NexusZero.Circuits.Tests.Groth16;
using NexusZero.Groups.Bn254;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;
using G2Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp2, NexusZero.Groups.Bn254.G2Curve>;

namespace NexusZero.Circuits.Tests.Fields;

/// <summary>The compressed G1/G2 form, byte for byte as ffjavascript (snarkjs's arithmetic) writes it, and its decoding checks.</summary>
public sealed class CompressedPointTests
{
    [Fact]
    public void Encodings_equal_ffjavascripts_and_round_trip()
    {
        var random = new Random(197);
        var scalars = new List<BigInteger> { 0, 1, 2, 5 };
        for (var i = 0; i < 12; i++)
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            bytes[0] &= 0x1f;
            scalars.Add(new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
        }

        var lines = SnarkjsOracle.Run(["compressed", .. scalars.Select(s => s.ToString())]).Split('\n');
        Assert.Equal(scalars.Count, lines.Length);
        for (var i = 0; i < scalars.Count; i++)
        {
            var k = Fr.FromBigEndianReduced(scalars[i].ToByteArray(isUnsigned: true, isBigEndian: true).Length == 0 ? new byte[32] : Pad(scalars[i]));
            var g1 = Bn254Encoding.G1Generator.Multiply(k);
            var g2 = Bn254Encoding.G2Generator.Multiply(k);
            var parts = lines[i].Trim().Split(' ');
            Assert.Equal(parts[0], Convert.ToHexStringLower(Bn254CompressedEncoding.EncodeG1(g1)));
            Assert.Equal(parts[1], Convert.ToHexStringLower(Bn254CompressedEncoding.EncodeG2(g2)));
            Assert.True(Bn254CompressedEncoding.TryDecodeG1(Convert.FromHexString(parts[0]), out var back1, out _));
            Assert.True(Bn254CompressedEncoding.TryDecodeG2(Convert.FromHexString(parts[1]), out var back2, out _));
            Assert.Equal(Bn254Encoding.EncodeG1(g1), Bn254Encoding.EncodeG1(back1));
            Assert.Equal(Bn254Encoding.EncodeG2(g2), Bn254Encoding.EncodeG2(back2));
        }
    }

    [Fact]
    public void Malformed_compressed_points_are_refused()
    {
        var g1 = Bn254CompressedEncoding.EncodeG1(Bn254Encoding.G1Generator);
        Assert.False(Bn254CompressedEncoding.TryDecodeG1(g1.AsSpan(0, 31), out _, out _));
        var infinityWithFlag = new byte[32];
        infinityWithFlag[0] = 0xc0;
        Assert.False(Bn254CompressedEncoding.TryDecodeG1(infinityWithFlag, out _, out _));
        var infinityWithBits = new byte[32];
        infinityWithBits[0] = 0x40;
        infinityWithBits[31] = 1;
        Assert.False(Bn254CompressedEncoding.TryDecodeG1(infinityWithBits, out _, out _));
        var atModulus = Convert.FromHexString("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47");
        Assert.False(Bn254CompressedEncoding.TryDecodeG1(atModulus, out _, out _));

        // x with no point: about half of all x; search the first few.
        var found = false;
        for (ulong x = 1; x < 50 && !found; x++)
        {
            var bytes = new byte[32];
            bytes[31] = (byte)x;
            if (!Bn254CompressedEncoding.TryDecodeG1(bytes, out _, out var error))
            {
                Assert.Contains("no point", error, StringComparison.Ordinal);
                found = true;
            }
        }

        Assert.True(found);

        // G2: a twist point outside the subgroup is refused, like the uncompressed form.
        var sawOutside = false;
        for (ulong x = 1; x < 30 && !sawOutside; x++)
        {
            var bytes = new byte[64];
            bytes[63] = (byte)x;
            if (!Bn254CompressedEncoding.TryDecodeG2(bytes, out _, out var error) && error!.Contains("subgroup", StringComparison.Ordinal))
            {
                sawOutside = true;
            }
        }

        Assert.True(sawOutside);
    }

    private static byte[] Pad(BigInteger value)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[32];
        raw.CopyTo(padded, 32 - raw.Length);
        return padded;
    }
}
