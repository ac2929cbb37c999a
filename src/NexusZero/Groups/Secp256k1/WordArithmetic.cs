using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// Branch-free 64-bit add-with-carry, subtract-with-borrow and mask helpers shared by the field and
/// scalar arithmetic. Carries are computed from the operands' top bits (Hacker's Delight 2-13), never
/// with a comparison the JIT might turn into a branch.
/// </summary>
internal static class WordArithmetic
{
    /// <summary>a + b + carryIn; carry (0 or 1) in and out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        var sum = a + b + carry;
        carry = ((a & b) | ((a | b) & ~sum)) >> 63;
        return sum;
    }

    /// <summary>a − b − borrowIn; borrow (0 or 1) in and out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubtractWithBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var difference = a - b - borrow;
        borrow = ((~a & b) | ((~a | b) & difference)) >> 63;
        return difference;
    }

    /// <summary>All ones when <paramref name="bit"/> is 1, zero when it is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MaskFromBit(ulong bit) => 0UL - bit;

    /// <summary>1 when <paramref name="value"/> is zero, else 0, without branching.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong IsZeroBit(ulong value) => ((value | (0UL - value)) >> 63) ^ 1UL;

    /// <summary>Reads 8 big-endian bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadBigEndian(ReadOnlySpan<byte> source) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(source);

    /// <summary>Writes 8 big-endian bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBigEndian(Span<byte> destination, ulong value) => System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination, value);
}
