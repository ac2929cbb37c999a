using NexusZero.Groups;
using NexusZero.Groups.Secp256k1;

namespace NexusZero.Classical.Tests.Secp256k1;

public sealed class Secp256k1KnownAnswerTests
{
    private static readonly Secp256k1Group Group = Secp256k1Group.Instance;

    public static TheoryData<string, string, string> GeneratorMultiples()
    {
        var data = new TheoryData<string, string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "secp256k1-generator-multiples.txt");
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1], parts[2]);
        }

        return data;
    }

    private static GroupScalar Scalar(string hex)
    {
        var bytes = new byte[32];
        var raw = Convert.FromHexString(hex.PadLeft(64, '0'));
        raw.CopyTo(bytes, 0);
        Assert.True(Group.TryDecodeScalar(bytes, out var k));
        return k;
    }

    [Theory]
    [MemberData(nameof(GeneratorMultiples))]
    public void Generator_multiples_match_known_coordinates(string k, string x, string y)
    {
        var yBytes = Convert.FromHexString(y);
        var expected = new byte[33];
        expected[0] = (byte)(0x02 | (yBytes[31] & 1));
        Convert.FromHexString(x).CopyTo(expected, 1);

        var scalar = Scalar(k);
        Assert.Equal(expected, Group.MultiplyBase(scalar).ToBytes());
        Assert.Equal(expected, Group.Generator.Multiply(scalar).ToBytes());
        Assert.Equal(expected, Group.Generator.MultiplyVarTime(scalar).ToBytes());
        Assert.Equal(expected, Group.MultiScalarMultiplyVarTime([scalar], [Group.Generator]).ToBytes());

        Assert.True(Group.TryDecodeElement(expected, out var decoded));
        Assert.Equal(Group.MultiplyBase(scalar), decoded);
    }

    [Fact]
    public void Order_times_generator_is_the_identity()
    {
        var nMinusOne = Scalar("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364140");
        var sum = Group.MultiplyBase(nMinusOne) + Group.Generator;
        Assert.True(sum.IsIdentity);
        Assert.True((Group.ScalarZero * Group.Generator).IsIdentity);
        Assert.True(Group.MultiplyBase(Group.ScalarZero).IsIdentity);
        Assert.True(Group.Generator.MultiplyVarTime(Group.ScalarZero).IsIdentity);
    }
}
