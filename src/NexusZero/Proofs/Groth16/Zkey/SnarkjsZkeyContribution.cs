using System.Security.Cryptography;
using NexusZero.Circuits.Circom;
using NexusZero.Groups.Bn254;
using Org.BouncyCastle.Crypto.Digests;

namespace NexusZero.Proofs.Groth16.Zkey;

/// <summary>
/// A phase-2 contribution to a snarkjs .zkey, as `snarkjs zkey contribute` makes one: a fresh secret x from
/// <see cref="RandomNumberGenerator"/> replaces δ by x·δ in the header and divides the L and H points by x; the
/// contribution record carries δ after, a proof of knowledge of x (g1_s, x·g1_s, x·hashToG2(transcript)) and the
/// transcript (BLAKE2b-512 over the circuit hash, every earlier contribution and g1_s, g1_sx). `snarkjs zkey verify`
/// accepts the result. x and its inverse are wiped before returning; the multiplications by them are constant time.
/// </summary>
public static class SnarkjsZkeyContribution
{
    private const int HeaderDelta1Offset = 84 + 64 + 64 + 128 + 128;

    /// <summary>Adds one contribution to <paramref name="zkey"/>.</summary>
    /// <param name="zkey">A Groth16 .zkey (read strictly first).</param>
    /// <param name="name">An optional contributor name, at most 64 UTF-8 bytes kept (as snarkjs truncates).</param>
    /// <returns>The new .zkey and the contribution hash snarkjs prints (64 bytes).</returns>
    /// <exception cref="FormatException">The .zkey is malformed.</exception>
    public static (byte[] Zkey, byte[] ContributionHash) Contribute(ReadOnlySpan<byte> zkey, string? name = null)
    {
        SnarkjsZkeyReader.Read(zkey);
        var data = zkey.ToArray();
        var sections = CircomContainer.ReadSections(data, "zkey"u8, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "zkey");
        ReadOnlySpan<byte> Body(uint type) => data.AsSpan(sections[type].Offset, sections[type].Length);

        var header = Body(2).ToArray();
        var delta1 = DecodeG1(header.AsSpan(HeaderDelta1Offset, 64));
        var delta2 = DecodeG2(header.AsSpan(HeaderDelta1Offset + 64, 128));
        var mpc = Body(10);
        var circuitHash = mpc[..64];

        var transcriptHash = new Blake2bDigest(512);
        transcriptHash.BlockUpdate(circuitHash);
        foreach (var previous in Contributions(mpc))
        {
            HashPublicKey(transcriptHash, previous.Points, previous.Transcript);
        }

        var x = Groth16DevelopmentSetup.RandomNonZero();
        var xInverse = x.Invert();
        try
        {
            var g1s = Bn254Encoding.G1Generator.Multiply(Groth16DevelopmentSetup.RandomNonZero());
            var g1sx = g1s.Multiply(x);
            transcriptHash.BlockUpdate(Bn254Encoding.EncodeG1(g1s));
            transcriptHash.BlockUpdate(Bn254Encoding.EncodeG1(g1sx));
            var transcript = new byte[64];
            transcriptHash.DoFinal(transcript, 0);
            var g2spx = SnarkjsHashToG2.Hash(transcript).Multiply(x);
            var deltaAfter1 = delta1.Multiply(x);
            var deltaAfter2 = delta2.Multiply(x);
            SnarkjsZkeySetup.Lem(deltaAfter1).CopyTo(header, HeaderDelta1Offset);
            SnarkjsZkeySetup.Lem(deltaAfter2).CopyTo(header, HeaderDelta1Offset + 64);

            var record = new CircomSpanWriter();
            var points = new byte[(3 * 64) + 128];
            SnarkjsZkeySetup.Lem(deltaAfter1).CopyTo(points, 0);
            SnarkjsZkeySetup.Lem(g1s).CopyTo(points, 64);
            SnarkjsZkeySetup.Lem(g1sx).CopyTo(points, 128);
            SnarkjsZkeySetup.Lem(g2spx).CopyTo(points, 192);
            record.WriteBytes(points);
            record.WriteBytes(transcript);
            record.WriteUInt32(0);
            var parameters = Parameters(name);
            record.WriteUInt32((uint)parameters.Length);
            record.WriteBytes(parameters);

            var newMpc = new CircomSpanWriter();
            newMpc.WriteBytes(circuitHash);
            newMpc.WriteUInt32(System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(mpc[64..]) + 1);
            newMpc.WriteBytes(mpc[68..]);
            newMpc.WriteBytes(record.ToArray());

            var file = new CircomSpanWriter();
            file.WriteBytes("zkey"u8);
            file.WriteUInt32(1);
            file.WriteUInt32(10);
            file.WriteSection(1, Raw(Body(1)));
            file.WriteSection(2, Raw(header));
            for (uint type = 3; type <= 7; type++)
            {
                file.WriteSection(type, Raw(Body(type)));
            }

            file.WriteSection(8, Scaled(Body(8), xInverse));
            file.WriteSection(9, Scaled(Body(9), xInverse));
            file.WriteSection(10, newMpc);

            var contributionHash = new Blake2bDigest(512);
            HashPublicKey(contributionHash, points, transcript);
            var hash = new byte[64];
            contributionHash.DoFinal(hash, 0);
            return (file.ToArray(), hash);
        }
        finally
        {
            x = xInverse = Fr.Zero;
        }
    }

    /// <summary>Every L or H point times the secret, written back in the .zkey's form (constant-time multiplications).</summary>
    private static CircomSpanWriter Scaled(ReadOnlySpan<byte> body, Fr factor)
    {
        var count = body.Length / 64;
        var input = body.ToArray();
        var output = new byte[input.Length];
        Parallel.For(0, count, i =>
        {
            var point = DecodeG1(input.AsSpan(i * 64, 64));
            SnarkjsZkeySetup.Lem(point.Multiply(factor)).CopyTo(output, i * 64);
        });
        return Raw(output);
    }

    /// <summary>snarkjs's hashPubKey: δ after, g1_s, g1_sx (G1) and g2_spx (G2) uncompressed, then the transcript.</summary>
    private static void HashPublicKey(Blake2bDigest hash, ReadOnlySpan<byte> points, ReadOnlySpan<byte> transcript)
    {
        for (var i = 0; i < 3; i++)
        {
            hash.BlockUpdate(Bn254Encoding.EncodeG1(DecodeG1(points.Slice(i * 64, 64))));
        }

        hash.BlockUpdate(Bn254Encoding.EncodeG2(DecodeG2(points.Slice(192, 128))));
        hash.BlockUpdate(transcript);
    }

    private static List<(byte[] Points, byte[] Transcript)> Contributions(ReadOnlySpan<byte> mpc)
    {
        var reader = new CircomSpanReader(mpc, "zkey section 10");
        reader.ReadBytes(64, "circuit hash");
        var count = reader.ReadUInt32("contribution count");
        var result = new List<(byte[], byte[])>();
        for (var i = 0; i < count; i++)
        {
            var points = reader.ReadBytes(320, "contribution points").ToArray();
            var transcript = reader.ReadBytes(64, "transcript").ToArray();
            reader.ReadUInt32("type");
            var length = reader.ReadUInt32("parameter length");
            reader.ReadBytes((int)length, "parameters");
            result.Add((points, transcript));
        }

        return result;
    }

    private static byte[] Parameters(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return [];
        }

        var utf8 = System.Text.Encoding.UTF8.GetBytes(name.Length > 64 ? name[..64] : name);
        if (utf8.Length > 255)
        {
            throw new ArgumentException("The contributor name is over 255 UTF-8 bytes.", nameof(name));
        }

        return [1, (byte)utf8.Length, .. utf8];
    }

    private static CircomSpanWriter Raw(ReadOnlySpan<byte> bytes)
    {
        var writer = new CircomSpanWriter();
        writer.WriteBytes(bytes);
        return writer;
    }

    private static G1Point DecodeG1(ReadOnlySpan<byte> bytes)
    {
        var reader = new CircomSpanReader(bytes, "zkey");
        return ZkeyPointReader.ReadG1(ref reader, "point");
    }

    private static G2Point DecodeG2(ReadOnlySpan<byte> bytes)
    {
        var reader = new CircomSpanReader(bytes, "zkey");
        return ZkeyPointReader.ReadG2(ref reader, "point", checkSubgroup: false);
    }
}
