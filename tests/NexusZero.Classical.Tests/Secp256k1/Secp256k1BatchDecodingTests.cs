using System.Numerics;
using NexusZero.Groups.Secp256k1;
using static NexusZero.Classical.Tests.Secp256k1.BigIntegerReference;

namespace NexusZero.Classical.Tests.Secp256k1;

/// <summary>The four-at-a-time SEC1 decoder must agree with <see cref="Secp256k1Group.TryDecodeAffine"/> on every item.</summary>
public sealed class Secp256k1BatchDecodingTests
{
    private const int Size = 33;

    /// <summary>Kinds of bad encodings, each placed at every position of every batch size.</summary>
    private static readonly string[] InvalidKinds = ["prefix00", "prefix04", "prefix01", "prefixFF", "xEqualsP", "xAboveP", "xMax", "offCurve02", "offCurve03"];

    [Fact]
    public void The_vector_path_runs_on_this_machine()
    {
        Assert.True(FieldElement4.IsSupported, "this CI machine has AVX2; the four-lane secp256k1 decoding must be tested here");
    }

    [Fact]
    public void Every_batch_size_with_an_invalid_item_at_every_position_agrees_with_the_single_decoder()
    {
        Assert.True(FieldElement4.IsSupported, "this CI machine has AVX2; the four-lane secp256k1 decoding must be tested here");
        var random = new Random(33);
        for (var size = 1; size <= 13; size++)
        {
            for (var position = 0; position < size; position++)
            {
                foreach (var kind in InvalidKinds)
                {
                    var items = new List<byte[]>();
                    for (var i = 0; i < size; i++)
                    {
                        items.Add(i == position ? Invalid(random, kind) : Valid(random, odd: (i + position) % 2 == 1));
                    }

                    var valid = AssertAgrees(items);
                    for (var i = 0; i < size; i++)
                    {
                        Assert.Equal(i != position, valid[i]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Both_parities_of_the_same_x_decode_to_opposite_points_at_every_lane()
    {
        var random = new Random(34);
        for (var size = 1; size <= 13; size++)
        {
            var items = new List<byte[]>();
            for (var i = 0; i < size; i++)
            {
                items.Add(Valid(random, odd: random.Next(2) == 0));
            }

            var flipped = items.Select(e =>
            {
                var copy = (byte[])e.Clone();
                copy[0] ^= 0x01;
                return copy;
            }).ToList();
            AssertAgrees(items);
            AssertAgrees(flipped);
            var (points, _) = Decode(items);
            var (flippedPoints, _) = Decode(flipped);
            for (var i = 0; i < size; i++)
            {
                Assert.Equal(Big(points[i].X), Big(flippedPoints[i].X));
                Assert.Equal(Mod(-Big(points[i].Y), P), Big(flippedPoints[i].Y));
                Assert.Equal(items[i][0] == 0x03, !Big(points[i].Y).IsEven);
            }
        }
    }

    [Fact]
    public void Random_mixed_batches_and_edge_x_values_agree_with_the_single_decoder()
    {
        var random = new Random(35);
        for (var trial = 0; trial < 40; trial++)
        {
            var size = 1 + random.Next(13);
            var items = new List<byte[]>();
            for (var i = 0; i < size; i++)
            {
                items.Add(random.Next(3) switch
                {
                    0 => Invalid(random, InvalidKinds[random.Next(InvalidKinds.Length)]),
                    1 => Encoding((byte)(2 + random.Next(2)), Interesting(random, P, random.Next(8))),
                    _ => Valid(random, random.Next(2) == 0),
                });
            }

            AssertAgrees(items);
        }

        // Every item invalid, and the generator's own encoding (known answer) in each lane.
        AssertAgrees(InvalidKinds.Select(k => Invalid(random, k)).ToList());
        var generator = Convert.FromHexString("0279BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798");
        for (var lane = 0; lane < 4; lane++)
        {
            var items = Enumerable.Range(0, 4).Select(i => i == lane ? generator : Invalid(random, "offCurve02")).ToList();
            var (points, valid) = Decode(items);
            Assert.True(valid[lane]);
            Assert.Equal(BigInteger.Parse("0483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8", System.Globalization.NumberStyles.HexNumber), Big(points[lane].Y));
        }
    }

    [Fact]
    public void The_vector_square_root_chain_matches_the_scalar_one_on_squares_and_non_squares()
    {
        Assert.True(FieldElement4.IsSupported, "this CI machine has AVX2; the four-lane secp256k1 decoding must be tested here");
        var random = new Random(36);
        for (var trial = 0; trial < 30; trial++)
        {
            var inputs = new FieldElement[4];
            for (var lane = 0; lane < 4; lane++)
            {
                inputs[lane] = Fe(Interesting(random, P, trial + lane));
            }

            Secp256k1BatchDecoding.SqrtCandidates(inputs[0], inputs[1], inputs[2], inputs[3], out var r0, out var r1, out var r2, out var r3);
            FieldElement[] roots = [r0, r1, r2, r3];
            for (var lane = 0; lane < 4; lane++)
            {
                FieldElement.SqrtVarTime(inputs[lane], out var expected);
                Assert.Equal(Big(expected), Big(roots[lane]));
                Assert.Equal(BigInteger.ModPow(Big(inputs[lane]), (P + 1) / 4, P), Big(roots[lane]));
            }
        }
    }

    [Fact]
    public void The_scalar_fallback_agrees_with_the_vector_path()
    {
        var random = new Random(37);
        var items = new List<byte[]>();
        for (var i = 0; i < 11; i++)
        {
            items.Add(i % 3 == 0 ? Invalid(random, InvalidKinds[i % InvalidKinds.Length]) : Valid(random, i % 2 == 0));
        }

        var encodings = items.SelectMany(e => e).ToArray();
        var scalarPoints = new AffinePoint[items.Count];
        var scalarValid = new bool[items.Count];
        var vectorPoints = new AffinePoint[items.Count];
        var vectorValid = new bool[items.Count];
        Secp256k1BatchDecoding.DecodeScalar(encodings, scalarPoints, scalarValid);
        Secp256k1BatchDecoding.DecodeVector(encodings, vectorPoints, vectorValid);
        Assert.Equal(scalarValid, vectorValid);
        for (var i = 0; i < items.Count; i++)
        {
            AssertSamePoint(scalarPoints[i], vectorPoints[i]);
        }
    }

    [Fact]
    public void Decodes_an_empty_batch_and_rejects_mismatched_lengths()
    {
        Secp256k1BatchDecoding.Decode([], [], []);
        Assert.Throws<ArgumentException>(() => Secp256k1BatchDecoding.Decode(new byte[32], new AffinePoint[1], new bool[1]));
        Assert.Throws<ArgumentException>(() => Secp256k1BatchDecoding.Decode(new byte[33], new AffinePoint[1], new bool[2]));
        Assert.Throws<ArgumentException>(() => Secp256k1BatchDecoding.Decode(new byte[66], new AffinePoint[1], new bool[1]));
    }

    private static bool[] AssertAgrees(List<byte[]> items)
    {
        var (points, valid) = Decode(items);
        for (var i = 0; i < items.Count; i++)
        {
            var expectedValid = Secp256k1Group.TryDecodeAffine(items[i], out var expected);
            Assert.Equal(expectedValid, valid[i]);
            AssertSamePoint(expected, points[i]);
        }

        return valid;
    }

    private static (AffinePoint[] Points, bool[] Valid) Decode(List<byte[]> items)
    {
        var points = new AffinePoint[items.Count];
        var valid = new bool[items.Count];

        // Stale values in the outputs must be overwritten, valid or not.
        Array.Fill(points, new AffinePoint(FieldElement.One, FieldElement.One));
        Array.Fill(valid, true);
        Secp256k1BatchDecoding.Decode(items.SelectMany(e => e).ToArray(), points, valid);
        return (points, valid);
    }

    private static void AssertSamePoint(in AffinePoint expected, in AffinePoint actual)
    {
        Assert.Equal(Big(expected.X), Big(actual.X));
        Assert.Equal(Big(expected.Y), Big(actual.Y));
    }

    /// <summary>A random on-curve x (x³ + 7 a square, checked with BigInteger) with the requested y parity.</summary>
    private static byte[] Valid(Random random, bool odd)
    {
        while (true)
        {
            var x = RandomBelow(random, P);
            if (IsSquare(Mod((x * x * x) + 7, P)))
            {
                return Encoding(odd ? (byte)0x03 : (byte)0x02, x);
            }
        }
    }

    private static byte[] Invalid(Random random, string kind)
    {
        switch (kind)
        {
            case "prefix00":
            case "prefix04":
            case "prefix01":
            case "prefixFF":
                // A valid x under a prefix the decoder must refuse.
                var encoding = Valid(random, false);
                encoding[0] = Convert.FromHexString(kind[^2..])[0];
                return encoding;
            case "xEqualsP":
                return Encoding((byte)(2 + random.Next(2)), P);
            case "xAboveP":
                return Encoding((byte)(2 + random.Next(2)), P + 1 + random.Next(1000));
            case "xMax":
                return Encoding((byte)(2 + random.Next(2)), BigInteger.Pow(2, 256) - 1);
            default:
                while (true)
                {
                    var x = RandomBelow(random, P);
                    if (!IsSquare(Mod((x * x * x) + 7, P)))
                    {
                        return Encoding(kind == "offCurve03" ? (byte)0x03 : (byte)0x02, x);
                    }
                }
        }
    }

    private static bool IsSquare(BigInteger value) => value.IsZero || BigInteger.ModPow(value, (P - 1) / 2, P).IsOne;

    private static byte[] Encoding(byte prefix, BigInteger x)
    {
        var result = new byte[Size];
        result[0] = prefix;
        ToBigEndian(x).CopyTo(result, 1);
        return result;
    }
}
