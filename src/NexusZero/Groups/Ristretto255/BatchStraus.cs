using System.Buffers;
using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Variable-time b·B + Σ kᵢ·Pᵢ for batch verification (some hundred terms, many with short scalars):
/// interleaved width-5 NAF (Straus) over one shared doubling chain, the generator B on its precomputed
/// width-8 table. Instead of scanning every term's 256 digits at every bit, the nonzero digits are
/// sorted by bit position once, so each step of the chain visits only the additions it makes and a
/// 128-bit scalar costs only the additions of its 128 bits.
/// </summary>
/// <remarks>Internal fast API for verifiers. Never pass secret scalars.</remarks>
[SkipLocalsInit]
internal static class BatchStraus
{
    private const int NafWidth = 5;
    private const int TableLength = 1 << (NafWidth - 2);

    /// <summary>
    /// At most this many nonzero digits in a width-w NAF of a canonical scalar (below 2^253): a nonzero
    /// digit is followed by at least w − 1 zeros, over at most 254 positions.
    /// </summary>
    private const int MaxDigits = 64;

    /// <summary>baseScalar·B + Σ scalars[i]·points[i].</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    internal static EdwardsPoint MultiplyVarTime(in Scalar baseScalar, ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points)
    {
        int n = points.Length;
        if (scalars.Length != n)
        {
            throw new ArgumentException($"Got {scalars.Length} scalars but {n} points.", nameof(points));
        }

        var tables = ArrayPool<ProjectiveNielsPoint>.Shared.Rent(Math.Max(1, n * TableLength));
        var scratch = ArrayPool<int>.Shared.Rent((n + 1) * MaxDigits * 2);
        var entryPositions = ArrayPool<short>.Shared.Rent((n + 1) * MaxDigits);
        try
        {
            // Nonzero digits of all terms (term n is the base point) as (term << 8) | (byte)digit, with
            // their bit positions beside them until a counting sort orders them by position.
            var entries = scratch.AsSpan(0, (n + 1) * MaxDigits);
            var sorted = scratch.AsSpan((n + 1) * MaxDigits, (n + 1) * MaxDigits);
            Span<short> positions = stackalloc short[MaxDigits];
            Span<sbyte> digits = stackalloc sbyte[MaxDigits];
            Span<int> starts = stackalloc int[257];
            starts.Clear();
            int total = 0;
            for (int i = 0; i <= n; i++)
            {
                bool isBase = i == n;
                int count = SparseNaf(isBase ? baseScalar : scalars[i], isBase ? BasePointTable.NafWidth : NafWidth, positions, digits);
                for (int k = 0; k < count; k++)
                {
                    entries[total] = (i << 8) | (byte)digits[k];
                    entryPositions[total] = positions[k];
                    starts[positions[k] + 1]++;
                    total++;
                }

            }

            FillTables(points, tables.AsSpan(0, n * TableLength));
            for (int bit = 0; bit < 256; bit++)
            {
                starts[bit + 1] += starts[bit];
            }

            // starts[bit] is now the first entry at position bit; after the sort it is the end of that
            // run, so the run of bit is [starts[bit − 1], starts[bit]).
            for (int e = 0; e < total; e++)
            {
                sorted[starts[entryPositions[e]]++] = entries[e];
            }

            ReadOnlySpan<AffineNielsPoint> baseTable = BasePointTable.OddMultiples;
            int top = 255;
            while (top > 0 && starts[top - 1] == starts[top])
            {
                top--;
            }

            var r = ProjectivePoint.Identity;
            for (int bit = top; bit >= 0; bit--)
            {
                var t = r.Double();
                int end = starts[bit];
                for (int e = bit == 0 ? 0 : starts[bit - 1]; e < end; e++)
                {
                    int entry = sorted[e];
                    int term = entry >> 8;
                    int d = (sbyte)entry;
                    if (term == n)
                    {
                        t = d > 0
                            ? CompletedPoint.Add(t.ToExtended(), baseTable[d >> 1])
                            : CompletedPoint.Subtract(t.ToExtended(), baseTable[-d >> 1]);
                    }
                    else
                    {
                        t = d > 0
                            ? CompletedPoint.Add(t.ToExtended(), tables[(term * TableLength) + (d >> 1)])
                            : CompletedPoint.Subtract(t.ToExtended(), tables[(term * TableLength) + (-d >> 1)]);
                    }
                }

                r = t.ToProjective();
            }

            return r.ToExtended();
        }
        finally
        {
            ArrayPool<ProjectiveNielsPoint>.Shared.Return(tables);
            ArrayPool<int>.Shared.Return(scratch);
            ArrayPool<short>.Shared.Return(entryPositions);
        }
    }

    /// <summary>The odd-multiple tables of every point, four at a time with vector arithmetic where the CPU has it.</summary>
    private static void FillTables(ReadOnlySpan<EdwardsPoint> points, Span<ProjectiveNielsPoint> tables)
    {
        int i = 0;
        if (FieldElement4.IsSupported)
        {
            for (; i + 4 <= points.Length; i += 4)
            {
                OddMultiples4.Fill(points.Slice(i, 4), tables.Slice(i * TableLength, 4 * TableLength), TableLength);
            }
        }

        for (; i < points.Length; i++)
        {
            ScalarMultiplication.OddMultiples(points[i], tables.Slice(i * TableLength, TableLength));
        }
    }

    /// <summary>
    /// The nonzero digits of the width-w NAF of <paramref name="scalar"/> (odd, |d| &lt; 2^(w−1)) and
    /// their positions, lowest first; returns how many. Same recoding as
    /// <see cref="Scalar.ToNonAdjacentForm"/>, without writing the zeros.
    /// </summary>
    internal static int SparseNaf(in Scalar scalar, int width, Span<short> positions, Span<sbyte> digits)
    {
        ReadOnlySpan<ulong> x = [scalar.L0, scalar.L1, scalar.L2, scalar.L3, 0];
        ulong windowSize = 1UL << width;
        ulong windowMask = windowSize - 1;
        int pos = 0;
        ulong carry = 0;
        int count = 0;
        while (pos < 256)
        {
            int index = pos >> 6;
            int bit = pos & 63;
            ulong buffer = bit < 64 - width ? x[index] >> bit : (x[index] >> bit) | (x[index + 1] << (64 - bit));
            ulong window = carry + (buffer & windowMask);
            if ((window & 1) == 0)
            {
                // Skip the run of zeros in one step instead of bit by bit.
                int zeros = window == 0 ? Math.Max(1, Math.Min(width, 256 - pos)) : System.Numerics.BitOperations.TrailingZeroCount(window);
                pos += zeros;
                continue;
            }

            if (window < windowSize / 2)
            {
                carry = 0;
                digits[count] = (sbyte)window;
            }
            else
            {
                carry = 1;
                digits[count] = (sbyte)((long)window - (long)windowSize);
            }

            positions[count] = (short)pos;
            count++;
            pos += width;
        }

        return count;
    }
}
