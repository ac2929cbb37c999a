using NexusZero.Groups.Bn254;

namespace NexusZero.Accelerators.Ilgpu.Tests;

/// <summary>The device Pippenger against the CPU's, compared in affine coordinates (one encoding per point).</summary>
[Collection(AcceleratorCollection.Name)]
public sealed class G1MsmKernelTests(AcceleratorFixture fixture)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(100)]
    public void RandomInputsMatchTheCpu(int count)
    {
        var scalars = Inputs.RandomFrs(count);
        var points = Inputs.RandomPoints(count);
        AssertMatches(scalars, points, fixture.Backend.MultiplyG1(scalars, points));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(11)]
    public void EveryWindowWidthMatchesTheCpu(int windowBits)
    {
        var scalars = Inputs.RandomFrs(20);
        var points = Inputs.RandomPoints(20);
        AssertMatches(scalars, points, fixture.Backend.MultiplyG1(scalars, points, windowBits));
    }

    [Fact]
    public void EdgeInputsMatchTheCpu()
    {
        // Zero scalars, r − 1, one, identity points, and one point repeated (with equal and opposite scalars, so
        // buckets see P + P and P + (−P)): the incomplete-formula cases a complete formula must get right.
        var p = Inputs.RandomPoints(1)[0];
        var k = Inputs.RandomFr();
        G1Point[] points = [p, p, p, p, G1Point.Identity, G1Point.Identity, p, Inputs.RandomPoints(1)[0], p, p];
        Fr[] scalars = [k, k, -k, Fr.Zero, k, Inputs.MaxScalar, Inputs.MaxScalar, Inputs.MaxScalar, Fr.One, Fr.Zero];
        AssertMatches(scalars, points, fixture.Backend.MultiplyG1(scalars, points));
        AssertMatches(scalars, points, fixture.Backend.MultiplyG1(scalars, points, 2));
    }

    [Fact]
    public void AllZeroScalarsOrAllIdentityPointsGiveTheIdentity()
    {
        var points = Inputs.RandomPoints(5);
        Assert.True(fixture.Backend.MultiplyG1(new Fr[5], points).IsIdentity);
        var identities = Enumerable.Repeat(G1Point.Identity, 5).ToArray();
        Assert.True(fixture.Backend.MultiplyG1(Inputs.RandomFrs(5), identities).IsIdentity);
        Assert.True(fixture.Backend.MultiplyG1([], []).IsIdentity);
    }

    [Fact]
    public void OnePointRepeatedEverywhereMatchesTheCpu()
    {
        // All points in few buckets: the longest per-bucket chains.
        var p = Inputs.RandomPoints(1)[0];
        var points = Enumerable.Repeat(p, 40).ToArray();
        var scalars = Enumerable.Range(0, 40).Select(i => Fr.FromUInt64((ulong)(i % 3) + 1)).ToArray();
        AssertMatches(scalars, points, fixture.Backend.MultiplyG1(scalars, points));
    }

    [Fact]
    public void MismatchedLengthsAreRejected() =>
        Assert.Throws<ArgumentException>(() => fixture.Backend.MultiplyG1(new Fr[2], new G1Point[3]));

    private static void AssertMatches(Fr[] scalars, G1Point[] points, G1Point actual)
    {
        var expected = Pippenger.Multiply<Fp, G1Curve>(scalars, points);
        var naive = G1Point.Identity;
        for (var i = 0; i < scalars.Length; i++)
        {
            naive += points[i].Multiply(scalars[i]);
        }

        Assert.Equal(naive.ToAffine(), expected.ToAffine());
        Assert.Equal(expected.ToAffine(), actual.ToAffine());
    }
}
