using System.Security.Cryptography;
using NexusZero.Lattices;

namespace NexusZero.Accelerators.Ilgpu.Tests;

/// <summary>The batched ML-DSA NTT kernels against the CPU NTT, integer for integer.</summary>
[Collection(AcceleratorCollection.Name)]
public sealed class LatticeNttKernelTests(AcceleratorFixture fixture)
{
    private const int Q = 8380417;

    public static TheoryData<int> Batches => [1, 3, 17];

    [Theory]
    [MemberData(nameof(Batches))]
    public void ForwardMatchesTheCpuOnRandomPolynomials(int count)
    {
        var input = Random(count);
        var expected = (int[])input.Clone();
        Cpu(expected, inverse: false);
        fixture.Backend.LatticeForward(input);
        Assert.Equal(expected, input);
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void InverseMatchesTheCpuOnRandomPolynomials(int count)
    {
        var input = Random(count);
        var expected = (int[])input.Clone();
        Cpu(expected, inverse: true);
        fixture.Backend.LatticeInverseToMontgomery(input);
        Assert.Equal(expected, input);
    }

    [Fact]
    public void EdgeCoefficientsMatchTheCpu()
    {
        // Zero, q − 1 and −(q − 1) everywhere: the extremes of the input range, where the unreduced layers grow most.
        var input = new int[3 * Polynomial.N];
        input.AsSpan(Polynomial.N, Polynomial.N).Fill(Q - 1);
        input.AsSpan(2 * Polynomial.N, Polynomial.N).Fill(-(Q - 1));
        foreach (var inverse in new[] { false, true })
        {
            var expected = (int[])input.Clone();
            Cpu(expected, inverse);
            var actual = (int[])input.Clone();
            if (inverse)
            {
                fixture.Backend.LatticeInverseToMontgomery(actual);
            }
            else
            {
                fixture.Backend.LatticeForward(actual);
            }

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void ALengthThatIsNotWholePolynomialsIsRejected()
    {
        Assert.Throws<ArgumentException>(() => fixture.Backend.LatticeForward(new int[300]));
        Assert.Throws<ArgumentException>(() => fixture.Backend.LatticeForward(Span<int>.Empty));
    }

    private static int[] Random(int count)
    {
        var values = new int[count * Polynomial.N];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = RandomNumberGenerator.GetInt32(-(Q - 1), Q);
        }

        return values;
    }

    private static void Cpu(int[] values, bool inverse)
    {
        for (var offset = 0; offset < values.Length; offset += Polynomial.N)
        {
            var polynomial = values.AsSpan(offset, Polynomial.N);
            if (inverse)
            {
                Ntt.InverseToMontgomery(polynomial, NttBackend.Scalar);
            }
            else
            {
                Ntt.Forward(polynomial, NttBackend.Scalar);
            }
        }
    }
}
