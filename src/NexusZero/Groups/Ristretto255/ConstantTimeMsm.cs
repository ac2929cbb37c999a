using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Σ kᵢ·Pᵢ in constant time with respect to the scalars, over points with precomputed
/// <see cref="ConstantTimeTable"/>s: signed radix-2^w digits, one shared chain of w doublings per digit
/// position, and per point and position a masked lookup that reads every table entry followed by a
/// mixed addition. The operation sequence and the memory addresses touched are the same for every
/// scalar value.
/// </summary>
[SkipLocalsInit]
internal static class ConstantTimeMsm
{
    /// <summary>Three field elements of five limbs.</summary>
    private const int LimbsPerEntry = 15;

    /// <summary>Σ scalars[i]·(point of tables[i]).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    internal static EdwardsPoint Multiply(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<ConstantTimeTable> tables)
    {
        if (scalars.Length != tables.Length)
        {
            throw new ArgumentException($"Got {scalars.Length} scalars but {tables.Length} tables.", nameof(tables));
        }

        int count = scalars.Length;
        int digitCount = Scalar.SignedRadixLength(ConstantTimeTable.Width);
        var rented = ArrayPool<sbyte>.Shared.Rent(Math.Max(1, count * digitCount));
        var digits = rented.AsSpan(0, count * digitCount);
        try
        {
            for (int j = 0; j < count; j++)
            {
                scalars[j].ToSignedRadixConstantTime(digits.Slice(j * digitCount, digitCount), ConstantTimeTable.Width);
            }

            var acc = EdwardsPoint.Identity;
            for (int i = digitCount - 1; i >= 0; i--)
            {
                if (i != digitCount - 1)
                {
                    acc = acc.MultiplyByPowerOfTwo(ConstantTimeTable.Width);
                }

                for (int j = 0; j < count; j++)
                {
                    var entry = Lookup(tables[j].Multiples, digits[(j * digitCount) + i]);
                    acc = CompletedPoint.Add(acc, entry).ToExtended();
                }
            }

            return acc;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(digits));
            ArrayPool<sbyte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// digit·P from a table of 1·P..n·P, |digit| ≤ n, in constant time: with 512-bit vectors each
    /// 15-limb entry is two overlapping loads (limbs 0–7 and 7–14), every entry is read and masked in,
    /// the identity is the masked start value, then the result is conditionally negated. Falls back to
    /// <see cref="AffineNielsPoint.Lookup"/> without 512-bit hardware (the choice depends only on the CPU).
    /// </summary>
    internal static AffineNielsPoint Lookup(ReadOnlySpan<AffineNielsPoint> table, sbyte digit)
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return AffineNielsPoint.Lookup(table, digit);
        }

        ulong negative = (ulong)(byte)digit >> 7;
        ulong abs = (ulong)(digit - ((-(int)negative & digit) << 1));

        // The identity (y + x, y − x, 2d·x·y) = (1, 1, 0): limb 0 and limb 5 are 1, all others 0.
        ulong isZero = ConstantTime.IsZero(abs);
        var low = Vector512.Create(isZero, 0, 0, 0, 0, isZero, 0, 0);
        var high = Vector512<ulong>.Zero;
        ref ulong limbs = ref Unsafe.As<AffineNielsPoint, ulong>(ref MemoryMarshal.GetReference(table));
        for (int j = 0; j < table.Length; j++)
        {
            var mask = Vector512.Create(ConstantTime.AreEqual(abs, (ulong)(j + 1)) * ulong.MaxValue);
            low |= Vector512.LoadUnsafe(ref limbs, (nuint)(j * LimbsPerEntry)) & mask;
            high |= Vector512.LoadUnsafe(ref limbs, (nuint)((j * LimbsPerEntry) + 7)) & mask;
        }

        var result = default(AffineNielsPoint);
        ref ulong r = ref Unsafe.As<AffineNielsPoint, ulong>(ref result);
        low.StoreUnsafe(ref r);
        high.StoreUnsafe(ref r, 7);
        result.ConditionalNegate(negative);
        return result;
    }
}
