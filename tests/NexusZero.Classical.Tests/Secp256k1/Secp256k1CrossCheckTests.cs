using NexusZero.Classical.Tests.Oracles;
using NexusZero.Groups;
using NexusZero.Groups.Secp256k1;
using Org.BouncyCastle.Asn1.Sec;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace NexusZero.Classical.Tests.Secp256k1;

/// <summary>Random operations checked against two independent implementations: BouncyCastle and @noble/curves.</summary>
public sealed class Secp256k1CrossCheckTests
{
    private static readonly Secp256k1Group Group = Secp256k1Group.Instance;
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Bc = SecNamedCurves.GetByName("secp256k1");

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private static string Encode(GroupElement e) => e.IsIdentity ? "identity" : Hex(e.ToBytes());

    [Fact]
    public void Random_operations_match_BouncyCastle()
    {
        for (var i = 0; i < 40; i++)
        {
            var k = Group.RandomScalar();
            var bcK = new BcBigInteger(1, k.ToBytes());
            var expected = Bc.G.Multiply(bcK).Normalize().GetEncoded(true);
            Assert.Equal(expected, Group.MultiplyBase(k).ToBytes());

            var p = Group.MultiplyBase(Group.RandomScalar());
            var q = Group.MultiplyBase(Group.RandomScalar());
            var bcP = Bc.Curve.DecodePoint(p.ToBytes());
            var bcQ = Bc.Curve.DecodePoint(q.ToBytes());
            Assert.Equal(bcP.Add(bcQ).Normalize().GetEncoded(true), (p + q).ToBytes());
            Assert.Equal(bcP.Multiply(bcK).Normalize().GetEncoded(true), (k * p).ToBytes());
            Assert.Equal(bcP.Multiply(bcK).Normalize().GetEncoded(true), p.MultiplyVarTime(k).ToBytes());
            Assert.Equal(bcP.Twice().Normalize().GetEncoded(true), (p + p).ToBytes());
        }
    }

    [Fact]
    public void Compressed_point_decoding_matches_BouncyCastle()
    {
        // Random x (about half have no square root), x at and above p, and honest points with one bit flipped.
        var random = new Random(13);
        var candidates = new List<byte[]>();
        for (var i = 0; i < 64; i++)
        {
            var bytes = new byte[33];
            random.NextBytes(bytes);
            bytes[0] = (byte)(2 + (i & 1));
            candidates.Add(bytes);

            var flipped = Group.MultiplyBase(Group.RandomScalar()).ToBytes();
            flipped[1 + random.Next(32)] ^= (byte)(1 << random.Next(8));
            candidates.Add(flipped);
        }

        var p = Bc.Curve.Field.Characteristic;
        foreach (var x in new[] { p, p.Add(BcBigInteger.One), p.Add(BcBigInteger.Two), BcBigInteger.One.ShiftLeft(256).Subtract(BcBigInteger.One) })
        {
            var bytes = new byte[33];
            bytes[0] = 0x02;
            x.ToByteArrayUnsigned().CopyTo(bytes, 1);
            candidates.Add(bytes);
        }

        foreach (var candidate in candidates)
        {
            string? theirs;
            try
            {
                theirs = Hex(Bc.Curve.DecodePoint(candidate).Normalize().GetEncoded(true));
            }
            catch (ArgumentException)
            {
                theirs = null;
            }

            string? ours = Group.TryDecodeElement(candidate, out var decoded) ? Encode(decoded) : null;
            Assert.True(theirs == ours, $"{Hex(candidate)}: ours {ours ?? "invalid"}, BouncyCastle {theirs ?? "invalid"}");
        }

        Assert.Contains(candidates, c => Group.TryDecodeElement(c, out _));
        Assert.Contains(candidates, c => !Group.TryDecodeElement(c, out _));
    }

    [Fact]
    public void Random_operations_match_noble_curves()
    {
        var random = new Random(8);
        var operations = new List<string>();
        var expected = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var k = Group.RandomScalar();
            var p = Group.MultiplyBase(Group.RandomScalar());
            var q = Group.MultiplyBase(Group.RandomScalar());
            operations.Add($"base {Hex(k.ToBytes())}");
            expected.Add(Encode(Group.MultiplyBase(k)));
            operations.Add($"mul {Hex(k.ToBytes())} {Hex(p.ToBytes())}");
            expected.Add(Encode(k * p));
            operations.Add($"add {Hex(p.ToBytes())} {Hex(q.ToBytes())}");
            expected.Add(Encode(p + q));
            operations.Add($"add {Hex(p.ToBytes())} {Hex((-p).ToBytes())}");
            expected.Add(Encode(p - p));

            // Decoding: valid points, random byte strings (mostly off-curve or non-canonical), flipped bytes.
            var candidate = p.ToBytes();
            candidate[1 + random.Next(32)] ^= (byte)(1 << random.Next(8));
            if (i % 3 == 0)
            {
                random.NextBytes(candidate.AsSpan(1));
                candidate[0] = (byte)(2 + random.Next(2));
            }

            if (i % 10 == 0)
            {
                candidate.AsSpan(1).Fill(0xFF);
            }

            operations.Add($"decode {Hex(candidate)}");
            expected.Add(Group.TryDecodeElement(candidate, out var decoded) ? Encode(decoded) : "invalid");
        }

        var actual = NobleOracle.Run(operations);
        for (var i = 0; i < operations.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"{operations[i]}: ours {expected[i]}, noble {actual[i]}");
        }
    }
}
