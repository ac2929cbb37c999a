using System.Security.Cryptography;
using NexusZero.Groups.Ristretto255;

namespace NexusZero.Accelerators.Ilgpu.Tests;

/// <summary>The device Pippenger on edwards25519 against the CPU's variable-time MSM, compared as exact points.</summary>
[Collection(AcceleratorCollection.Name)]
public sealed class RistrettoMsmKernelTests(AcceleratorFixture fixture)
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(33)]
    [InlineData(130)]
    public void RandomInputsMatchTheCpu(int count)
    {
        var scalars = Enumerable.Range(0, count).Select(_ => RandomScalar()).ToArray();
        var points = Enumerable.Range(0, count).Select(_ => RandomPoint()).ToArray();
        AssertMatches(scalars, points, fixture.Backend.MultiplyRistretto(scalars, points));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(9)]
    public void EveryWindowWidthMatchesTheCpu(int windowBits)
    {
        var scalars = Enumerable.Range(0, 12).Select(_ => RandomScalar()).ToArray();
        var points = Enumerable.Range(0, 12).Select(_ => RandomPoint()).ToArray();
        AssertMatches(scalars, points, fixture.Backend.MultiplyRistretto(scalars, points, windowBits));
    }

    [Fact]
    public void EdgeInputsMatchTheCpu()
    {
        // Zero scalars, ℓ − 1, identity points, one point repeated with equal and opposite scalars.
        var p = RandomPoint();
        var k = RandomScalar();
        var max = -Scalar.One;
        EdwardsPoint[] points = [p, p, p, p, EdwardsPoint.Identity, EdwardsPoint.Identity, p, RandomPoint(), p];
        Scalar[] scalars = [k, k, -k, Scalar.Zero, k, max, max, max, Scalar.One];
        AssertMatches(scalars, points, fixture.Backend.MultiplyRistretto(scalars, points));
        AssertMatches(new Scalar[3], points[..3], fixture.Backend.MultiplyRistretto(new Scalar[3], points[..3]));
        Assert.Equal(0UL, FieldElement.ConstantTimeEquals(fixture.Backend.MultiplyRistretto([], []).Z, FieldElement.Zero));
    }

    private static Scalar RandomScalar()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Scalar.FromBytesModOrder(bytes);
    }

    private static EdwardsPoint RandomPoint() => ScalarMultiplication.MultiplyBase(RandomScalar()).Double();

    private static void AssertMatches(Scalar[] scalars, EdwardsPoint[] points, EdwardsPoint actual)
    {
        var expected = MultiScalarMultiplication.MultiplyVarTime(scalars, points);
        var naive = EdwardsPoint.Identity;
        for (var i = 0; i < scalars.Length; i++)
        {
            naive = naive.Add(ScalarMultiplication.Multiply(points[i], scalars[i]));
        }

        AssertSamePoint(naive, expected);
        AssertSamePoint(expected, actual);
    }

    // The same point of edwards25519 (not merely the same ristretto255 class): X/Z and Y/Z agree.
    private static void AssertSamePoint(in EdwardsPoint a, in EdwardsPoint b)
    {
        Assert.Equal(1UL, FieldElement.ConstantTimeEquals(a.X * b.Z, b.X * a.Z));
        Assert.Equal(1UL, FieldElement.ConstantTimeEquals(a.Y * b.Z, b.Y * a.Z));
    }
}
