using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>Branch-free comparisons returning 1 (true) or 0 (false), for masks over secret data.</summary>
internal static class ConstantTime
{
    /// <summary>1 when <paramref name="x"/> is zero, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong IsZero(ulong x) => ((x | (0 - x)) >> 63) ^ 1;

    /// <summary>1 when <paramref name="a"/> equals <paramref name="b"/>, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AreEqual(ulong a, ulong b) => IsZero(a ^ b);
}
