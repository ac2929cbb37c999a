using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.RangeProofs;

/// <summary>The cached fixed-base tables of the Bulletproofs generators hold the generators' own multiples.</summary>
public sealed class BulletproofGeneratorTablesTests
{
    private static readonly Ristretto255Group Group = Ristretto255Group.Instance;

    private static void AssertTableOf(EdwardsPoint expected, FixedBaseTable table, int index)
    {
        var width = index < BulletproofGeneratorTables.WideCount ? BulletproofGeneratorTables.Width : BulletproofGeneratorTables.NarrowWidth;
        Assert.Equal(width, table.Width);
        Assert.Equal(BulletproofGeneratorTables.WindowWidth, table.WindowWidth);
        var window = table.WindowMultiples[1];
        var shifted = expected.MultiplyByPowerOfTwo(BulletproofGeneratorTables.WindowWidth).ToAffineNiels();
        Assert.Equal(1UL, FieldElement.ConstantTimeEquals(shifted.XY2d, window.XY2d) & FieldElement.ConstantTimeEquals(shifted.YPlusX, window.YPlusX));
        var one = table.OddMultiples[0];
        var want = expected.ToAffineNiels();
        Assert.Equal(1UL, FieldElement.ConstantTimeEquals(want.YPlusX, one.YPlusX) & FieldElement.ConstantTimeEquals(want.YMinusX, one.YMinusX) & FieldElement.ConstantTimeEquals(want.XY2d, one.XY2d));
        var top = table.OddMultiples.Length - 1;
        var multiple = ScalarMultiplication.MultiplyVarTime(expected, Scalar.FromUInt64((ulong)((2 * top) + 1))).ToAffineNiels();
        Assert.Equal(1UL, FieldElement.ConstantTimeEquals(multiple.XY2d, table.OddMultiples[top].XY2d));
    }

    [Fact]
    public void Tables_match_the_generators_and_survive_growth()
    {
        var small = BulletproofGeneratorTables.G(8).ToArray();
        var g = BulletproofGenerators.G(Group, 300);
        var h = BulletproofGenerators.H(Group, 300);
        var gTables = BulletproofGeneratorTables.G(300);
        var hTables = BulletproofGeneratorTables.H(300);
        Assert.Equal(300, gTables.Length);
        Assert.Equal(300, hTables.Length);
        foreach (var i in new[] { 0, 1, 7, 63, 64, 127, 128, 255, 256, 299 })
        {
            AssertTableOf(((Ristretto255Element)g[i]).Point, gTables[i], i);
            AssertTableOf(((Ristretto255Element)h[i]).Point, hTables[i], i);
        }

        for (var i = 0; i < small.Length; i++)
        {
            AssertTableOf(((Ristretto255Element)g[i]).Point, small[i], i);
        }

        AssertTableOf(((Ristretto255Element)PedersenGenerators.BlindingBase(Group)).Point, BulletproofGeneratorTables.BlindingBase, 0);
        Assert.Equal(0, BulletproofGeneratorTables.H(0).Length);
    }

    [Fact]
    public void Sizes_beyond_the_generator_count_are_misuse()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BulletproofGeneratorTables.G(BulletproofGenerators.MaxCount + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BulletproofGeneratorTables.H(-1));
    }
}
