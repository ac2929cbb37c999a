using System.Numerics;
using NexusZero.Groups.Bn254;
using static NexusZero.Classical.Tests.Bn254.BigIntegerReference;

namespace NexusZero.Classical.Tests.Bn254;

public sealed class FieldTests
{
    [Fact]
    public void FpArithmeticMatchesBigInteger()
    {
        var random = new Random(1);
        for (var i = 0; i < 300; i++)
        {
            var a = i == 0 ? P - 1 : Random(random, P);
            var b = i == 1 ? P - 1 : Random(random, P);
            var x = Fp(a);
            var y = Fp(b);
            Assert.Equal((a + b) % P, Big(x + y));
            Assert.Equal(((a - b) % P + P) % P, Big(x - y));
            Assert.Equal((P - a) % P, Big(-x));
            Assert.Equal(a * b % P, Big(x * y));
            Assert.Equal(a * a % P, Big(x.Square()));
            if (i < 20)
            {
                Assert.Equal(BigInteger.ModPow(a, P - 2, P), Big(x.Invert()));
            }
        }
    }

    /// <summary>
    /// The 4-bit-window power against BigInteger at the windows' edges: zero, one, a single digit, all-ones and
    /// all-zero digits, zero digits at the top and bottom, the full 256-bit range, and bases 0 and 1.
    /// </summary>
    [Fact]
    public void WindowedPowerMatchesBigIntegerAtTheDigitEdges()
    {
        var random = new Random(4);
        BigInteger[] exponents =
        [
            0, 1, 2, 15, 16, 17, 255, 256, (BigInteger.One << 64) - 1, BigInteger.One << 64, BigInteger.One << 255,
            (BigInteger.One << 256) - 1, ((BigInteger.One << 252) - 1) << 4, (BigInteger.One << 252) + 1, P - 2, R - 2,
            Random(random, BigInteger.One << 256), Random(random, BigInteger.One << 256),
        ];
        var bases = new[] { BigInteger.Zero, BigInteger.One, Random(random, R), R - 1 };
        foreach (var e in exponents)
        {
            foreach (var a in bases)
            {
                Assert.Equal(BigInteger.ModPow(a, e, P), Big(Fp(a).Power(ToLimbs(e))));
                Assert.Equal(BigInteger.ModPow(a, e, R), ToBig(Fr.FromCanonical(ToLimbs(a)).Power(ToLimbs(e)).ToCanonical()));
            }
        }
    }

    [Fact]
    public void FrArithmeticMatchesBigInteger()
    {
        var random = new Random(2);
        for (var i = 0; i < 300; i++)
        {
            var a = Random(random, R);
            var b = Random(random, R);
            var x = Fr.FromCanonical(ToLimbs(a));
            var y = Fr.FromCanonical(ToLimbs(b));
            Assert.Equal((a + b) % R, ToBig((x + y).ToCanonical()));
            Assert.Equal(((a - b) % R + R) % R, ToBig((x - y).ToCanonical()));
            Assert.Equal(a * b % R, ToBig((x * y).ToCanonical()));
            if (i < 20)
            {
                Assert.Equal(BigInteger.ModPow(a, R - 2, R), ToBig(x.Invert().ToCanonical()));
                Assert.Equal(Fr.One, x.Invert() * x);
            }
        }
    }

    [Fact]
    public void MultiplicationHoldsAtCarryEdges()
    {
        // Operands whose limbs are all-ones or zero stress every carry of the four-word CIOS rounds.
        var two64 = BigInteger.One << 64;
        BigInteger[] edges =
        [
            0, 1, 2, two64 - 1, two64, (two64 * two64) - 1, (BigInteger.One << 192) - 1, BigInteger.One << 253,
            P - 1, P - 2, P - two64, P - (BigInteger.One << 128), P / 2, (P + 1) / 2,
        ];
        foreach (var a in edges)
        {
            foreach (var b in edges)
            {
                Assert.Equal(a * b % P, Big(Fp(a) * Fp(b)));
                var ra = a % R;
                var rb = b % R;
                Assert.Equal(ra * rb % R, ToBig((Fr.FromCanonical(ToLimbs(ra)) * Fr.FromCanonical(ToLimbs(rb))).ToCanonical()));
            }
        }
    }

    [Fact]
    public void ReducedDecodingAcceptsEveryTwoHundredFiftySixBitValue()
    {
        // The unreduced value is the Montgomery multiplication's second operand, which may exceed the modulus.
        var random = new Random(3);
        var bytes = new byte[32];
        for (var i = 0; i < 300; i++)
        {
            random.NextBytes(bytes);
            if (i < 32)
            {
                bytes.AsSpan().Fill(0xFF);
                bytes[i] = (byte)(i * 7);
            }

            var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            Assert.Equal(value % P, Big(Groups.Bn254.Fp.FromBigEndianReduced(bytes)));
            Assert.Equal(value % R, ToBig(Fr.FromBigEndianReduced(bytes).ToCanonical()));
        }
    }

    [Fact]
    public void MontgomeryConstantsAreDerivedCorrectly()
    {
        var two256 = BigInteger.One << 256;
        Assert.Equal(two256 % P, ToBig(Groups.Bn254.Fp.Parameters.R));
        Assert.Equal(two256 * two256 % P, ToBig(Groups.Bn254.Fp.Parameters.R2));
        Assert.Equal(0x87d20782e4866389UL, Groups.Bn254.Fp.Parameters.NegativeInverse);
        Assert.Equal(0xc2e1f593efffffffUL, Fr.Parameters.NegativeInverse);
        Assert.Equal(two256 % R, ToBig(Fr.Parameters.R));

        // The compile-time constants the multiplication specialises on agree with the derived ones.
        Assert.Equal(Groups.Bn254.Fp.Parameters.NegativeInverse, FpModulus.NegativeInverse);
        Assert.Equal(Fr.Parameters.NegativeInverse, FrModulus.NegativeInverse);
        Assert.Equal(P, ToBig(FpModulus.Modulus));
        Assert.Equal(R, ToBig(FrModulus.Modulus));
    }

    [Fact]
    public void BigEndianEncodingIsCanonical()
    {
        Assert.True(Groups.Bn254.Fp.TryFromBigEndian(ToBytes(P - 1), out var max));
        Assert.Equal(P - 1, Big(max));
        Assert.Equal(ToBytes(P - 1), Hex(max));
        Assert.False(Groups.Bn254.Fp.TryFromBigEndian(ToBytes(P), out _));
        Assert.False(Groups.Bn254.Fp.TryFromBigEndian(Enumerable.Repeat((byte)0xFF, 32).ToArray(), out _));
        Assert.False(Fr.TryFromBigEndian(ToBytes(R), out _));
        Assert.True(Fr.TryFromBigEndian(ToBytes(R - 1), out _));
        Assert.Throws<ArgumentException>(() => Groups.Bn254.Fp.TryFromBigEndian(new byte[31], out _));
    }

    [Fact]
    public void ReducedDecodingAndSnarkjsMontgomeryForm()
    {
        var all = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        Assert.Equal((two256() - 1) % R, ToBig(Fr.FromBigEndianReduced(all).ToCanonical()));

        var value = Fr.FromUInt64(5);
        var le = new byte[32];
        value.WriteMontgomeryLittleEndian(le);
        var expected = 5 * two256() % R;
        Assert.Equal(expected, new BigInteger(le, isUnsigned: true));
        Assert.True(Fr.FromMontgomeryLittleEndian(le, out var back));
        Assert.Equal(value, back);
        var tooBig = new byte[32];
        R.TryWriteBytes(tooBig, out _, isUnsigned: true);
        Assert.False(Fr.FromMontgomeryLittleEndian(tooBig, out _));

        static BigInteger two256() => BigInteger.One << 256;
    }

    private static byte[] Hex(Fp value)
    {
        var bytes = new byte[32];
        value.WriteBigEndian(bytes);
        return bytes;
    }
}
