using NexusZero.Groups.Secp256k1;

namespace NexusZero.Classical.Tests.Secp256k1;

/// <summary>
/// The verifier-side affine machinery against the complete projective formulas: Jacobian doubling and
/// mixed addition (with their exceptional cases), batch inversion, odd-multiple tables and the
/// affine-table Straus multi-scalar multiplication.
/// </summary>
public sealed class AffineStrausTests
{
    private static ScalarValue RandomScalar(Random random)
    {
        var wide = new byte[64];
        random.NextBytes(wide);
        return ScalarValue.FromWideBigEndian(wide);
    }

    private static ProjectivePoint RandomPoint(Random random) =>
        PointMultiplication.MultiplyVarTime(ProjectivePoint.Generator, RandomScalar(random));

    private static AffinePoint Affine(in ProjectivePoint p)
    {
        Assert.True(p.TryToAffine(out var x, out var y));
        return new AffinePoint(x, y);
    }

    [Fact]
    public void Jacobian_formulas_match_the_complete_formulas_including_exceptional_cases()
    {
        var random = new Random(11);
        for (var i = 0; i < 50; i++)
        {
            var p = RandomPoint(random);
            var q = RandomPoint(random);
            var jp = JacobianPoint.FromAffine(Affine(p));

            // Give the accumulator a Z other than 1, as it has in a real run.
            var jp2 = JacobianPoint.Double(jp);
            var twoP = ProjectivePoint.Double(p);
            Assert.True(ProjectivePoint.AreEqual(twoP, jp2.ToProjective()));
            Assert.True(ProjectivePoint.AreEqual(ProjectivePoint.Add(twoP, q), JacobianPoint.AddAffine(jp2, Affine(q)).ToProjective()));

            // 2P + 2P doubles; 2P + (−2P) is the identity; identity + Q is Q.
            Assert.True(ProjectivePoint.AreEqual(ProjectivePoint.Double(twoP), JacobianPoint.AddAffine(jp2, Affine(twoP)).ToProjective()));
            Assert.True(JacobianPoint.AddAffine(jp2, Affine(ProjectivePoint.Negate(twoP))).IsIdentity);
            Assert.True(ProjectivePoint.AreEqual(q, JacobianPoint.AddAffine(JacobianPoint.Identity, Affine(q)).ToProjective()));
            Assert.True(JacobianPoint.Double(JacobianPoint.Identity).IsIdentity);
        }
    }

    [Fact]
    public void Batch_inversion_matches_single_inversions_and_refuses_zero()
    {
        var random = new Random(12);
        var values = Enumerable.Range(0, 33).Select(_ => Affine(RandomPoint(random)).X).ToArray();
        var inverted = values.ToArray();
        AffineBatch.InvertAll(inverted, new FieldElement[values.Length]);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(1UL, FieldElement.Invert(values[i]).EqualsBit(inverted[i]));
        }

        values[17] = FieldElement.Zero;
        Assert.Throws<InvalidOperationException>(() => AffineBatch.InvertAll(values, new FieldElement[values.Length]));
    }

    [Fact]
    public void Odd_multiple_tables_match_repeated_addition()
    {
        var random = new Random(13);
        var points = Enumerable.Range(0, 9).Select(_ => RandomPoint(random)).ToArray();
        const int size = 8;
        var tables = new AffinePoint[points.Length * size];
        AffineBatch.BuildOddMultiples(points.Select(p => Affine(p)).ToArray(), size, tables);
        for (var i = 0; i < points.Length; i++)
        {
            var multiple = points[i];
            var twice = ProjectivePoint.Double(points[i]);
            for (var k = 0; k < size; k++)
            {
                Assert.True(ProjectivePoint.AreEqual(multiple, tables[(i * size) + k].ToProjective()));
                multiple = ProjectivePoint.Add(multiple, twice);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(129)]
    public void Affine_straus_matches_term_by_term_multiplication(int count)
    {
        var random = new Random(count);
        var scalars = new ScalarValue[count];
        var points = new ProjectivePoint[count];
        for (var i = 0; i < count; i++)
        {
            scalars[i] = (i % 5) switch
            {
                0 => RandomScalar(random),
                1 => new ScalarValue((ulong)random.NextInt64(), (ulong)random.NextInt64(), 0, 0),
                2 => ScalarValue.Subtract(ScalarValue.Zero, ScalarValue.One),
                _ => RandomScalar(random),
            };

            // Most points straight from a multiplication (Z ≠ 1), some affine (Z = 1).
            points[i] = i % 4 == 3 ? Affine(RandomPoint(random)).ToProjective() : RandomPoint(random);
        }

        if (count >= 7)
        {
            // A zero scalar, the identity, a repeated point and a negated point.
            scalars[1] = ScalarValue.Zero;
            points[2] = ProjectivePoint.Identity;
            points[4] = points[3];
            points[5] = ProjectivePoint.Negate(points[3]);
            scalars[5] = scalars[3];
        }

        // Reference: one complete-formula multiplication per term, summed (not the MSM dispatcher,
        // which itself routes mid-sized inputs here).
        var expected = ProjectivePoint.Identity;
        for (var i = 0; i < count; i++)
        {
            expected = ProjectivePoint.Add(expected, PointMultiplication.MultiplyVarTime(points[i], scalars[i]));
        }

        Assert.True(ProjectivePoint.AreEqual(expected, AffineStraus.MultiplyVarTime(scalars, points)));
    }

    [Fact]
    public void Terms_that_cancel_give_the_identity()
    {
        var random = new Random(14);
        var p = RandomPoint(random);
        var k = RandomScalar(random);
        var sum = AffineStraus.MultiplyVarTime([k, k], [p, ProjectivePoint.Negate(p)]);
        Assert.Equal(1UL, sum.IsIdentityBit());
    }
}
