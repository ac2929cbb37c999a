using System.Runtime.Intrinsics;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Tests.Groups;

/// <summary>The batch-verification MSM against the group's own MSM and against plain scalar multiplications.</summary>
public sealed class BatchStrausTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(129)]
    public void Equals_the_reference_msm_for_full_and_128_bit_scalars(int count)
    {
        var random = RistrettoTestData.NewRandom(1000 + count);
        var scalars = new Scalar[count];
        var points = new EdwardsPoint[count];
        for (var i = 0; i < count; i++)
        {
            var bytes = RistrettoTestData.RandomBytes(random, 64);
            if (i % 2 == 1)
            {
                // 128-bit scalars, as batch weights are, including the extremes 1 and 2^128 − 1.
                Array.Clear(bytes, 16, 48);
                if (i % 5 == 1)
                {
                    Array.Fill(bytes, (byte)0xff, 0, 16);
                }
            }

            scalars[i] = i % 2 == 1 ? Scalar.FromBytesModOrder(bytes.AsSpan(0, 32)) : Scalar.FromBytesModOrderWide(bytes);
            points[i] = RistrettoEncoding.FromUniformBytes(RistrettoTestData.RandomBytes(random, 64));
        }

        if (count > 2)
        {
            scalars[2] = Scalar.One;
            scalars[count - 1] = -Scalar.One;
        }

        var baseScalar = Scalar.FromBytesModOrderWide(RistrettoTestData.RandomBytes(random, 64));
        Assert.True(FieldElement4.IsSupported, "this CI machine has AVX2; the packed path must be tested here");
        var actual = BatchStraus.MultiplyVarTime(baseScalar, scalars, points, packed: true);
        var scalarPath = BatchStraus.MultiplyVarTime(baseScalar, scalars, points, packed: false);
        var expected = MultiScalarMultiplication.MultiplyVarTime(baseScalar, scalars, points);
        Assert.Equal(1UL, RistrettoEncoding.AreEquivalent(expected, actual));
        Assert.Equal(1UL, RistrettoEncoding.AreEquivalent(expected, scalarPath));

        var plain = ScalarMultiplication.MultiplyBase(baseScalar);
        for (var i = 0; i < count; i++)
        {
            plain = plain.Add(ScalarMultiplication.Multiply(points[i], scalars[i]));
        }

        Assert.Equal(1UL, RistrettoEncoding.AreEquivalent(plain, actual));
    }

    [Fact]
    public void Four_lane_tables_equal_the_scalar_tables()
    {
        Assert.True(FieldElement4.IsSupported, "this CI machine has AVX2; the vector path must be tested here");
        var random = RistrettoTestData.NewRandom(4);
        var points = new EdwardsPoint[4];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = RistrettoEncoding.FromUniformBytes(RistrettoTestData.RandomBytes(random, 64));
        }

        // A negated point (unreduced limbs) and the identity among them.
        points[1] = points[1].Negate();
        points[3] = EdwardsPoint.Identity;
        var vector = new FieldElement4[4 * 8];
        OddMultiples4.Fill(points, vector, 8);
        var expected = new ProjectiveNielsPoint[8];
        for (var i = 0; i < points.Length; i++)
        {
            ScalarMultiplication.OddMultiples(points[i], expected);
            for (var j = 0; j < 8; j++)
            {
                AssertSameLanes(PackedEdwardsPoint.Cached(expected[j]), vector[(i * 8) + j]);
            }
        }
    }

    [Fact]
    public void Packed_addition_subtraction_and_doubling_equal_the_scalar_formulas()
    {
        var random = RistrettoTestData.NewRandom(5);
        for (var trial = 0; trial < 50; trial++)
        {
            var p = RistrettoEncoding.FromUniformBytes(RistrettoTestData.RandomBytes(random, 64)).Double();
            var q = RistrettoEncoding.FromUniformBytes(RistrettoTestData.RandomBytes(random, 64)).Add(p);
            var packed = PackedEdwardsPoint.From(p);
            var cached = PackedEdwardsPoint.Cached(q.ToProjectiveNiels());
            AssertSamePoint(CompletedPoint.Add(p, q.ToProjectiveNiels()).ToExtended(), packed.Add(cached).ToEdwardsPoint());
            AssertSamePoint(CompletedPoint.Subtract(p, q.ToProjectiveNiels()).ToExtended(), packed.Add(PackedEdwardsPoint.NegateCached(cached)).ToEdwardsPoint());
            AssertSamePoint(p.Double(), packed.Double().ToEdwardsPoint());
            var affine = BasePointTable.OddMultiples[trial];
            AssertSamePoint(CompletedPoint.Add(p, affine).ToExtended(), packed.Add(PackedEdwardsPoint.Cached(affine)).ToEdwardsPoint());
        }

        AssertSamePoint(EdwardsPoint.Identity, PackedEdwardsPoint.Identity.ToEdwardsPoint());
    }

    [Fact]
    public void Packed_addition_and_doubling_are_exact_with_every_limb_at_the_weakly_reduced_maximum()
    {
        // The packed formulas skip carry passes on the strength of the weak reduction bound (limb below
        // 2^(26 or 25) + 2^18); coordinates and cached entries at that bound, with the scalar formulas
        // (add-2008-hwcd-3 written out, and the scalar doubling) on the same field elements as reference.
        var random = RistrettoTestData.NewRandom(77);
        for (var trial = 0; trial < 40; trial++)
        {
            var p = new PackedEdwardsPoint(WeaklyReducedAtMost(random, trial == 0));
            var cached = WeaklyReducedAtMost(random, trial == 0);
            p.Coordinates.ToLanes(out var x, out var y, out var z, out var t);
            foreach (var q in new[] { cached, PackedEdwardsPoint.NegateCached(cached) })
            {
                q.ToLanes(out var q0, out var q1, out var q2, out var q3);
                var a = (y - x) * q0;
                var b = (y + x) * q1;
                var d = z * q2;
                var c = t * q3;
                var e = b - a;
                var f = d - c;
                var g = d + c;
                var h = b + a;
                AssertSamePoint(new EdwardsPoint(e * f, g * h, f * g, e * h), p.Add(q).ToEdwardsPoint());
            }

            AssertSamePoint(new EdwardsPoint(x, y, z, t).Double(), p.Double().ToEdwardsPoint());
        }
    }

    private static FieldElement4 WeaklyReducedAtMost(Random random, bool atMaximum)
    {
        var limbs = new Vector256<ulong>[10];
        for (var i = 0; i < 10; i++)
        {
            var bound = (1UL << (i % 2 == 0 ? 26 : 25)) + (1UL << 18);
            var lanes = new ulong[4];
            for (var lane = 0; lane < 4; lane++)
            {
                lanes[lane] = atMaximum || random.Next(4) == 0 ? bound - 1 : (ulong)random.NextInt64((long)bound);
            }

            limbs[i] = Vector256.Create(lanes);
        }

        var v = default(FieldElement4);
        v.L0 = limbs[0]; v.L1 = limbs[1]; v.L2 = limbs[2]; v.L3 = limbs[3]; v.L4 = limbs[4];
        v.L5 = limbs[5]; v.L6 = limbs[6]; v.L7 = limbs[7]; v.L8 = limbs[8]; v.L9 = limbs[9];
        return v;
    }

    private static void AssertSamePoint(in EdwardsPoint expected, in EdwardsPoint actual)
    {
        // The same coordinates, not only the same group element: the formulas must match the scalar ones.
        Assert.Equal(1UL, FieldElement.ConstantTimeEquals(expected.X, actual.X) & FieldElement.ConstantTimeEquals(expected.Y, actual.Y)
            & FieldElement.ConstantTimeEquals(expected.Z, actual.Z) & FieldElement.ConstantTimeEquals(expected.T, actual.T));
    }

    private static void AssertSameLanes(in FieldElement4 expected, in FieldElement4 actual)
    {
        expected.ToLanes(out var e0, out var e1, out var e2, out var e3);
        actual.ToLanes(out var a0, out var a1, out var a2, out var a3);
        Assert.Equal(1UL, FieldElement.ConstantTimeEquals(e0, a0) & FieldElement.ConstantTimeEquals(e1, a1)
            & FieldElement.ConstantTimeEquals(e2, a2) & FieldElement.ConstantTimeEquals(e3, a3));
    }

    [Fact]
    public void Zero_scalars_give_the_identity()
    {
        var points = new[] { EdwardsPoint.BasePoint, EdwardsPoint.BasePoint.Double() };
        var sum = BatchStraus.MultiplyVarTime(Scalar.Zero, [Scalar.Zero, Scalar.Zero], points);
        Assert.Equal(1UL, RistrettoEncoding.IsIdentity(sum));
        Assert.Throws<ArgumentException>(() => BatchStraus.MultiplyVarTime(Scalar.One, [Scalar.One], points));
    }

    [Fact]
    public void Sparse_naf_reconstructs_the_scalar()
    {
        var random = RistrettoTestData.NewRandom(77);
        Span<short> positions = stackalloc short[64];
        Span<sbyte> digits = stackalloc sbyte[64];
        for (var trial = 0; trial < 200; trial++)
        {
            var bytes = RistrettoTestData.RandomBytes(random, 64);
            if (trial % 3 == 0)
            {
                Array.Clear(bytes, 16, 48);
            }

            var scalar = Scalar.FromBytesModOrderWide(bytes);
            foreach (var width in new[] { 5, 8 })
            {
                var count = BatchStraus.SparseNaf(scalar, width, positions, digits);
                var value = System.Numerics.BigInteger.Zero;
                var previous = -width;
                for (var k = 0; k < count; k++)
                {
                    Assert.True(digits[k] % 2 != 0 && Math.Abs((int)digits[k]) < (1 << (width - 1)));
                    Assert.True(positions[k] >= previous + width, "nonzero digits are at least w apart");
                    previous = positions[k];
                    value += digits[k] * (System.Numerics.BigInteger.One << positions[k]);
                }

                var encoded = new byte[32];
                scalar.Encode(encoded);
                Assert.Equal(RistrettoTestData.ToBigInteger(encoded), value);
            }
        }
    }
}
