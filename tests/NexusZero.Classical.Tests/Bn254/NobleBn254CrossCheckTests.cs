using NexusZero.Classical.Tests.Oracles;
using NexusZero.Groups.Bn254;
using G1Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp, NexusZero.Groups.Bn254.G1Curve>;
using G2Point = NexusZero.Groups.Bn254.ProjectivePoint<NexusZero.Groups.Bn254.Fp2, NexusZero.Groups.Bn254.G2Curve>;

namespace NexusZero.Classical.Tests.Bn254;

/// <summary>Random G1, G2 and pairing operations against @noble/curves' bn254 (tests/…/oracle/bn254-oracle.js).</summary>
public sealed class NobleBn254CrossCheckTests
{
    [Fact]
    public void RandomOperationsAndPairingsMatchNobleCurves()
    {
        var random = new Random(21);
        var operations = new List<string>();
        var expected = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var a = RandomScalar(random);
            var b = RandomScalar(random);
            var p = Bn254Encoding.G1Generator.Multiply(RandomScalar(random));
            var p2 = Bn254Encoding.G1Generator.Multiply(RandomScalar(random));
            var q = Bn254Encoding.G2Generator.Multiply(RandomScalar(random));
            var q2 = Bn254Encoding.G2Generator.Multiply(RandomScalar(random));

            operations.Add($"g1add {G1(p)} {G1(p2)}");
            expected.Add(G1(p + p2));
            operations.Add($"g1add {G1(p)} {G1(p.Negate())}");
            expected.Add(G1(p - p));
            operations.Add($"g1mul {Scalar(a)} {G1(p)}");
            expected.Add(G1(p.Multiply(a)));
            operations.Add($"g2add {G2(q)} {G2(q2)}");
            expected.Add(G2(q + q2));
            operations.Add($"g2add {G2(q)} {G2(q)}");
            expected.Add(G2(q.Double()));
            operations.Add($"g2mul {Scalar(b)} {G2(q)}");
            expected.Add(G2(q.Multiply(b)));
            if (i < 4)
            {
                operations.Add($"pair {G1(p)} {G2(q)}");
                expected.Add(Coefficients(Bn254Pairing.Pair(p, q)));
            }
        }

        var actual = NobleOracle.Run(operations, "bn254-oracle.js");
        Assert.Equal(operations.Count, actual.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"{operations[i]}: ours {expected[i]}, noble {actual[i]}");
        }
    }

    private static Fr RandomScalar(Random random)
    {
        var bytes = new byte[64];
        random.NextBytes(bytes);
        return Fr.FromBigEndianReduced(bytes);
    }

    private static string Scalar(Fr k)
    {
        var bytes = new byte[32];
        k.WriteBigEndian(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static string G1(G1Point p) => Convert.ToHexStringLower(Bn254Encoding.EncodeG1(p));

    private static string G2(G2Point q) => Convert.ToHexStringLower(Bn254Encoding.EncodeG2(q));

    private static string Coefficients(Fp12 e)
    {
        var parts = new List<string>();
        foreach (var c6 in new[] { e.C0, e.C1 })
        {
            foreach (var c2 in new[] { c6.C0, c6.C1, c6.C2 })
            {
                parts.Add(Hex(c2.C0));
                parts.Add(Hex(c2.C1));
            }
        }

        return string.Join(',', parts);
    }

    private static string Hex(Fp value)
    {
        var bytes = new byte[32];
        value.WriteBigEndian(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
