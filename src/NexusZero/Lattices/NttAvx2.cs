using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NexusZero.Lattices;

/// <summary>
/// The NTT with AVX2, every layer on 8 lanes with the exact Montgomery arithmetic of
/// <see cref="NttScalar"/>, so results are bit-identical. Layers with butterflies at least 8 apart pair
/// whole vectors; the last three (distance 4, 2, 1) work on 16 coefficients at a time, regrouping them
/// with 128-bit, 64-bit and 32-bit shuffles so that each butterfly's two inputs land in two vectors,
/// with per-lane twiddle tables laid out to match. Callers check <see cref="Avx2.IsSupported"/> first.
/// </summary>
internal static class NttAvx2
{
    private const byte InterleavePairs = 0b11_01_10_00;
    private static readonly int[] Forward4 = LayerTable(4, forward: true);
    private static readonly int[] Forward2 = LayerTable(2, forward: true);
    private static readonly int[] Forward1 = LayerTable(1, forward: true);
    private static readonly int[] Inverse4 = LayerTable(4, forward: false);
    private static readonly int[] Inverse2 = LayerTable(2, forward: false);
    private static readonly int[] Inverse1 = LayerTable(1, forward: false);

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

        ref int forward4 = ref MemoryMarshal.GetArrayDataReference(Forward4);
        ref int forward2 = ref MemoryMarshal.GetArrayDataReference(Forward2);
        ref int forward1 = ref MemoryMarshal.GetArrayDataReference(Forward1);
        for (nuint chunk = 0; chunk < 16; chunk++)
        {
            nuint offset = chunk * 16;
            Vector256<int> v0 = Vector256.LoadUnsafe(ref origin, offset);
            Vector256<int> v1 = Vector256.LoadUnsafe(ref origin, offset + 8);

            // Distance 4: low halves against high halves.
            Vector256<int> low = Avx2.Permute2x128(v0, v1, 0x20);
            Vector256<int> high = Avx2.Permute2x128(v0, v1, 0x31);
            Vector256<int> t = MontgomeryMultiply(Vector256.LoadUnsafe(ref forward4, chunk * 8), high);
            (low, high) = (low + t, low - t);
            v0 = Avx2.Permute2x128(low, high, 0x20);
            v1 = Avx2.Permute2x128(low, high, 0x31);

            // Distance 2: even 64-bit pairs against odd ones.
            low = Avx2.UnpackLow(v0.AsInt64(), v1.AsInt64()).AsInt32();
            high = Avx2.UnpackHigh(v0.AsInt64(), v1.AsInt64()).AsInt32();
            t = MontgomeryMultiply(Vector256.LoadUnsafe(ref forward2, chunk * 8), high);
            (low, high) = (low + t, low - t);
            v0 = Avx2.UnpackLow(low.AsInt64(), high.AsInt64()).AsInt32();
            v1 = Avx2.UnpackHigh(low.AsInt64(), high.AsInt64()).AsInt32();

            // Distance 1: even coefficients against odd ones.
            Vector256<int> s0 = Avx2.Shuffle(v0, InterleavePairs);
            Vector256<int> s1 = Avx2.Shuffle(v1, InterleavePairs);
            low = Avx2.UnpackLow(s0.AsInt64(), s1.AsInt64()).AsInt32();
            high = Avx2.UnpackHigh(s0.AsInt64(), s1.AsInt64()).AsInt32();
            t = MontgomeryMultiply(Vector256.LoadUnsafe(ref forward1, chunk * 8), high);
            (low, high) = (low + t, low - t);
            Avx2.Shuffle(Avx2.UnpackLow(low.AsInt64(), high.AsInt64()).AsInt32(), InterleavePairs).StoreUnsafe(ref origin, offset);
            Avx2.Shuffle(Avx2.UnpackHigh(low.AsInt64(), high.AsInt64()).AsInt32(), InterleavePairs).StoreUnsafe(ref origin, offset + 8);
        }
    }

    /// <summary>Inverse NTT in place, result multiplied by 2^32 (as <see cref="NttScalar.InverseToMontgomery"/>).</summary>
    public static void InverseToMontgomery(Span<int> a)
    {
        ref int origin = ref MemoryMarshal.GetReference(a);
        ref int inverse4 = ref MemoryMarshal.GetArrayDataReference(Inverse4);
        ref int inverse2 = ref MemoryMarshal.GetArrayDataReference(Inverse2);
        ref int inverse1 = ref MemoryMarshal.GetArrayDataReference(Inverse1);
        for (nuint chunk = 0; chunk < 16; chunk++)
        {
            nuint offset = chunk * 16;
            Vector256<int> s0 = Avx2.Shuffle(Vector256.LoadUnsafe(ref origin, offset), InterleavePairs);
            Vector256<int> s1 = Avx2.Shuffle(Vector256.LoadUnsafe(ref origin, offset + 8), InterleavePairs);

            // Distance 1.
            Vector256<int> low = Avx2.UnpackLow(s0.AsInt64(), s1.AsInt64()).AsInt32();
            Vector256<int> high = Avx2.UnpackHigh(s0.AsInt64(), s1.AsInt64()).AsInt32();
            (low, high) = (low + high, MontgomeryMultiply(Vector256.LoadUnsafe(ref inverse1, chunk * 8), low - high));
            Vector256<int> v0 = Avx2.Shuffle(Avx2.UnpackLow(low.AsInt64(), high.AsInt64()).AsInt32(), InterleavePairs);
            Vector256<int> v1 = Avx2.Shuffle(Avx2.UnpackHigh(low.AsInt64(), high.AsInt64()).AsInt32(), InterleavePairs);

            // Distance 2.
            low = Avx2.UnpackLow(v0.AsInt64(), v1.AsInt64()).AsInt32();
            high = Avx2.UnpackHigh(v0.AsInt64(), v1.AsInt64()).AsInt32();
            (low, high) = (low + high, MontgomeryMultiply(Vector256.LoadUnsafe(ref inverse2, chunk * 8), low - high));
            v0 = Avx2.UnpackLow(low.AsInt64(), high.AsInt64()).AsInt32();
            v1 = Avx2.UnpackHigh(low.AsInt64(), high.AsInt64()).AsInt32();

            // Distance 4.
            low = Avx2.Permute2x128(v0, v1, 0x20);
            high = Avx2.Permute2x128(v0, v1, 0x31);
            (low, high) = (low + high, MontgomeryMultiply(Vector256.LoadUnsafe(ref inverse4, chunk * 8), low - high));
            Avx2.Permute2x128(low, high, 0x20).StoreUnsafe(ref origin, offset);
            Avx2.Permute2x128(low, high, 0x31).StoreUnsafe(ref origin, offset + 8);
        }

        int k = 32;
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
    /// Per-lane twiddles for one of the last three layers, 8 per 16-coefficient chunk, in the lane order
    /// the shuffles above produce. Forward layer with distance d uses zetas[256/(2d) + block]; the inverse
    /// uses −zetas[256/d − 1 − block], blocks counted from the start of the polynomial.
    /// </summary>
    private static int[] LayerTable(int distance, bool forward)
    {
        // Which butterfly block (of 2·distance coefficients, numbered within the 16-coefficient chunk)
        // each lane of the "high" vector belongs to.
        int[] blockOfLane = distance switch
        {
            4 => [0, 0, 0, 0, 1, 1, 1, 1],
            2 => [0, 0, 2, 2, 1, 1, 3, 3],
            _ => [0, 1, 4, 5, 2, 3, 6, 7],
        };
        int blocksPerChunk = 16 / (2 * distance);
        int layerStart = 256 / (2 * distance);
        var table = new int[16 * 8];
        for (int chunk = 0; chunk < 16; chunk++)
        {
            for (int lane = 0; lane < 8; lane++)
            {
                int block = (chunk * blocksPerChunk) + blockOfLane[lane];
                table[(chunk * 8) + lane] = forward
                    ? NttZetas.Montgomery[layerStart + block]
                    : -NttZetas.Montgomery[(2 * layerStart) - 1 - block];
            }
        }

        return table;
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
