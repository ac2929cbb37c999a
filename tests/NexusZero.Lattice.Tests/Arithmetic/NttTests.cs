using NexusZero.Lattices;

namespace NexusZero.Lattice.Tests.Arithmetic;

public sealed class NttTests
{
    public static TheoryData<int> Backends => [(int)NttBackend.Scalar, (int)NttBackend.Vector128, (int)NttBackend.Avx2];

    private static readonly NttBackend[] AllBackends = [NttBackend.Scalar, NttBackend.Vector128, NttBackend.Avx2];

    [Fact]
    public void ZetasMatchTheFips204Table()
    {
        // FIPS 204 Appendix B: zetas[1..4] = 4808194, 3765607, 3761513, 5178923; zetas[255] = 1753^255.
        Assert.Equal([0, 4808194, 3765607, 3761513, 5178923], NttZetas.Plain[..5].Select((z, i) => i == 0 ? 0 : z));
        Assert.Equal(Zq.Power(1753, 255), NttZetas.Plain[255]);
        Assert.Equal(Zq.Q - 1, Zq.Power(1753, 256));
        for (int k = 0; k < 256; k++)
        {
            Assert.Equal(Mod((long)NttZetas.Plain[k] << 32), Mod(NttZetas.Montgomery[k]));
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void ForwardMatchesTheFips204Definition(int backendId)
    {
        var backend = (NttBackend)backendId;
        if (!Ntt.IsSupported(backend))
        {
            Assert.Fail("AVX2 is not available on this machine, so the AVX2 path cannot be compared.");
        }

        var random = new Random(1);
        for (int trial = 0; trial < 20; trial++)
        {
            int[] a = RandomPolynomial(random);
            int[] expected = NaiveNtt(a);
            int[] actual = (int[])a.Clone();
            Ntt.Forward(actual, backend);
            Assert.Equal(expected, actual.Select(x => Mod(x)).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void InverseUndoesForwardUpToTheMontgomeryFactor(int backendId)
    {
        var backend = (NttBackend)backendId;
        var random = new Random(2);
        for (int trial = 0; trial < 20; trial++)
        {
            int[] a = RandomPolynomial(random);
            int[] b = (int[])a.Clone();
            Ntt.Forward(b, backend);
            Ntt.InverseToMontgomery(b, backend);
            for (int i = 0; i < 256; i++)
            {
                Assert.Equal(Mod(((long)a[i] << 32) % Zq.Q), Mod(b[i]));
                Assert.True(Math.Abs(b[i]) < Zq.Q);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void ProductIsNegacyclicConvolution(int backendId)
    {
        var backend = (NttBackend)backendId;
        var random = new Random(3);
        int[] a = RandomPolynomial(random);
        int[] b = RandomPolynomial(random);
        long[] expected = new long[256];
        for (int i = 0; i < 256; i++)
        {
            for (int j = 0; j < 256; j++)
            {
                long product = (long)a[i] * b[j] % Zq.Q;
                int index = i + j;
                expected[index & 255] = index >= 256 ? expected[index & 255] - product : expected[index & 255] + product;
            }
        }

        int[] aHat = (int[])a.Clone();
        int[] bHat = (int[])b.Clone();
        Ntt.Forward(aHat, backend);
        Ntt.Forward(bHat, backend);
        int[] c = new int[256];
        Ntt.PointwiseMontgomery(aHat, bHat, c, backend);
        Ntt.InverseToMontgomery(c, backend);
        Assert.Equal(expected.Select(Mod).ToArray(), c.Select(x => Mod(x)).ToArray());
    }

    [Fact]
    public void AllBackendsGiveIdenticalIntegers()
    {
        Assert.True(Ntt.IsSupported(NttBackend.Avx2), "AVX2 is not available on this machine, so the AVX2 path cannot be compared.");
        var random = new Random(4);
        var inputs = new List<int[]>
        {
            new int[256],
            Enumerable.Repeat(Zq.Q - 1, 256).ToArray(),
            Enumerable.Repeat(-(Zq.Q - 1), 256).ToArray(),
            Enumerable.Range(0, 256).Select(i => i % 2 == 0 ? Zq.Q - 1 : -(Zq.Q - 1)).ToArray(),
        };
        for (int i = 0; i < 50; i++)
        {
            inputs.Add(RandomPolynomial(random));
        }

        foreach (int[] input in inputs)
        {
            int[][] forward = AllBackends.Select(b => Apply(input, x => Ntt.Forward(x, b))).ToArray();
            Assert.Equal(forward[0], forward[1]);
            Assert.Equal(forward[0], forward[2]);
            int[][] inverse = AllBackends.Select(b => Apply(forward[0], x => Ntt.InverseToMontgomery(x, b))).ToArray();
            Assert.Equal(inverse[0], inverse[1]);
            Assert.Equal(inverse[0], inverse[2]);
            int[][] pointwise = AllBackends.Select(b => Apply(forward[0], x => Ntt.PointwiseMontgomery(forward[0], input, x, b))).ToArray();
            Assert.Equal(pointwise[0], pointwise[1]);
            Assert.Equal(pointwise[0], pointwise[2]);
        }
    }

    [Fact]
    public void RejectsWrongLength()
    {
        Assert.Throws<ArgumentException>(() => Ntt.Forward(new int[255]));
        Assert.Throws<ArgumentException>(() => Ntt.InverseToMontgomery(new int[257]));
    }

    private static int[] Apply(int[] input, Action<int[]> action)
    {
        int[] copy = (int[])input.Clone();
        action(copy);
        return copy;
    }

    private static int[] RandomPolynomial(Random random) =>
        Enumerable.Range(0, 256).Select(_ => random.Next(-(Zq.Q - 1), Zq.Q)).ToArray();

    private static int Mod(long x) => (int)(((x % Zq.Q) + Zq.Q) % Zq.Q);

    // FIPS 204 Algorithm 41 in plain integers (test-only reference).
    private static int[] NaiveNtt(int[] input)
    {
        long[] w = input.Select(x => (long)Mod(x)).ToArray();
        int m = 0;
        for (int len = 128; len >= 1; len /= 2)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                m++;
                long z = NttZetas.Plain[m];
                for (int j = start; j < start + len; j++)
                {
                    long t = z * w[j + len] % Zq.Q;
                    w[j + len] = (w[j] - t + Zq.Q) % Zq.Q;
                    w[j] = (w[j] + t) % Zq.Q;
                }
            }
        }

        return w.Select(x => (int)x).ToArray();
    }
}
