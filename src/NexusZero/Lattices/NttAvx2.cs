using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NexusZero.Lattices;

/// <summary>
/// The NTT with AVX2: the layers whose butterflies are at least 8 apart run on 8 lanes at once with the
/// exact Montgomery arithmetic of <see cref="NttScalar"/>, so results are bit-identical; the last three
/// layers (distance 4, 2, 1) run scalar. Callers check <see cref="Avx2.IsSupported"/> first.
/// </summary>
internal static class NttAvx2
{
    /// <summary>Forward NTT in place.</summary>
    public static void Forward(Span<int> a)
    {
        ref int origin = ref MemoryMarshal.GetReference(a);
        int[] zetas = NttZetas.Montgomery;
        int k = 0;
        for (int len = 128; len >= 8; len >>= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                Vector256<int> zeta = Vector256.Create(zetas[++k]);
                for (int j = start; j < start + len; j += 8)
                {
                    Vector256<int> lo = Vector256.LoadUnsafe(ref origin, (nuint)j);
                    Vector256<int> hi = Vector256.LoadUnsafe(ref origin, (nuint)(j + len));
                    Vector256<int> t = MontgomeryMultiply(zeta, hi);
                    (lo - t).StoreUnsafe(ref origin, (nuint)(j + len));
                    (lo + t).StoreUnsafe(ref origin, (nuint)j);
                }
            }
        }

        NttScalar.ForwardLayers(a, 4, 1, k);
    }

    /// <summary>Inverse NTT in place, result multiplied by 2^32 (as <see cref="NttScalar.InverseToMontgomery"/>).</summary>
    public static void InverseToMontgomery(Span<int> a)
    {
        int k = NttScalar.InverseLayers(a, 1, 4, 256);
        ref int origin = ref MemoryMarshal.GetReference(a);
        int[] zetas = NttZetas.Montgomery;
        for (int len = 8; len <= 128; len <<= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                Vector256<int> zeta = Vector256.Create(-zetas[--k]);
                for (int j = start; j < start + len; j += 8)
                {
                    Vector256<int> lo = Vector256.LoadUnsafe(ref origin, (nuint)j);
                    Vector256<int> hi = Vector256.LoadUnsafe(ref origin, (nuint)(j + len));
                    (lo + hi).StoreUnsafe(ref origin, (nuint)j);
                    MontgomeryMultiply(zeta, lo - hi).StoreUnsafe(ref origin, (nuint)(j + len));
                }
            }
        }

        Vector256<int> scale = Vector256.Create(NttScalar.InverseScale);
        for (int j = 0; j < 256; j += 8)
        {
            MontgomeryMultiply(scale, Vector256.LoadUnsafe(ref origin, (nuint)j)).StoreUnsafe(ref origin, (nuint)j);
        }
    }

    /// <summary>c = a ∘ b · 2^−32.</summary>
    public static void PointwiseMontgomery(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> c)
    {
        ref int ra = ref MemoryMarshal.GetReference(a);
        ref int rb = ref MemoryMarshal.GetReference(b);
        ref int rc = ref MemoryMarshal.GetReference(c);
        for (nuint j = 0; j < 256; j += 8)
        {
            MontgomeryMultiply(Vector256.LoadUnsafe(ref ra, j), Vector256.LoadUnsafe(ref rb, j)).StoreUnsafe(ref rc, j);
        }
    }

    /// <summary>c += a ∘ b · 2^−32.</summary>
    public static void PointwiseMontgomeryAccumulate(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> c)
    {
        ref int ra = ref MemoryMarshal.GetReference(a);
        ref int rb = ref MemoryMarshal.GetReference(b);
        ref int rc = ref MemoryMarshal.GetReference(c);
        for (nuint j = 0; j < 256; j += 8)
        {
            Vector256<int> product = MontgomeryMultiply(Vector256.LoadUnsafe(ref ra, j), Vector256.LoadUnsafe(ref rb, j));
            (Vector256.LoadUnsafe(ref rc, j) + product).StoreUnsafe(ref rc, j);
        }
    }

    /// <summary>
    /// Lane-wise <see cref="Zq.MontgomeryReduce"/>(a·b): even and odd lanes go through the 32×32→64-bit
    /// signed multiply separately, and the high halves of the exact 64-bit differences are blended back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> MontgomeryMultiply(Vector256<int> a, Vector256<int> b)
    {
        Vector256<int> qinv = Vector256.Create(Zq.QInv);
        Vector256<int> q = Vector256.Create(Zq.Q);

        Vector256<long> productEven = Avx2.Multiply(a, b);
        Vector256<long> tEven = Avx2.Multiply(productEven.AsInt32(), qinv);
        Vector256<long> rEven = productEven - Avx2.Multiply(tEven.AsInt32(), q);

        Vector256<int> aOdd = Avx2.ShiftRightLogical(a.AsInt64(), 32).AsInt32();
        Vector256<int> bOdd = Avx2.ShiftRightLogical(b.AsInt64(), 32).AsInt32();
        Vector256<long> productOdd = Avx2.Multiply(aOdd, bOdd);
        Vector256<long> tOdd = Avx2.Multiply(productOdd.AsInt32(), qinv);
        Vector256<long> rOdd = productOdd - Avx2.Multiply(tOdd.AsInt32(), q);

        Vector256<int> highEven = Avx2.ShiftRightLogical(rEven, 32).AsInt32();
        return Avx2.Blend(highEven, rOdd.AsInt32(), 0b1010_1010);
    }
}
