using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NexusZero.Lattices;

/// <summary>
/// The number-theoretic transform of FIPS 204 on one polynomial (256 coefficients), dispatched once at
/// start-up to the fastest backend the CPU offers: AVX2, else Vector128 when hardware-accelerated, else
/// scalar. Every backend produces identical integers.
/// </summary>
internal static class Ntt
{
    /// <summary>The backend chosen for this process.</summary>
    public static NttBackend Preferred { get; } =
        Avx2.IsSupported ? NttBackend.Avx2 : Vector128.IsHardwareAccelerated ? NttBackend.Vector128 : NttBackend.Scalar;

    /// <summary>True when <paramref name="backend"/> can run on this CPU.</summary>
    public static bool IsSupported(NttBackend backend) => backend switch
    {
        NttBackend.Scalar or NttBackend.Vector128 => true,
        NttBackend.Avx2 => Avx2.IsSupported,
        _ => false,
    };

    /// <summary>Forward NTT in place (coefficients with |a| &lt; q in, |a| &lt; 9q out, bit-reversed order).</summary>
    public static void Forward(Span<int> a) => Forward(a, Preferred);

    /// <summary>Inverse NTT in place; the output carries a factor 2^32 (cancelling one Montgomery product).</summary>
    public static void InverseToMontgomery(Span<int> a) => InverseToMontgomery(a, Preferred);

    /// <summary>c = a ∘ b · 2^−32.</summary>
    public static void PointwiseMontgomery(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> c) =>
        PointwiseMontgomery(a, b, c, Preferred);

    /// <summary>c += a ∘ b · 2^−32.</summary>
    public static void PointwiseMontgomeryAccumulate(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> c)
    {
        CheckLength(a);
        CheckLength(b);
        CheckLength(c);
        switch (Preferred)
        {
            case NttBackend.Avx2: NttAvx2.PointwiseMontgomeryAccumulate(a, b, c); break;
            case NttBackend.Vector128: NttVector128.PointwiseMontgomeryAccumulate(a, b, c); break;
            default: NttScalar.PointwiseMontgomeryAccumulate(a, b, c); break;
        }
    }

    /// <summary>Forward NTT on a chosen backend.</summary>
    public static void Forward(Span<int> a, NttBackend backend)
    {
        CheckLength(a);
        switch (backend)
        {
            case NttBackend.Avx2: NttAvx2.Forward(a); break;
            case NttBackend.Vector128: NttVector128.Forward(a); break;
            default: NttScalar.Forward(a); break;
        }
    }

    /// <summary>Inverse NTT on a chosen backend.</summary>
    public static void InverseToMontgomery(Span<int> a, NttBackend backend)
    {
        CheckLength(a);
        switch (backend)
        {
            case NttBackend.Avx2: NttAvx2.InverseToMontgomery(a); break;
            case NttBackend.Vector128: NttVector128.InverseToMontgomery(a); break;
            default: NttScalar.InverseToMontgomery(a); break;
        }
    }

    /// <summary>Pointwise Montgomery product on a chosen backend.</summary>
    public static void PointwiseMontgomery(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> c, NttBackend backend)
    {
        CheckLength(a);
        CheckLength(b);
        CheckLength(c);
        switch (backend)
        {
            case NttBackend.Avx2: NttAvx2.PointwiseMontgomery(a, b, c); break;
            case NttBackend.Vector128: NttVector128.PointwiseMontgomery(a, b, c); break;
            default: NttScalar.PointwiseMontgomery(a, b, c); break;
        }
    }

    private static void CheckLength(ReadOnlySpan<int> a)
    {
        if (a.Length != Polynomial.N)
        {
            throw new ArgumentException($"A polynomial has exactly {Polynomial.N} coefficients, got {a.Length}.", nameof(a));
        }
    }
}
