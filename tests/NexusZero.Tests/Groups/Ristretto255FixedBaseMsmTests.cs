using NexusZero.Groups.Ristretto255;
using static NexusZero.Tests.Groups.RistrettoTestData;

namespace NexusZero.Tests.Groups;

/// <summary>Precomputed fixed-base tables and the fixed-base multi-scalar multiplication against the plain paths.</summary>
public sealed class Ristretto255FixedBaseMsmTests
{
    private static EdwardsPoint RandomPoint(Random random) => RistrettoEncoding.FromUniformBytes(RandomBytes(random, 64));

    private static Scalar RandomScalar(Random random) => Scalar.FromBytesModOrderWide(RandomBytes(random, 64));

    private static bool SameAffine(in AffineNielsPoint a, in AffineNielsPoint b) =>
        FieldElement.ConstantTimeEquals(a.YPlusX, b.YPlusX) == 1
        && FieldElement.ConstantTimeEquals(a.YMinusX, b.YMinusX) == 1
        && FieldElement.ConstantTimeEquals(a.XY2d, b.XY2d) == 1;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    public void TableEntriesAreTheOddMultiples(int width)
    {
        var random = NewRandom(40 + width);
        EdwardsPoint[] points = [RandomPoint(random), EdwardsPoint.BasePoint, RandomPoint(random), RandomPoint(random).Double()];
        var tables = FixedBaseTable.Build(points, width);
        Assert.Equal(points.Length, tables.Length);
        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal(width, tables[i].Width);
            var entries = tables[i].OddMultiples;
            Assert.Equal(1 << (width - 2), entries.Length);
            for (var j = 0; j < entries.Length; j++)
            {
                // The same Edwards representative k·P exactly, not only the same ristretto255 element.
                var expected = ScalarMultiplication.MultiplyVarTime(points[i], Scalar.FromUInt64((ulong)((2 * j) + 1))).ToAffineNiels();
                Assert.True(SameAffine(expected, entries[j]), $"point {i}, entry {j}");
                Assert.True(SameAffine(entries[j], tables[i].Entry((2 * j) + 1)));
            }
        }
    }

    [Fact]
    public void TablesAcrossBuildChunksAreIndependent()
    {
        var random = NewRandom(49);
        var points = Enumerable.Range(0, 130).Select(_ => RandomPoint(random)).ToArray();
        var tables = FixedBaseTable.Build(points, 4);
        for (var i = 0; i < points.Length; i++)
        {
            Assert.True(SameAffine(points[i].ToAffineNiels(), tables[i].OddMultiples[0]), $"point {i}");
            var three = ScalarMultiplication.MultiplyVarTime(points[i], Scalar.FromUInt64(3)).ToAffineNiels();
            Assert.True(SameAffine(three, tables[i].OddMultiples[1]), $"point {i}");
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(16)]
    public void WindowMultiplesArePowersOfTwoToTheWindow(int windowWidth)
    {
        var random = NewRandom(60 + windowWidth);
        EdwardsPoint[] points = [RandomPoint(random), EdwardsPoint.BasePoint];
        var tables = FixedBaseTable.Build(points, 3, windowWidth);
        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal(windowWidth, tables[i].WindowWidth);
            var windows = tables[i].WindowMultiples;
            Assert.Equal(Scalar.SignedRadix2WLength(windowWidth), windows.Length);
            var expected = points[i];
            for (var k = 0; k < windows.Length; k++)
            {
                Assert.True(SameAffine(expected.ToAffineNiels(), windows[k]), $"point {i}, window {k}");
                expected = expected.MultiplyByPowerOfTwo(windowWidth);
            }
        }

        Assert.True(FixedBaseTable.Build(points, 3)[0].WindowMultiples.IsEmpty);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(4, 37)]
    [InlineData(8, 9)]
    [InlineData(11, 20)]
    [InlineData(12, 1)]
    [InlineData(12, 45)]
    [InlineData(16, 6)]
    public void BucketsMatchTheInterleavedPath(int windowWidth, int count)
    {
        var random = NewRandom(2000 + (windowWidth * 100) + count);
        var points = Enumerable.Range(0, count).Select(_ => RandomPoint(random)).ToArray();
        var tables = FixedBaseTable.Build(points, 5, windowWidth);
        var scalars = Enumerable.Range(0, count).Select(i => SpecialOrRandom(random, i)).ToArray();
        var buckets = FixedBaseBuckets.Sum(scalars, tables, windowWidth);
        var straus = FixedBaseMsm.Straus(Scalar.Zero, scalars, tables, [], []);
        Assert.Equal(1UL, RistrettoEncoding.AreEquivalent(straus, buckets));
        Assert.Equal(1UL, RistrettoEncoding.AreEquivalent(MultiScalarMultiplication.MultiplyVarTime(scalars, points), buckets));
    }

    [Fact]
    public void BucketsOfOnlyZeroScalarsGiveTheIdentity()
    {
        var tables = FixedBaseTable.Build([EdwardsPoint.BasePoint, EdwardsPoint.BasePoint.Double()], 3, 6);
        Assert.Equal(1UL, RistrettoEncoding.IsIdentity(FixedBaseBuckets.Sum([Scalar.Zero, Scalar.Zero], tables, 6)));
    }

    [Theory]
    [InlineData(FixedBaseMsm.BucketThreshold - 1, true)]
    [InlineData(FixedBaseMsm.BucketThreshold, true)]
    [InlineData(FixedBaseMsm.BucketThreshold + 1, false)]
    public void BothPathsAgreeAroundTheBucketThreshold(int fixedCount, bool withBase)
    {
        var random = NewRandom(3000 + fixedCount);
        var fixedPoints = Enumerable.Range(0, fixedCount).Select(_ => RandomPoint(random)).ToArray();
        var tables = FixedBaseTable.Build(fixedPoints, 6, 10);
        var fixedScalars = Enumerable.Range(0, fixedCount).Select(i => SpecialOrRandom(random, i)).ToArray();
        var varPoints = Enumerable.Range(0, 5).Select(_ => RandomPoint(random)).ToArray();
        var varScalars = Enumerable.Range(0, 5).Select(_ => RandomScalar(random)).ToArray();
        var baseScalar = withBase ? RandomScalar(random) : Scalar.Zero;
        var result = FixedBaseMsm.MultiplyVarTime(baseScalar, fixedScalars, tables, varScalars, varPoints);
        var expected = MultiScalarMultiplication.MultiplyVarTime(baseScalar, [.. fixedScalars, .. varScalars], [.. fixedPoints, .. varPoints]);
        Assert.Equal(1UL, RistrettoEncoding.AreEquivalent(expected, result));

        // Tables of mixed window widths fall back to the interleaved path and still agree.
        tables[^1] = FixedBaseTable.Build([fixedPoints[^1]], 6, 8)[0];
        var mixed = FixedBaseMsm.MultiplyVarTime(baseScalar, fixedScalars, tables, varScalars, varPoints);
        Assert.Equal(1UL, RistrettoEncoding.AreEquivalent(expected, mixed));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(9, 0)]
    [InlineData(5, 3)]
    [InlineData(5, 17)]
    public void BuildRejectsUnsupportedWidths(int width, int windowWidth) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedBaseTable.Build([EdwardsPoint.BasePoint], width, windowWidth));

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(0, 0, true)]
    [InlineData(1, 0, false)]
    [InlineData(0, 1, false)]
    [InlineData(0, 3, true)]
    [InlineData(1, 1, true)]
    [InlineData(7, 0, false)]
    [InlineData(8, 0, true)]
    [InlineData(9, 2, false)]
    [InlineData(17, 17, true)]
    [InlineData(130, 17, true)]
    [InlineData(255, 40, false)]
    [InlineData(300, 3, true)]
    public void MatchesThePlainMultiScalarMultiplication(int fixedCount, int varCount, bool withBase)
    {
        var random = NewRandom(1000 + (fixedCount * 7) + varCount + (withBase ? 1 : 0));
        var fixedPoints = Enumerable.Range(0, fixedCount).Select(_ => RandomPoint(random)).ToArray();
        var widths = new[] { 8, 5, 6, 3, 7 };
        var tables = new FixedBaseTable[fixedCount];
        for (var i = 0; i < fixedCount; i++)
        {
            tables[i] = FixedBaseTable.Build([fixedPoints[i]], widths[i % widths.Length])[0];
        }

        var fixedScalars = Enumerable.Range(0, fixedCount).Select(i => SpecialOrRandom(random, i)).ToArray();
        var varPoints = Enumerable.Range(0, varCount).Select(_ => RandomPoint(random)).ToArray();
        var varScalars = Enumerable.Range(0, varCount).Select(i => SpecialOrRandom(random, i + 3)).ToArray();
        var baseScalar = withBase ? RandomScalar(random) : Scalar.Zero;

        var result = FixedBaseMsm.MultiplyVarTime(baseScalar, fixedScalars, tables, varScalars, varPoints);
        var expected = MultiScalarMultiplication.MultiplyVarTime(baseScalar, [.. fixedScalars, .. varScalars], [.. fixedPoints, .. varPoints]);
        Assert.Equal(1UL, RistrettoEncoding.AreEquivalent(expected, result));
        if (!withBase)
        {
            var withoutBase = FixedBaseMsm.MultiplyVarTime(fixedScalars, tables, varScalars, varPoints);
            Assert.Equal(1UL, RistrettoEncoding.AreEquivalent(expected, withoutBase));
        }
    }

    [Fact]
    public void TheGeneratorAsAFixedOrVariablePointAgreesWithTheBaseTerm()
    {
        var random = NewRandom(48);
        var a = RandomScalar(random);
        var b = RandomScalar(random);
        var c = RandomScalar(random);
        var table = FixedBaseTable.Build([EdwardsPoint.BasePoint], 8);
        var result = FixedBaseMsm.MultiplyVarTime(a, [b], table, [c], [EdwardsPoint.BasePoint]);
        var expected = ScalarMultiplication.MultiplyBaseVarTime(a + b + c);
        Assert.Equal(1UL, RistrettoEncoding.AreEquivalent(expected, result));
    }

    [Fact]
    public void CancellingTermsGiveTheIdentity()
    {
        var random = NewRandom(47);
        var p = RandomPoint(random);
        var k = RandomScalar(random);
        var table = FixedBaseTable.Build([p], 8);
        Assert.Equal(1UL, RistrettoEncoding.IsIdentity(FixedBaseMsm.MultiplyVarTime([k], table, [-k], [p])));
        Assert.Equal(1UL, RistrettoEncoding.IsIdentity(FixedBaseMsm.MultiplyVarTime([], [], [], [])));
        Assert.Equal(0UL, RistrettoEncoding.IsIdentity(FixedBaseMsm.MultiplyVarTime([k], table, [-k + Scalar.One], [p])));
    }

    [Fact]
    public void MismatchedLengthsAreMisuse()
    {
        var table = FixedBaseTable.Build([EdwardsPoint.BasePoint], 5);
        Assert.Throws<ArgumentException>(() => FixedBaseMsm.MultiplyVarTime([Scalar.One, Scalar.One], table, [], []));
        Assert.Throws<ArgumentException>(() => FixedBaseMsm.MultiplyVarTime([], [], [Scalar.One], []));
    }

    /// <summary>Zero, one, ℓ − 1, small and 128-bit scalars mixed with full-size random ones.</summary>
    private static Scalar SpecialOrRandom(Random random, int i) => (i % 9) switch
    {
        0 => Scalar.Zero,
        1 => Scalar.One,
        2 => -Scalar.One,
        3 => Scalar.FromUInt64((ulong)random.NextInt64()),
        4 => new Scalar((ulong)random.NextInt64(), (ulong)random.NextInt64(), 0, 0),
        _ => RandomScalar(random),
    };
}
