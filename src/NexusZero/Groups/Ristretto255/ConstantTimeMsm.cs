using System.Buffers;
using System.Runtime.CompilerServices;
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
                    var entry = AffineNielsPoint.Lookup(tables[j].Multiples, digits[(j * digitCount) + i]);
                    acc = CompletedPoint.Add(acc, entry).ToExtended();
                }
            }

            return acc;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(digits));
            ArrayPool<sbyte>.Shared.Return(rented);
        }
    }
}
