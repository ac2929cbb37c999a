using ILGPU;

namespace NexusZero.Accelerators.Ilgpu.Kernels;

/// <summary>
/// The ML-DSA NTT over Z_q[X]/(X^256 + 1), q = 8380417, one polynomial per thread group: the group loads its
/// polynomial into shared memory, its threads share the 128 butterflies of each layer (one each with 128 threads, as
/// on a GPU; several each where the accelerator allows fewer threads per group, as ILGPU's CPU accelerator does),
/// and a barrier separates the layers. The butterflies are the CPU's (FIPS 204 algorithms 41 and 42, Montgomery twiddles, no reduction between
/// layers), operation for operation, so the integers that come out are the same.
/// </summary>
internal static class LatticeNttKernels
{
    /// <summary>The butterflies per layer, and so the most threads a group can use.</summary>
    public const int MaxGroupSize = 128;

    private const int Q = 8380417;
    private const int QInverse = 58728449;
    private const int InverseScale = 41978;

    public static void Forward(ArrayView<int> polynomials, ArrayView<int> zetas)
    {
        var a = SharedMemory.Allocate<int>(256);
        var first = Group.IdxX;
        var step = Group.DimX;
        var offset = Grid.IdxX * 256;
        for (var i = first; i < 256; i += step)
        {
            a[i] = polynomials[offset + i];
        }

        Group.Barrier();
        for (var len = 128; len >= 1; len >>= 1)
        {
            for (var butterfly = first; butterfly < 128; butterfly += step)
            {
                var block = butterfly / len;
                var j = (block * 2 * len) + (butterfly % len);
                long zeta = zetas[(128 / len) + block];
                var t = MontgomeryReduce(zeta * a[j + len]);
                var u = a[j];
                a[j + len] = u - t;
                a[j] = u + t;
            }

            Group.Barrier();
        }

        for (var i = first; i < 256; i += step)
        {
            polynomials[offset + i] = a[i];
        }
    }

    public static void InverseToMontgomery(ArrayView<int> polynomials, ArrayView<int> zetas)
    {
        var a = SharedMemory.Allocate<int>(256);
        var first = Group.IdxX;
        var step = Group.DimX;
        var offset = Grid.IdxX * 256;
        for (var i = first; i < 256; i += step)
        {
            a[i] = polynomials[offset + i];
        }

        Group.Barrier();
        for (var len = 1; len <= 128; len <<= 1)
        {
            for (var butterfly = first; butterfly < 128; butterfly += step)
            {
                var block = butterfly / len;
                var j = (block * 2 * len) + (butterfly % len);
                long zeta = -zetas[(256 / len) - 1 - block];
                var t = a[j];
                var v = a[j + len];
                a[j] = t + v;
                a[j + len] = MontgomeryReduce(zeta * (t - v));
            }

            Group.Barrier();
        }

        for (var i = first; i < 256; i += step)
        {
            polynomials[offset + i] = MontgomeryReduce((long)InverseScale * a[i]);
        }
    }

    private static int MontgomeryReduce(long a)
    {
        var t = unchecked((int)a * QInverse);
        return (int)((a - ((long)t * Q)) >> 32);
    }
}
