using ILGPU;

namespace NexusZero.Accelerators.Ilgpu.Kernels;

/// <summary>
/// Radix-2 Cooley–Tukey over BN254's Fr on batches of equal-size vectors laid end to end: a bit-reversal pass, then
/// one launch per layer in which each thread does one butterfly of one vector, then the scalings the inverse and coset
/// transforms need. The values are fully reduced Montgomery residues, so the output equals the CPU's bit for bit.
/// Which elements a thread touches depends only on its index, never on the data.
/// </summary>
internal static class FrNttKernels
{
    /// <summary>Swaps element i and its log-bit reversal, by the thread of the smaller index.</summary>
    public static void BitReverse(Index1D index, ArrayView<DeviceLimbs> values, int logSize)
    {
        var size = 1 << logSize;
        var vector = index / size;
        var i = index % size;
        var reversed = 0;
        for (var bit = 0; bit < logSize; bit++)
        {
            reversed |= ((i >> bit) & 1) << (logSize - 1 - bit);
        }

        if (i < reversed)
        {
            var offset = vector * size;
            var x = values[offset + i];
            values[offset + i] = values[offset + reversed];
            values[offset + reversed] = x;
        }
    }

    /// <summary>One layer: pairs <paramref name="half"/> apart, twiddle ω^(j·n/(2·half)).</summary>
    public static void Butterfly(Index1D index, ArrayView<DeviceLimbs> values, ArrayView<DeviceLimbs> twiddles, int logSize, int half, DeviceModulus m)
    {
        var size = 1 << logSize;
        var pairs = size >> 1;
        var vector = index / pairs;
        var k = index % pairs;
        var block = k / half;
        var j = k % half;
        var stride = size / (2 * half);
        var at = (vector * size) + (block * 2 * half) + j;
        var t = DeviceArithmetic.Multiply(twiddles[j * stride], values[at + half], m);
        var u = values[at];
        values[at] = DeviceArithmetic.Add(u, t, m);
        values[at + half] = DeviceArithmetic.Subtract(u, t, m);
    }

    /// <summary>values[i] ← values[i]·factor.</summary>
    public static void Scale(Index1D index, ArrayView<DeviceLimbs> values, DeviceLimbs factor, DeviceModulus m) =>
        values[index] = DeviceArithmetic.Multiply(values[index], factor, m);

    /// <summary>values[i] ← values[i]·x^(i mod n), the power by square-and-multiply over the index's bits (public).</summary>
    public static void MultiplyByPowers(Index1D index, ArrayView<DeviceLimbs> values, DeviceLimbs x, int logSize, DeviceModulus m)
    {
        var exponent = index % (1 << logSize);
        var power = m.One;
        var square = x;
        for (var bit = 0; bit < logSize; bit++)
        {
            var mask = 0u - (uint)((exponent >> bit) & 1);
            power = DeviceArithmetic.Select(power, DeviceArithmetic.Multiply(power, square, m), mask);
            square = DeviceArithmetic.Multiply(square, square, m);
        }

        values[index] = DeviceArithmetic.Multiply(values[index], power, m);
    }
}
