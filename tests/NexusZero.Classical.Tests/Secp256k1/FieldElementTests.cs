using System.Numerics;
using NexusZero.Groups.Secp256k1;
using static NexusZero.Classical.Tests.Secp256k1.BigIntegerReference;

namespace NexusZero.Classical.Tests.Secp256k1;

public sealed class FieldElementTests
{

    [Fact]
    public void Arithmetic_matches_BigInteger_on_edge_and_random_values()
    {
        var random = new Random(1);
        for (var i = 0; i < 2000; i++)
        {
            var a = Interesting(random, P, i);
            var b = Interesting(random, P, i / 8 + random.Next(8));
            var fa = Fe(a);
            var fb = Fe(b);
            Assert.Equal(Mod(a + b, P), Big(FieldElement.Add(fa, fb)));
            Assert.Equal(Mod(a - b, P), Big(FieldElement.Subtract(fa, fb)));
            Assert.Equal(Mod(a * b, P), Big(FieldElement.Multiply(fa, fb)));
            Assert.Equal(Mod(-a, P), Big(FieldElement.Negate(fa)));
            Assert.Equal(Mod(a * 21, P), Big(FieldElement.MultiplySmall(fa, 21)));
        }
    }

    [Fact]
    public void Invert_and_sqrt_match_BigInteger()
    {
        var random = new Random(2);
        for (var i = 0; i < 200; i++)
        {
            var a = Interesting(random, P, i);
            var fa = Fe(a);
            Assert.Equal(BigInteger.ModPow(a, P - 2, P), Big(FieldElement.Invert(fa)));
            var isSquare = a.IsZero || BigInteger.ModPow(a, (P - 1) / 2, P).IsOne;
            Assert.Equal(isSquare, FieldElement.SqrtVarTime(fa, out var root));
            if (isSquare)
            {
                Assert.Equal(a, Mod(Big(root) * Big(root), P));
            }
        }
    }

    [Fact]
    public void Wide_reduction_matches_BigInteger()
    {
        var random = new Random(3);
        var wide = new byte[64];
        for (var i = 0; i < 500; i++)
        {
            random.NextBytes(wide);
            if (i == 0)
            {
                Array.Fill(wide, (byte)0xFF);
            }

            Assert.Equal(Mod(FromBigEndian(wide), P), Big(FieldElement.FromWideBigEndian(wide)));
        }
    }

    /// <summary>
    /// Products whose folded value lands at or past p, where the reduction's mask selects V − p: values
    /// just below p (whose columns are all near their maxima) and 2·(p+1)/2 = p + 1.
    /// </summary>
    [Theory]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007906775264197", "115792089237316195423570985008687907853269984665640564039457584007906775264197")]
    [InlineData("2", "57896044618658097711785492504343953926634992332820282019728792003954417335832")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007908834671662", "115792089237316195423570985008687907853269984665640564039457584007908834671662")]
    public void Multiply_and_square_reduce_rare_carry_cases(string left, string right)
    {
        var a = BigInteger.Parse(left);
        var b = BigInteger.Parse(right);
        Assert.Equal(Mod(a * b, P), Big(FieldElement.Multiply(Fe(a), Fe(b))));
        Assert.Equal(Mod(a * a, P), Big(FieldElement.Square(Fe(a))));
    }

    [Fact]
    public void Square_matches_multiply_and_BigInteger_on_limb_boundary_values()
    {
        var random = new Random(4);
        for (var i = 0; i < 5000; i++)
        {
            // Values whose 52-bit limbs are all ones or all zeros exercise the column bounds.
            var a = (i % 3) switch
            {
                0 => Mod(BigInteger.Pow(2, 52 * random.Next(1, 5)) - 1 - random.Next(3), P),
                1 => P - 1 - new BigInteger(random.NextInt64()),
                _ => RandomBelow(random, P),
            };
            var b = RandomBelow(random, P);
            Assert.Equal(Mod(a * a, P), Big(FieldElement.Square(Fe(a))));
            Assert.Equal(Mod(a * b, P), Big(FieldElement.Multiply(Fe(a), Fe(b))));
        }
    }

    /// <summary>Values whose 52-bit limbs are at their maxima or minima (p − 1 has every limb but the lowest all ones).</summary>
    private static IEnumerable<BigInteger> LimbExtremes()
    {
        yield return BigInteger.Zero;
        yield return BigInteger.One;
        yield return P - 1;
        yield return P - 2;
        yield return P - BigInteger.Pow(2, 52);
        yield return BigInteger.Pow(2, 256) - BigInteger.Pow(2, 33);
        for (var k = 1; k <= 4; k++)
        {
            yield return BigInteger.Pow(2, 52 * k) - 1;
            yield return BigInteger.Pow(2, 52 * k);
            yield return P - BigInteger.Pow(2, 52 * k);
        }

        // Every 52-bit limb all ones except one limb zero, and alternating patterns.
        var allOnes = P - 1;
        for (var k = 0; k < 5; k++)
        {
            yield return allOnes - (Mod(allOnes >> (52 * k), BigInteger.Pow(2, 52)) << (52 * k));
        }

        yield return Mod(BigInteger.Parse("0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", System.Globalization.NumberStyles.HexNumber), P);
        yield return BigInteger.Parse("05555555555555555555555555555555555555555555555555555555555555555", System.Globalization.NumberStyles.HexNumber);
    }

    [Fact]
    public void Multiply_paths_match_BigInteger_on_limb_extremes_and_random_values()
    {
        var values = LimbExtremes().ToList();
        var random = new Random(5);
        for (var i = 0; i < 60; i++)
        {
            values.Add(RandomBelow(random, P));
        }

        foreach (var a in values)
        {
            foreach (var b in values)
            {
                var expected = Mod(a * b, P);
                Assert.Equal(expected, Big(FieldElement.MultiplyScalar(Fe(a), Fe(b))));
                Assert.Equal(expected, Big(FieldElement.Multiply(Fe(a), Fe(b))));
                if (FieldElement.VectorPathSupported)
                {
                    Assert.Equal(expected, Big(FieldElement.MultiplyVector(Fe(a), Fe(b))));
                }
            }

            Assert.Equal(Mod(a * a, P), Big(FieldElement.Square(Fe(a))));
        }
    }

    [Fact]
    public void Multiply_paths_give_results_next_to_p_and_zero()
    {
        // a · (t / a) = t for targets at the final reduction's edges: 0, 1, p − 1, and the values just
        // above 2^256 − p that a product at or just past p reduces to.
        var random = new Random(6);
        var targets = new[] { BigInteger.Zero, BigInteger.One, P - 1, P - 2, BigInteger.Pow(2, 32) + 976, BigInteger.Pow(2, 32) + 977, BigInteger.Pow(2, 208) - 1 };
        for (var i = 0; i < 200; i++)
        {
            var a = RandomBelow(random, P - 1) + 1;
            var t = targets[i % targets.Length];
            var b = Mod(t * BigInteger.ModPow(a, P - 2, P), P);
            Assert.Equal(t, Big(FieldElement.MultiplyScalar(Fe(a), Fe(b))));
            Assert.Equal(t, Big(FieldElement.Multiply(Fe(a), Fe(b))));
            if (FieldElement.VectorPathSupported)
            {
                Assert.Equal(t, Big(FieldElement.MultiplyVector(Fe(a), Fe(b))));
            }
        }
    }

    /// <summary>
    /// The reduction alone, on column sums at their bounds (below 10·2^52, the last below 2^44) and on
    /// columns built to take each mask: the folded value V below p, p ≤ V &lt; 2^256, and V ≥ 2^256 (which
    /// products of reduced inputs reach only rarely).
    /// </summary>
    [Fact]
    public void ReduceColumns_matches_BigInteger_at_its_bounds()
    {
        const ulong columnMax = (10UL << 52) - 1;
        const ulong lastMax = (1UL << 44) - 1;
        var limb52 = (1UL << 52) - 1;
        var cases = new List<ulong[]>
        {
            new ulong[10],
            new ulong[] { columnMax, columnMax, columnMax, columnMax, columnMax, columnMax, columnMax, columnMax, columnMax, lastMax },
            new ulong[] { 0, 0, 0, 0, 0, columnMax, columnMax, columnMax, columnMax, lastMax },
            new ulong[] { columnMax, columnMax, columnMax, columnMax, columnMax, 0, 0, 0, 0, 0 },
            new ulong[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, lastMax },
            // p, p − 1 and 2^256 − 1 as normalized limbs.
            new ulong[] { limb52 - 0x1000003D0, limb52, limb52, limb52, (1UL << 48) - 1, 0, 0, 0, 0, 0 },
            new ulong[] { limb52 - 0x1000003D1, limb52, limb52, limb52, (1UL << 48) - 1, 0, 0, 0, 0, 0 },
            new ulong[] { limb52, limb52, limb52, limb52, (1UL << 48) - 1, 0, 0, 0, 0, 0 },
            // V ≥ 2^256 with nothing to fold from column 4: a full lower column pushes it over.
            new ulong[] { 0, 0, 0, columnMax, (1UL << 48) - 1, 0, 0, 0, 0, 0 },
            new ulong[] { columnMax, columnMax, columnMax, columnMax, (1UL << 48) - 1, 0, 0, 0, 0, 0 },
            // Exactly 2^256 (folds to 2^32 + 977) and 2^256 + p − 1 spread over unnormalized columns.
            new ulong[] { 0, 0, 0, 0, 1UL << 48, 0, 0, 0, 0, 0 },
            new ulong[] { limb52 - 0x1000003D1 + (1UL << 52), limb52 - 1, limb52, limb52, (1UL << 49) - 1, 0, 0, 0, 0, 0 },
        };
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var c = new ulong[10];
            for (var k = 0; k < 10; k++)
            {
                var bound = k == 9 ? lastMax : columnMax;
                c[k] = (i % 4) switch
                {
                    0 => (ulong)random.NextInt64() % (bound + 1),
                    1 => bound - (ulong)random.Next(1 << 20),
                    2 => random.Next(2) == 0 ? 0 : bound,
                    _ => (ulong)random.NextInt64() & (k == 9 ? lastMax : k == 4 ? (1UL << 48) - 1 : limb52),
                };
            }

            cases.Add(c);
        }

        foreach (var c in cases)
        {
            var expected = BigInteger.Zero;
            for (var k = 9; k >= 0; k--)
            {
                expected = (expected << 52) + c[k];
            }

            var reduced = FieldElement.ReduceColumns(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
            Assert.Equal(Mod(expected, P), Big(reduced));
        }
    }

    /// <summary>
    /// Add, Subtract and Negate on operands built limb by limb so that limb sums are all ones and limb
    /// differences zero (the cases where a carry or borrow runs on through the lookahead chain), with
    /// incoming carries and borrows present or not, and results landing on both sides of p.
    /// </summary>
    [Fact]
    public void Add_subtract_negate_match_BigInteger_on_carry_and_borrow_chains()
    {
        var random = new Random(8);
        ulong[] patterns = [0, 1, 2, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, ulong.MaxValue - 1, ulong.MaxValue, 0xFFFFFFFEFFFFFC2F, 0xFFFFFFFEFFFFFC30, 0x1000003D1];
        var checkedPairs = 0;
        for (var i = 0; i < 20000; i++)
        {
            var a = new ulong[4];
            var b = new ulong[4];
            for (var k = 0; k < 4; k++)
            {
                a[k] = random.Next(3) == 0 ? (ulong)random.NextInt64() : patterns[random.Next(patterns.Length)];
                b[k] = random.Next(7) switch
                {
                    0 => ~a[k],
                    1 => ~a[k] + 1,
                    2 => a[k],
                    3 => a[k] + 1,
                    4 => a[k] - 1,
                    5 => patterns[random.Next(patterns.Length)],
                    _ => (ulong)random.NextInt64(),
                };
            }

            var fa = new FieldElement(a[0], a[1], a[2], a[3]);
            var fb = new FieldElement(b[0], b[1], b[2], b[3]);
            var x = LimbValue(fa);
            var y = LimbValue(fb);
            if (x >= P || y >= P)
            {
                continue;
            }

            checkedPairs++;
            Assert.Equal(Mod(x + y, P), Big(FieldElement.Add(fa, fb)));
            Assert.Equal(Mod(y + x, P), Big(FieldElement.Add(fb, fa)));
            Assert.Equal(Mod(x - y, P), Big(FieldElement.Subtract(fa, fb)));
            Assert.Equal(Mod(y - x, P), Big(FieldElement.Subtract(fb, fa)));
            Assert.Equal(Mod(-x, P), Big(FieldElement.Negate(fa)));
        }

        Assert.True(checkedPairs > 5000);
        foreach (var v in LimbExtremes())
        {
            foreach (var w in LimbExtremes())
            {
                Assert.Equal(Mod(v + w, P), Big(FieldElement.Add(Fe(v), Fe(w))));
                Assert.Equal(Mod(v - w, P), Big(FieldElement.Subtract(Fe(v), Fe(w))));
            }

            Assert.Equal(Mod(-v, P), Big(FieldElement.Negate(Fe(v))));
        }
    }

    [Fact]
    public void Decoding_rejects_values_at_or_above_p()
    {
        Assert.False(FieldElement.TryFromBigEndian(ToBigEndian(P), out _));
        Assert.False(FieldElement.TryFromBigEndian(ToBigEndian(P + 1), out _));
        Assert.False(FieldElement.TryFromBigEndian(Enumerable.Repeat((byte)0xFF, 32).ToArray(), out _));
        Assert.True(FieldElement.TryFromBigEndian(ToBigEndian(P - 1), out _));
    }
}
