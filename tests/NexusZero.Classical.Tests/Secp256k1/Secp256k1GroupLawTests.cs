using NexusZero.Groups;
using NexusZero.Groups.Secp256k1;

namespace NexusZero.Classical.Tests.Secp256k1;

public sealed class Secp256k1GroupLawTests
{
    private static readonly Secp256k1Group Group = Secp256k1Group.Instance;

    [Fact]
    public void Addition_is_a_group_law()
    {
        for (var i = 0; i < 20; i++)
        {
            var a = Group.MultiplyBase(Group.RandomScalar());
            var b = Group.MultiplyBase(Group.RandomScalar());
            var c = Group.MultiplyBase(Group.RandomScalar());
            Assert.Equal(a + b, b + a);
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal(a, a + Group.Identity);
            Assert.Equal(a, Group.Identity + a);
            Assert.True((a - a).IsIdentity);
            Assert.True((a + (-a)).IsIdentity);
            Assert.Equal(a + a, Group.ScalarFromUniformBytes(Two()) * a);
            Assert.Equal(a + a + a, (a + a) + a);
        }

        Assert.True((Group.Identity + Group.Identity).IsIdentity);
        Assert.True((-Group.Identity).IsIdentity);
    }

    [Fact]
    public void Scalar_multiplication_is_linear_and_all_paths_agree()
    {
        for (var i = 0; i < 10; i++)
        {
            var k1 = Group.RandomScalar();
            var k2 = Group.RandomScalar();
            var p = Group.MultiplyBase(Group.RandomScalar());
            Assert.Equal((k1 + k2) * p, (k1 * p) + (k2 * p));
            Assert.Equal((k1 * k2) * p, k1 * (k2 * p));
            Assert.Equal(k1 * p, p.MultiplyVarTime(k1));
            Assert.Equal(Group.MultiplyBase(k1), k1 * Group.Generator);
            Assert.Equal(Group.MultiplyBase(k1), Group.Generator.MultiplyVarTime(k1));
            Assert.True(((k1 * k1.Invert()) * p).Equals(p));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(130)]
    [InlineData(1540)]
    public void Msm_matches_the_sum_of_products(int count)
    {
        var scalars = new GroupScalar[count];
        var points = new GroupElement[count];
        GroupElement expected = Group.Identity;
        for (var i = 0; i < count; i++)
        {
            scalars[i] = i % 7 == 3 ? Group.ScalarZero : Group.RandomScalar();
            points[i] = i % 11 == 5 ? Group.Identity : Group.MultiplyBase(Group.RandomScalar());
            expected += scalars[i] * points[i];
        }

        // Repeated points exercise bucket doubling paths in the complete formulas.
        if (count > 2)
        {
            points[1] = points[0];
            expected = Group.Identity;
            for (var i = 0; i < count; i++)
            {
                expected += scalars[i] * points[i];
            }
        }

        Assert.Equal(expected, Group.MultiScalarMultiplyVarTime(scalars, points));
    }

    [Fact]
    public void Msm_rejects_length_mismatch()
    {
        Assert.Throws<ArgumentException>(() => Group.MultiScalarMultiplyVarTime([Group.ScalarOne], []));
    }

    private static byte[] Two()
    {
        var wide = new byte[64];
        wide[63] = 2;
        return wide;
    }
}
