namespace NexusZero.Lattices;

/// <summary>Which instruction set the NTT and pointwise routines run on; all give identical results.</summary>
internal enum NttBackend
{
    /// <summary>Portable scalar code.</summary>
    Scalar = 0,
    /// <summary>128-bit vectors through the cross-platform Vector128 API (SSE, NEON, or software).</summary>
    Vector128 = 1,
    /// <summary>256-bit AVX2 vectors; only when the CPU reports AVX2 at run time.</summary>
    Avx2 = 2,
}
