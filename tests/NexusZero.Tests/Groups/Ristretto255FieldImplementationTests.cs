using System.Numerics;
using NexusZero.Groups.Ristretto255;
using static NexusZero.Tests.Groups.RistrettoTestData;

namespace NexusZero.Tests.Groups;

/// <summary>
/// Both field multiplication implementations (64-bit scalar, and mulx + AVX-512) and squaring against
/// BigInteger, on random inputs and at every limb bound they rely on.
/// </summary>
public sealed class Ristretto255FieldImplementationTests
{
    private const ulong Max54 = (1UL << 54) - 1;

    private static BigInteger LimbValue(in FieldElement f) =>
        Mod(new BigInteger(f.L0) + (new BigInteger(f.L1) << 51) + (new BigInteger(f.L2) << 102) + (new BigInteger(f.L3) << 153) + (new BigInteger(f.L4) << 204), P);

    private static FieldElement RandomElement(Random random, int bits)
    {
        ulong mask = (1UL << bits) - 1;
        return new FieldElement(
            (ulong)random.NextInt64() & mask,
            (ulong)random.NextInt64() & mask,
            (ulong)random.NextInt64() & mask,
            (ulong)random.NextInt64() & mask,
            (ulong)random.NextInt64() & mask);
    }

    /// <summary>Inputs at the bounds: every limb at 2^54 − 1, mixes of maxima and zeros, single limbs.</summary>
    private static List<FieldElement> BoundaryElements()
    {
        var cases = new List<FieldElement>
        {
            new(Max54, Max54, Max54, Max54, Max54),
            new(Max54, 0, Max54, 0, Max54),
            new(0, Max54, 0, Max54, 0),
            new(Max54, Max54, Max54, Max54, 0),
            new(0, 0, 0, 0, 0),
            new((1UL << 51) - 1, (1UL << 51) - 1, (1UL << 51) - 1, (1UL << 51) - 1, (1UL << 51) - 1),
            new((1UL << 52) - 1, (1UL << 52) - 1, (1UL << 52) - 1, (1UL << 52) - 1, (1UL << 52) - 1),
        };
        for (int i = 0; i < 5; i++)
        {
            var limbs = new ulong[5];
            limbs[i] = Max54;
            cases.Add(new FieldElement(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4]));
        }

        return cases;
    }

    private static void AssertWeaklyReduced(in FieldElement f)
    {
        // The documented output bound: every limb below 2^51 + 2^17 (callers such as
        // FieldElement.SubtractWithoutCarry rely on it).
        const ulong bound = (1UL << 51) + (1UL << 17);
        Assert.True(f.L0 < bound && f.L1 < bound && f.L2 < bound && f.L3 < bound && f.L4 < bound, "a limb of the result is 2^51 + 2^17 or more");
    }

    private static void CheckMultiply(Func<FieldElement, FieldElement, FieldElement> multiply, Func<FieldElement, FieldElement> square)
    {
        var random = NewRandom(41);
        var boundary = BoundaryElements();
        var inputs = new List<FieldElement>(boundary);
        for (int i = 0; i < 3000; i++)
        {
            inputs.Add(RandomElement(random, 51 + (i % 4)));
        }

        foreach (var a in inputs)
        {
            var va = LimbValue(a);
            var sq = square(a);
            Assert.Equal(Mod(va * va, P), LimbValue(sq));
            AssertWeaklyReduced(sq);
            foreach (var b in boundary)
            {
                var product = multiply(a, b);
                Assert.Equal(Mod(va * LimbValue(b), P), LimbValue(product));
                AssertWeaklyReduced(product);
                Assert.Equal(LimbValue(product), LimbValue(multiply(b, a)));
            }

            var c = RandomElement(random, 54);
            var pc = multiply(a, c);
            Assert.Equal(Mod(va * LimbValue(c), P), LimbValue(pc));
            AssertWeaklyReduced(pc);
        }
    }

    [Fact]
    public void ScalarMultiplyAndSquareMatchBigInteger() =>
        CheckMultiply((a, b) => FieldElement.MultiplyScalar(a, b), a => a.Square());

    [Fact]
    public void VectorMultiplyMatchesBigInteger()
    {
        // Without AVX-512 the operators must use the scalar code (checked here), and the vector
        // methods cannot run: this test then covers the dispatch only.
        if (!FieldElement.VectorPathSupported)
        {
            var x = new FieldElement(Max54, 1, Max54, 2, Max54);
            var p = x * x;
            var ps = FieldElement.MultiplyScalar(x, x);
            Assert.Equal((ps.L0, ps.L1, ps.L2, ps.L3, ps.L4), (p.L0, p.L1, p.L2, p.L3, p.L4));
            return;
        }

        CheckMultiply((a, b) => FieldElement.MultiplyVector(a, b), a => a.Square());
    }

    [Fact]
    public void BothMultiplicationsAgreeOnRandomInputs()
    {
        // The two split the column sums differently, so their limbs may differ (when a column's low
        // 51 bits fall below a small carry difference), but never their value or bounds.
        var random = NewRandom(42);
        for (int i = 0; i < 2000; i++)
        {
            var a = RandomElement(random, 54);
            var b = RandomElement(random, 54);
            var p = a * b;
            var ps = FieldElement.MultiplyScalar(a, b);
            Assert.Equal(LimbValue(ps), LimbValue(p));
            AssertWeaklyReduced(p);
            AssertWeaklyReduced(ps);
        }
    }

    [Fact]
    public void SubtractionsKeepTheirDocumentedBounds()
    {
        // Weakly reduced extremes: limbs at the documented maximum 2^51 + 2^17 − 1 and at 0.
        const ulong weakMax = (1UL << 51) + (1UL << 17) - 1;
        var weak = new List<FieldElement>
        {
            new(weakMax, weakMax, weakMax, weakMax, weakMax),
            new(0, 0, 0, 0, 0),
            new(weakMax, 0, weakMax, 0, weakMax),
            new(0, weakMax, 0, weakMax, 0),
        };
        var random = NewRandom(44);
        for (int i = 0; i < 200; i++)
        {
            weak.Add(RandomElement(random, 51));
        }

        foreach (var a in weak)
        {
            foreach (var b in weak.Take(6))
            {
                // Minuend up to a sum of two weakly reduced values, subtrahend weakly reduced or a sum.
                var sum = a + a;
                var bSum = b + b;
                foreach (var (x, y) in new[] { (a, b), (sum, b), (a, bSum), (sum, bSum) })
                {
                    var d = FieldElement.SubtractWithoutCarry(x, y);
                    Assert.Equal(Mod(LimbValue(x) - LimbValue(y), P), LimbValue(d));
                    Assert.True((d.L0 | d.L1 | d.L2 | d.L3 | d.L4) >> 54 == 0, "uncarried difference has a limb of 2^54 or more");
                    var product = d * d;
                    Assert.Equal(Mod(LimbValue(d) * LimbValue(d), P), LimbValue(product));
                    Assert.Equal(Mod(LimbValue(d) * LimbValue(d), P), LimbValue(d.Square()));
                    var carried = x - d;
                    Assert.Equal(LimbValue(y), LimbValue(carried));
                    AssertWeaklyReduced(carried);
                }
            }

            AssertWeaklyReduced(a - a - a);
            AssertWeaklyReduced(-(a + a));
        }
    }

    [Fact]
    public void InvertMatchesBigIntegerOnRandomAndBoundaryInputs()
    {
        var random = NewRandom(43);
        var inputs = BoundaryElements();
        for (int i = 0; i < 40; i++)
        {
            inputs.Add(RandomElement(random, 54));
        }

        foreach (var a in inputs)
        {
            var va = LimbValue(a);
            var expected = va.IsZero ? BigInteger.Zero : BigInteger.ModPow(va, P - 2, P);
            Assert.Equal(expected, LimbValue(a.Invert()));
            Assert.Equal(Mod(va * va * va * va, P), LimbValue(a.Pow2K(2)));
        }
    }
}
