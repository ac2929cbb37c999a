using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NexusZero.Lattices;

/// <summary>
/// The NTT on the cross-platform Vector128 API (4 lanes), the fallback when AVX2 is absent: layers with
/// butterflies at least 4 apart are vectorised, the last two run scalar. Arithmetic widens to 64-bit
/// lanes and performs exactly <see cref="Zq.MontgomeryReduce"/>, so results are bit-identical to
/// <see cref="NttScalar"/>.
/// </summary>
internal static class NttVector128
{
    /// <summary>Forward NTT in place.</summary>
    public static void Forward(Span<int> a)
    {
        ref int origin = ref MemoryMarshal.GetReference(a);
        int[] zetas = NttZetas.Montgomery;
        int k = 0;
        for (int len = 128; len >= 4; len >>= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                Vector128<int> zeta = Vector128.Create(zetas[++k]);
                for (int j = start; j < start + len; j += 4)
                {
                    Vector128<int> lo = Vector128.LoadUnsafe(ref origin, (nuint)j);
                    Vector128<int> hi = Vector128.LoadUnsafe(ref origin, (nuint)(j + len));
                    Vector128<int> t = MontgomeryMultiply(zeta, hi);
                    (lo - t).StoreUnsafe(ref origin, (nuint)(j + len));
                    (lo + t).StoreUnsafe(ref origin, (nuint)j);
                }
            }
        }

        NttScalar.ForwardLayers(a, 2, 1, k);
    }

    /// <summary>Inverse NTT in place, result multiplied by 2^32 (as <see cref="NttScalar.InverseToMontgomery"/>).</summary>
    public static void InverseToMontgomery(Span<int> a)
    {
        int k = NttScalar.InverseLayers(a, 1, 2, 256);
        ref int origin = ref MemoryMarshal.GetReference(a);
        int[] zetas = NttZetas.Montgomery;
        for (int len = 4; len <= 128; len <<= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                Vector128<int> zeta = Vector128.Create(-zetas[--k]);
                for (int j = start; j < start + len; j += 4)
                {
                    Vector128<int> lo = Vector128.LoadUnsafe(ref origin, (nuint)j);
                    Vector128<int> hi = Vector128.LoadUnsafe(ref origin, (nuint)(j + len));
                    (lo + hi).StoreUnsafe(ref origin, (nuint)j);
                    MontgomeryMultiply(zeta, lo - hi).StoreUnsafe(ref origin, (nuint)(j + len));
                }
            }
        }

        Vector128<int> scale = Vector128.Create(NttScalar.InverseScale);
        for (int j = 0; j < 256; j += 4)
        {
            MontgomeryMultiply(scale, Vector128.LoadUnsafe(ref origin, (nuint)j)).StoreUnsafe(ref origin, (nuint)j);
        }
    }

    /// <summary>c = a ∘ b · 2^−32.</summary>
    public static void PointwiseMontgomery(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> c)
    {
        ref int ra = ref MemoryMarshal.GetReference(a);
        ref int rb = ref MemoryMarshal.GetReference(b);
        ref int rc = ref MemoryMarshal.GetReference(c);
        for (nuint j = 0; j < 256; j += 4)
        {
            MontgomeryMultiply(Vector128.LoadUnsafe(ref ra, j), Vector128.LoadUnsafe(ref rb, j)).StoreUnsafe(ref rc, j);
        }
    }

    /// <summary>c += a ∘ b · 2^−32.</summary>
    public static void PointwiseMontgomeryAccumulate(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> c)
    {
        ref int ra = ref MemoryMarshal.GetReference(a);
        ref int rb = ref MemoryMarshal.GetReference(b);
        ref int rc = ref MemoryMarshal.GetReference(c);
        for (nuint j = 0; j < 256; j += 4)
        {
            Vector128<int> product = MontgomeryMultiply(Vector128.LoadUnsafe(ref ra, j), Vector128.LoadUnsafe(ref rb, j));
            (Vector128.LoadUnsafe(ref rc, j) + product).StoreUnsafe(ref rc, j);
        }
    }

    /// <summary>Lane-wise <see cref="Zq.MontgomeryReduce"/>(a·b) in 64-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> MontgomeryMultiply(Vector128<int> a, Vector128<int> b)
    {
        (Vector128<long> aLow, Vector128<long> aHigh) = Vector128.Widen(a);
        (Vector128<long> bLow, Vector128<long> bHigh) = Vector128.Widen(b);
        return Vector128.Narrow(Reduce(aLow * bLow), Reduce(aHigh * bHigh));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<long> Reduce(Vector128<long> product)
    {
        Vector128<long> t = Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(product * Zq.QInv, 32), 32);
        return Vector128.ShiftRightArithmetic(product - (t * Zq.Q), 32);
    }
}
