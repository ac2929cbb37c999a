using System.Runtime.CompilerServices;
using static NexusZero.Groups.Secp256k1.WordArithmetic;

namespace NexusZero.Groups.Bn254;

/// <summary>
/// A 256-bit unsigned integer as four little-endian 64-bit limbs, the storage both BN254 fields
/// share. The helpers here are branch-free: carries come from <see cref="Secp256k1.WordArithmetic"/>,
/// never from comparisons.
/// </summary>
internal struct Limbs256
{
    public ulong L0, L1, L2, L3;

    public Limbs256(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    /// <summary>Limb <paramref name="index"/> (0 = least significant); only for public values such as exponents.</summary>
    public readonly ulong this[int index] => index switch
    {
        0 => L0,
        1 => L1,
        2 => L2,
        _ => L3,
    };

    /// <summary>a·b + c + carry as a 128-bit result: low word returned, high word left in carry. Cannot overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MultiplyAdd(ulong a, ulong b, ulong c, ref ulong carry)
    {
        var high = Math.BigMul(a, b, out var low);
        ulong k = 0;
        low = AddWithCarry(low, c, ref k);
        high += k;
        k = 0;
        low = AddWithCarry(low, carry, ref k);
        high += k;
        carry = high;
        return low;
    }

    /// <summary>a − b with the final borrow (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Limbs256 Subtract(in Limbs256 a, in Limbs256 b, out ulong borrow)
    {
        borrow = 0;
        var r0 = SubtractWithBorrow(a.L0, b.L0, ref borrow);
        var r1 = SubtractWithBorrow(a.L1, b.L1, ref borrow);
        var r2 = SubtractWithBorrow(a.L2, b.L2, ref borrow);
        var r3 = SubtractWithBorrow(a.L3, b.L3, ref borrow);
        return new Limbs256(r0, r1, r2, r3);
    }

    /// <summary>a + b with the final carry (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Limbs256 Add(in Limbs256 a, in Limbs256 b, out ulong carry)
    {
        carry = 0;
        var r0 = AddWithCarry(a.L0, b.L0, ref carry);
        var r1 = AddWithCarry(a.L1, b.L1, ref carry);
        var r2 = AddWithCarry(a.L2, b.L2, ref carry);
        var r3 = AddWithCarry(a.L3, b.L3, ref carry);
        return new Limbs256(r0, r1, r2, r3);
    }

    /// <summary><paramref name="b"/> where <paramref name="mask"/> is all ones, <paramref name="a"/> where it is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Limbs256 Select(in Limbs256 a, in Limbs256 b, ulong mask) => new(
        a.L0 ^ ((a.L0 ^ b.L0) & mask),
        a.L1 ^ ((a.L1 ^ b.L1) & mask),
        a.L2 ^ ((a.L2 ^ b.L2) & mask),
        a.L3 ^ ((a.L3 ^ b.L3) & mask));

    /// <summary>All ones when the value is zero, else zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong IsZeroMask() => MaskFromBit(IsZeroBit(L0 | L1 | L2 | L3));

    /// <summary>All ones when equal, else zero, in constant time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualMask(in Limbs256 a, in Limbs256 b) =>
        MaskFromBit(IsZeroBit((a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3)));

    /// <summary>Reads 32 big-endian bytes.</summary>
    public static Limbs256 FromBigEndian(ReadOnlySpan<byte> bytes) => new(
        ReadBigEndian(bytes[24..]), ReadBigEndian(bytes[16..]), ReadBigEndian(bytes[8..]), ReadBigEndian(bytes));

    /// <summary>Reads 32 little-endian bytes.</summary>
    public static Limbs256 FromLittleEndian(ReadOnlySpan<byte> bytes) => new(
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));

    /// <summary>Writes 32 big-endian bytes.</summary>
    public readonly void WriteBigEndian(Span<byte> destination)
    {
        Secp256k1.WordArithmetic.WriteBigEndian(destination, L3);
        Secp256k1.WordArithmetic.WriteBigEndian(destination[8..], L2);
        Secp256k1.WordArithmetic.WriteBigEndian(destination[16..], L1);
        Secp256k1.WordArithmetic.WriteBigEndian(destination[24..], L0);
    }

    /// <summary>Writes 32 little-endian bytes.</summary>
    public readonly void WriteLittleEndian(Span<byte> destination)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination, L0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], L1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], L2);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], L3);
    }

    /// <summary>Divides a public value by a small divisor (setup-time constants such as (p − 1)/6).</summary>
    public readonly Limbs256 DivideBySmall(ulong divisor)
    {
        UInt128 remainder = 0;
        Span<ulong> quotient = stackalloc ulong[4];
        for (var i = 3; i >= 0; i--)
        {
            var current = (remainder << 64) | this[i];
            quotient[i] = (ulong)(current / divisor);
            remainder = current % divisor;
        }

        return new Limbs256(quotient[0], quotient[1], quotient[2], quotient[3]);
    }
}
