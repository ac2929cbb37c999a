using System.Numerics;
using System.Security.Cryptography;
using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Classical.Tests.RangeProofs;

/// <summary>
/// The ristretto255 constant-time machinery of the range prover: signed-radix recoding, cached
/// multiples tables, the masked lookup, the multi-scalar multiplication and the prover's commitments.
/// </summary>
public sealed class ConstantTimeMsmTests
{
    private static readonly Ristretto255Group Group = Ristretto255Group.Instance;

    private static Scalar RandomScalar() => ((Ristretto255Scalar)Group.RandomScalar()).Value;

    private static EdwardsPoint RandomPoint() => ScalarMultiplication.MultiplyBase(RandomScalar());

    private static Scalar[] EdgeScalars() =>
    [
        Scalar.Zero,
        Scalar.One,
        Scalar.Zero - Scalar.One,
        Scalar.FromUInt64(1UL << 63) * Scalar.FromUInt64(1UL << 63) * Scalar.FromUInt64(1UL << 63) * Scalar.FromUInt64(1UL << 63) * Scalar.FromUInt64(1UL << 0),
        Scalar.FromUInt64(8),
        Scalar.FromUInt64(16),
        Scalar.FromUInt64(ulong.MaxValue),
    ];

    private static BigInteger ToBigInteger(in Scalar s)
    {
        Span<byte> bytes = stackalloc byte[32];
        s.Encode(bytes);
        return new BigInteger(bytes, isUnsigned: true);
    }

    private static void AssertSameAffine(in AffineNielsPoint expected, in AffineNielsPoint actual, string what)
    {
        var equal = FieldElement.ConstantTimeEquals(expected.YPlusX, actual.YPlusX)
            & FieldElement.ConstantTimeEquals(expected.YMinusX, actual.YMinusX)
            & FieldElement.ConstantTimeEquals(expected.XY2d, actual.XY2d);
        Assert.True(equal == 1, what);
    }

    private static void AssertSamePoint(in EdwardsPoint expected, in EdwardsPoint actual, string what) =>
        Assert.True(RistrettoEncoding.AreEquivalent(expected, actual) == 1, what);

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Signed_radix_digits_are_in_range_and_sum_to_the_scalar(int width)
    {
        var count = Scalar.SignedRadixLength(width);
        var half = 1 << (width - 1);
        var digits = new sbyte[count];
        foreach (var scalar in EdgeScalars().Concat(Enumerable.Range(0, 200).Select(_ => RandomScalar())))
        {
            scalar.ToSignedRadixConstantTime(digits, width);
            var sum = BigInteger.Zero;
            for (var i = count - 1; i >= 0; i--)
            {
                Assert.InRange(digits[i], -half, i == count - 1 ? half : half - 1);
                sum = (sum << width) + digits[i];
            }

            Assert.Equal(ToBigInteger(scalar), sum);
        }
    }

    [Fact]
    public void Table_entries_are_the_multiples_of_the_point()
    {
        var points = new[] { RandomPoint(), RandomPoint(), EdwardsPoint.BasePoint };
        var tables = ConstantTimeTable.Build(points);
        for (var p = 0; p < points.Length; p++)
        {
            Assert.Equal(ConstantTimeTable.EntryCount, tables[p].Multiples.Length);
            for (var i = 0; i < ConstantTimeTable.EntryCount; i++)
            {
                var expected = ScalarMultiplication.MultiplyVarTime(points[p], Scalar.FromUInt64((ulong)(i + 1))).ToAffineNiels();
                AssertSameAffine(expected, tables[p].Multiples[i], $"point {p}, entry {i}");
            }
        }
    }

    [Fact]
    public void Cached_generator_tables_hold_the_generators()
    {
        var g = BulletproofGenerators.G(Group, 130);
        var h = BulletproofGenerators.H(Group, 130);
        var gTables = BulletproofConstantTimeTables.G(130);
        var hTables = BulletproofConstantTimeTables.H(130);
        foreach (var i in new[] { 0, 1, 63, 64, 129 })
        {
            AssertSameAffine(((Ristretto255Element)g[i]).Point.ToAffineNiels(), gTables[i].Multiples[0], $"G{i}");
            AssertSameAffine(((Ristretto255Element)h[i]).Point.ToAffineNiels(), hTables[i].Multiples[0], $"H{i}");
            var sixteen = ScalarMultiplication.MultiplyVarTime(((Ristretto255Element)h[i]).Point, Scalar.FromUInt64(16)).ToAffineNiels();
            AssertSameAffine(sixteen, hTables[i].Multiples[15], $"16·H{i}");
        }

        var blinding = ((Ristretto255Element)PedersenGenerators.BlindingBase(Group)).Point;
        AssertSameAffine(blinding.ToAffineNiels(), BulletproofConstantTimeTables.BlindingBase.Multiples[0], "Pedersen H");
    }

    [Fact]
    public void Masked_lookup_returns_the_right_entry_for_every_digit()
    {
        var point = RandomPoint();
        var table = ConstantTimeTable.Build([point])[0];
        var half = ConstantTimeTable.EntryCount;
        for (var digit = -half; digit <= half; digit++)
        {
            var multiple = ScalarMultiplication.MultiplyVarTime(point, Scalar.FromUInt64((ulong)Math.Abs(digit)));
            var expected = (digit < 0 ? multiple.Negate() : multiple).ToAffineNiels();
            AssertSameAffine(expected, AffineNielsPoint.Lookup(table.Multiples, (sbyte)digit), $"digit {digit}");
            AssertSameAffine(expected, ConstantTimeMsm.Lookup(table.Multiples, (sbyte)digit), $"digit {digit} (512-bit lookup)");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(129)]
    public void Multi_scalar_multiplication_matches_the_variable_time_one(int count)
    {
        var points = Enumerable.Range(0, count).Select(_ => RandomPoint()).ToArray();
        var edges = EdgeScalars();
        var scalars = Enumerable.Range(0, count).Select(i => i < edges.Length && count > 1 ? edges[i] : RandomScalar()).ToArray();
        var expected = MultiScalarMultiplication.MultiplyVarTime(scalars, points);
        AssertSamePoint(expected, ConstantTimeMsm.Multiply(scalars, ConstantTimeTable.Build(points)), "MSM");
    }

    [Fact]
    public void Single_edge_scalars_multiply_correctly()
    {
        var point = RandomPoint();
        var table = ConstantTimeTable.Build([point]);
        foreach (var scalar in EdgeScalars())
        {
            AssertSamePoint(ScalarMultiplication.MultiplyVarTime(point, scalar), ConstantTimeMsm.Multiply([scalar], table), ToBigInteger(scalar).ToString());
        }
    }

    [Fact]
    public void Prover_commitments_match_their_definitions()
    {
        const int n = 64;
        var g = BulletproofGenerators.G(Group, n).ToArray();
        var h = BulletproofGenerators.H(Group, n).ToArray();
        var blinding = PedersenGenerators.BlindingBase(Group);
        var alpha = Group.RandomScalar();
        var bits = new ulong[n];
        var bytes = RandomNumberGenerator.GetBytes(n);
        for (var i = 0; i < n; i++)
        {
            bits[i] = bytes[i] & 1UL;
        }

        var expectedA = alpha * blinding;
        for (var i = 0; i < n; i++)
        {
            expectedA += bits[i] == 1 ? g[i] : -h[i];
        }

        Assert.Equal(expectedA, RangeProofCommitments.Bits(Group, alpha, bits));

        var rho = Group.RandomScalar();
        var sL = Enumerable.Range(0, n).Select(_ => Group.RandomScalar()).ToArray();
        var sR = Enumerable.Range(0, n).Select(_ => Group.RandomScalar()).ToArray();
        var expectedS = Group.MultiScalarMultiplyVarTime([rho, .. sL, .. sR], [blinding, .. g, .. h]);
        Assert.Equal(expectedS, RangeProofCommitments.Vectors(Group, rho, sL, sR));

        var t = Group.RandomScalar();
        var tau = Group.RandomScalar();
        Assert.Equal(Group.MultiplyBase(t) + (tau * blinding), RangeProofCommitments.Blinded(Group, t, tau));
    }
}
