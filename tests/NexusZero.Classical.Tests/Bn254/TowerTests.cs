using System.Numerics;
using NexusZero.Groups.Bn254;
using static NexusZero.Classical.Tests.Bn254.BigIntegerReference;

namespace NexusZero.Classical.Tests.Bn254;

public sealed class TowerTests
{
    private static readonly Random Rng = new(3);

    internal static Fp2 RandomFp2() => new(Fp(Random(Rng, P)), Fp(Random(Rng, P)));

    internal static Fp6 RandomFp6() => new(RandomFp2(), RandomFp2(), RandomFp2());

    internal static Fp12 RandomFp12() => new(RandomFp6(), RandomFp6());

    [Fact]
    public void TowerGeneratorsSatisfyTheirDefiningRelations()
    {
        var u = new Fp2(Groups.Bn254.Fp.Zero, Groups.Bn254.Fp.One);
        Assert.Equal(-Fp2.One, u * u);
        var v = new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero);
        Assert.Equal(new Fp6(Fp2.Xi, Fp2.Zero, Fp2.Zero), v * v * v);
        var w = new Fp12(Fp6.Zero, Fp6.One);
        Assert.Equal(new Fp12(v, Fp6.Zero), w * w);
    }

    [Fact]
    public void NineTimesPlusAndMinusReduceOnceAtEveryQuotient()
    {
        // 9a ± b (+ p) is reduced by a quotient estimate from its top bits; the representatives here put the
        // value within a few units of every multiple k·p it can reach (k = 0 … 9), where a wrong estimate would
        // show, and at the ends of the range. The arithmetic acts on the Montgomery limbs directly.
        var representatives = new List<BigInteger> { 0, 1, 2, 3, P - 1, P - 2, P - 3, (P - 1) / 9, P / 9 + 1 };
        for (var k = 0; k <= 9; k++)
        {
            for (var d = -3; d <= 3; d++)
            {
                var target = (k * P) + d;
                var a = BigInteger.Min(target / 9, P - 1);
                if (a >= 0)
                {
                    representatives.Add(a);
                }
            }
        }

        for (var i = 0; i < 20; i++)
        {
            representatives.Add(Random(Rng, P));
        }

        foreach (var a in representatives)
        {
            foreach (var b in representatives)
            {
                var x = FromMontgomery(a);
                var y = FromMontgomery(b);
                Assert.Equal(((9 * a) + b) % P, ToBig(Groups.Bn254.Fp.NineTimesPlus(x, y).MontgomeryLimbs));
                Assert.Equal((((9 * a) - b) % P + P) % P, ToBig(Groups.Bn254.Fp.NineTimesMinus(x, y).MontgomeryLimbs));
            }
        }

        static Fp FromMontgomery(BigInteger limbs)
        {
            var bytes = ToBytes(limbs);
            Array.Reverse(bytes);
            Assert.True(Groups.Bn254.Fp.FromMontgomeryLittleEndian(bytes, out var value));
            return value;
        }
    }

    [Fact]
    public void Fp2MatchesSchoolbookAndXi()
    {
        for (var i = 0; i < 50; i++)
        {
            var a = RandomFp2();
            var b = RandomFp2();
            var product = a * b;
            Assert.Equal(a.C0 * b.C0 - a.C1 * b.C1, product.C0);
            Assert.Equal(a.C0 * b.C1 + a.C1 * b.C0, product.C1);
            Assert.Equal(a * a, a.Square());
            Assert.Equal(a * Fp2.Xi, a.MultiplyByXi());
            Assert.Equal(Fp2.One, a * a.Invert());
        }

        Assert.Equal(Fp2.Zero, Fp2.Zero.Invert());
    }

    [Fact]
    public void Fp6AndFp12AreFields()
    {
        for (var i = 0; i < 10; i++)
        {
            var a = RandomFp6();
            var b = RandomFp6();
            var c = RandomFp6();
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), (a * b) + (a * c));
            Assert.Equal(Fp6.One, a * a.Invert());
            Assert.Equal(a * new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero), a.MultiplyByV());

            var x = RandomFp12();
            var y = RandomFp12();
            var z = RandomFp12();
            Assert.Equal((x * y) * z, x * (y * z));
            Assert.Equal(x * x, x.Square());
            Assert.Equal(Fp12.One, x * x.Invert());
        }
    }

    [Fact]
    public void SparseLineMultiplicationMatchesTheFullProduct()
    {
        for (var i = 0; i < 20; i++)
        {
            var f = RandomFp12();
            var (a, b, c) = (RandomFp2(), RandomFp2(), RandomFp2());
            var line = new Fp12(new Fp6(a, Fp2.Zero, Fp2.Zero), new Fp6(b, c, Fp2.Zero));
            Assert.Equal(f * line, f.MultiplyByLine(a, b, c));
            var x = RandomFp6();
            Assert.Equal(x * new Fp6(b, c, Fp2.Zero), x.MultiplyBy01(b, c));
        }
    }

    [Fact]
    public void CyclotomicSquaringMatchesSquaringOnTheCyclotomicSubgroupOnly()
    {
        for (var i = 0; i < 10; i++)
        {
            // f^((p⁶ − 1)(p² + 1)) lies in the cyclotomic subgroup: the final exponentiation's easy part.
            var f = RandomFp12();
            var easy = f.Conjugate() * f.Invert();
            var g = easy.Frobenius(2) * easy;
            Assert.Equal(g.Square(), g.CyclotomicSquare());
            Assert.Equal(g.Square().Square() * g, g.CyclotomicPower(5));
            Assert.Equal(Fp12.One, g.CyclotomicPower(0));

            // The non-adjacent-form power (the final exponentiation's x-powers) agrees with the binary one.
            Assert.Equal(g.CyclotomicPower(MillerLoop.X), g.CyclotomicPower(MillerLoop.NonAdjacentForm(MillerLoop.X)));
            Assert.Equal(g.CyclotomicPower(0b1011_0111), g.CyclotomicPower(MillerLoop.NonAdjacentForm(0b1011_0111)));
            Assert.Equal(g, g.CyclotomicPower(MillerLoop.NonAdjacentForm(1)));

            // A random element is not in the subgroup, and there the shortcut is wrong (so the test above can fail).
            Assert.NotEqual(f.Square(), f.CyclotomicSquare());
        }
    }

    [Fact]
    public void FrobeniusIsThePowerP()
    {
        var modulus = Groups.Bn254.Fp.Parameters.Modulus;
        ulong[] p = [modulus.L0, modulus.L1, modulus.L2, modulus.L3];
        var x = RandomFp12();
        Assert.Equal(x.Power(p), x.Frobenius());
        Assert.Equal(x.Power(p).Power(p), x.Frobenius(2));

        // Twelve applications return to the start (x^(p^12) = x), and six conjugate.
        Assert.Equal(x, x.Frobenius(12));
        Assert.Equal(x.Conjugate(), x.Frobenius(6));
    }
}
