using NexusZero.Groups.Ristretto255;

namespace NexusZero.Tests.Groups;

/// <summary>The side-by-side decoder must agree with the single RFC 9496 decoder on every input.</summary>
public sealed class RistrettoBatchDecodingTests
{
    [Fact]
    public void Agrees_with_the_single_decoder_on_rfc_valid_and_invalid_encodings()
    {
        var encodings = new List<byte[]>();
        foreach (var fields in RistrettoTestData.ReadVectorFile("ristretto255-generator-multiples.txt"))
        {
            encodings.Add(Convert.FromHexString(fields[1]));
        }

        var validCount = encodings.Count;
        foreach (var fields in RistrettoTestData.ReadVectorFile("ristretto255-invalid-encodings.txt"))
        {
            encodings.Add(Convert.FromHexString(fields[1]));
        }

        Assert.Equal(29, encodings.Count - validCount); // every bad encoding of RFC 9496 Appendix A.2
        var decoded = AssertAgrees(encodings);
        Assert.All(decoded.Take(validCount), Assert.True);
        Assert.All(decoded.Skip(validCount), Assert.False);
    }

    [Fact]
    public void Agrees_with_the_single_decoder_on_mixed_batches_of_every_size_around_the_lane_count()
    {
        var random = RistrettoTestData.NewRandom(9496);
        var invalid = RistrettoTestData.ReadVectorFile("ristretto255-invalid-encodings.txt").Select(f => Convert.FromHexString(f[1])).ToArray();
        for (var size = 1; size <= 3 * RistrettoBatchDecoding.Lanes + 1; size++)
        {
            var encodings = new List<byte[]>();
            for (var i = 0; i < size; i++)
            {
                encodings.Add(((i + size) % 3) switch
                {
                    0 => invalid[random.Next(invalid.Length)],
                    1 => RandomValidEncoding(random),
                    _ => RistrettoTestData.RandomBytes(random, 32),
                });
            }

            AssertAgrees(encodings);
        }
    }

    [Fact]
    public void The_vector_and_scalar_exponentiations_agree()
    {
        Assert.True(FieldElement4.IsSupported, "this CI machine has AVX2; the vector path must be tested here");
        var random = RistrettoTestData.NewRandom(58);
        for (var trial = 0; trial < 20; trial++)
        {
            var x = new FieldElement[RistrettoBatchDecoding.Lanes];
            for (var j = 0; j < x.Length; j++)
            {
                x[j] = trial == 0 && j == 0 ? FieldElement.Zero : FieldElement.FromBytes(RistrettoTestData.RandomBytes(random, 32));
            }

            var vector = new FieldElement[x.Length];
            var scalar = new FieldElement[x.Length];
            RistrettoBatchDecoding.PowP58Vector(x, vector);
            RistrettoBatchDecoding.PowP58Scalar(x, scalar);
            for (var j = 0; j < x.Length; j++)
            {
                Assert.Equal(1UL, FieldElement.ConstantTimeEquals(scalar[j], vector[j]));
            }
        }
    }

    [Fact]
    public void Decodes_an_empty_batch_and_rejects_mismatched_lengths()
    {
        RistrettoBatchDecoding.Decode([], [], []);
        Assert.Throws<ArgumentException>(() => RistrettoBatchDecoding.Decode(new byte[31], new EdwardsPoint[1], new bool[1]));
        Assert.Throws<ArgumentException>(() => RistrettoBatchDecoding.Decode(new byte[32], new EdwardsPoint[1], new bool[2]));
    }

    private static byte[] RandomValidEncoding(Random random)
    {
        var point = RistrettoEncoding.FromUniformBytes(RistrettoTestData.RandomBytes(random, 64));
        var encoded = new byte[32];
        RistrettoEncoding.Encode(point, encoded);
        return encoded;
    }

    private static bool[] AssertAgrees(List<byte[]> encodings)
    {
        var points = new EdwardsPoint[encodings.Count];
        var decoded = new bool[encodings.Count];
        RistrettoBatchDecoding.Decode(encodings.SelectMany(e => e).ToArray(), points, decoded);
        for (var i = 0; i < encodings.Count; i++)
        {
            var single = RistrettoEncoding.TryDecode(encodings[i], out var expected);
            Assert.Equal(single, decoded[i]);

            // Same representative, not only the same coset: the batch decoder computes the same formulas.
            Assert.Equal(1UL, FieldElement.ConstantTimeEquals(expected.X, points[i].X) & FieldElement.ConstantTimeEquals(expected.Y, points[i].Y)
                & FieldElement.ConstantTimeEquals(expected.Z, points[i].Z) & FieldElement.ConstantTimeEquals(expected.T, points[i].T));
        }

        return decoded;
    }
}
