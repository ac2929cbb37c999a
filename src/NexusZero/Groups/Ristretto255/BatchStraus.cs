using System.Buffers;
using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Variable-time b·B + Σ kᵢ·Pᵢ for batch verification (some hundred terms, many with short scalars):
/// interleaved width-5 NAF (Straus) over one shared doubling chain, the generator B on its precomputed
/// width-8 table. The nonzero digits are sorted by bit position once, so each step of the chain visits
/// only the additions it makes and a 128-bit scalar costs only the additions of its 128 bits. With
/// AVX2 the chain runs on <see cref="PackedEdwardsPoint"/> (each addition two vector multiplications
/// instead of eight scalar ones) and the tables are built four points at a time
/// (<see cref="OddMultiples4"/>).
/// </summary>
/// <remarks>
/// Internal fast API for verifiers. Never pass secret scalars. Kept apart from
/// <see cref="MultiScalarMultiplication"/>, which other verifiers share; at this size (128 terms plus
/// the base) the bucket method there is slower than Straus (docs/benchmarks.md, "Classical: Schnorr
/// batch verification speed").
/// </remarks>
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
    internal static EdwardsPoint MultiplyVarTime(in Scalar baseScalar, ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points) =>
        MultiplyVarTime(baseScalar, scalars, points, FieldElement4.IsSupported);

    /// <summary>As above, with the AVX2 arithmetic when <paramref name="packed"/> (tests run both on one machine).</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or the CPU lacks AVX2 for <paramref name="packed"/>.</exception>
    internal static EdwardsPoint MultiplyVarTime(in Scalar baseScalar, ReadOnlySpan<Scalar> scalars, ReadOnlySpan<EdwardsPoint> points, bool packed)
    {
        int n = points.Length;
        if (scalars.Length != n)
        {
            throw new ArgumentException($"Got {scalars.Length} scalars but {n} points.", nameof(points));
        }

        if (packed && !FieldElement4.IsSupported)
        {
            throw new ArgumentException("The packed arithmetic needs AVX2.", nameof(packed));
        }

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
            Span<int> runEnds = stackalloc int[257];
            runEnds.Clear();
            int total = 0;
            for (int i = 0; i <= n; i++)
            {
                bool isBase = i == n;
                int count = SparseNaf(isBase ? baseScalar : scalars[i], isBase ? BasePointTable.NafWidth : NafWidth, positions, digits);
                for (int k = 0; k < count; k++)
                {
                    entries[total] = (i << 8) | (byte)digits[k];
                    entryPositions[total] = positions[k];
                    runEnds[positions[k] + 1]++;
                    total++;
                }
            }

            for (int bit = 0; bit < 256; bit++)
            {
                runEnds[bit + 1] += runEnds[bit];
            }

            // runEnds[bit] is now the first entry at position bit; after the sort it is the end of that
            // run, so the run of bit is [runEnds[bit − 1], runEnds[bit]).
            for (int e = 0; e < total; e++)
            {
                sorted[runEnds[entryPositions[e]]++] = entries[e];
            }

            var schedule = new Schedule(sorted[..total], runEnds[..256], n);
            return packed ? EvaluatePacked(schedule, points) : EvaluateScalar(schedule, points);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scratch);
            ArrayPool<short>.Shared.Return(entryPositions);
        }
    }

    /// <summary>
    /// The shared doubling chain with <see cref="PackedEdwardsPoint"/> arithmetic and cached tables built
    /// four points at a time. Each term's slots hold −15P, …, −3P, −P, P, 3P, …, 15P, so digit d is at
    /// slot <see cref="TableLength"/> + (d &gt;&gt; 1) and an addition never negates.
    /// </summary>
    private static EdwardsPoint EvaluatePacked(in Schedule schedule, ReadOnlySpan<EdwardsPoint> points)
    {
        const int Slots = 2 * TableLength;
        int n = points.Length;
        var tables = ArrayPool<FieldElement4>.Shared.Rent(Math.Max(1, n * Slots));
        try
        {
            Span<FieldElement4> four = stackalloc FieldElement4[4 * TableLength];
            int i = 0;
            for (; i + 4 <= n; i += 4)
            {
                OddMultiples4.Fill(points.Slice(i, 4), four, TableLength);
                for (int k = 0; k < 4; k++)
                {
                    StoreSigned(four.Slice(k * TableLength, TableLength), tables.AsSpan((i + k) * Slots, Slots));
                }
            }

            Span<ProjectiveNielsPoint> single = stackalloc ProjectiveNielsPoint[TableLength];
            for (; i < n; i++)
            {
                ScalarMultiplication.OddMultiples(points[i], single);
                for (int j = 0; j < TableLength; j++)
                {
                    four[j] = PackedEdwardsPoint.Cached(single[j]);
                }

                StoreSigned(four[..TableLength], tables.AsSpan(i * Slots, Slots));
            }

            ReadOnlySpan<AffineNielsPoint> baseTable = BasePointTable.OddMultiples;
            var sorted = schedule.Entries;
            var acc = PackedEdwardsPoint.Identity;
            for (int bit = schedule.Top; bit >= 0; bit--)
            {
                acc = acc.Double();
                int end = schedule.RunEnds[bit];
                for (int e = bit == 0 ? 0 : schedule.RunEnds[bit - 1]; e < end; e++)
                {
                    int entry = sorted[e];
                    int term = entry >> 8;
                    int d = (sbyte)entry;
                    if (term == schedule.BaseTerm)
                    {
                        var cached = PackedEdwardsPoint.Cached(baseTable[Math.Abs(d) >> 1]);
                        acc = acc.Add(d > 0 ? cached : PackedEdwardsPoint.NegateCached(cached));
                    }
                    else
                    {
                        acc = acc.Add(in tables[(term * Slots) + TableLength + (d >> 1)]);
                    }
                }
            }

            return acc.ToEdwardsPoint();
        }
        finally
        {
            ArrayPool<FieldElement4>.Shared.Return(tables);
        }
    }

    /// <summary>Writes P, 3P, … to slots TableLength, TableLength + 1, … and their negations to slots TableLength − 1, TableLength − 2, ….</summary>
    private static void StoreSigned(ReadOnlySpan<FieldElement4> multiples, Span<FieldElement4> slots)
    {
        for (int j = 0; j < TableLength; j++)
        {
            slots[TableLength + j] = multiples[j];
            slots[TableLength - 1 - j] = PackedEdwardsPoint.NegateCached(multiples[j]);
        }
    }

    /// <summary>The same chain with scalar field arithmetic, for CPUs without AVX2.</summary>
    private static EdwardsPoint EvaluateScalar(in Schedule schedule, ReadOnlySpan<EdwardsPoint> points)
    {
        int n = points.Length;
        var tables = ArrayPool<ProjectiveNielsPoint>.Shared.Rent(Math.Max(1, n * TableLength));
        try
        {
            for (int i = 0; i < n; i++)
            {
                ScalarMultiplication.OddMultiples(points[i], tables.AsSpan(i * TableLength, TableLength));
            }

            ReadOnlySpan<AffineNielsPoint> baseTable = BasePointTable.OddMultiples;
            var sorted = schedule.Entries;
            var r = ProjectivePoint.Identity;
            for (int bit = schedule.Top; bit >= 0; bit--)
            {
                var t = r.Double();
                int end = schedule.RunEnds[bit];
                for (int e = bit == 0 ? 0 : schedule.RunEnds[bit - 1]; e < end; e++)
                {
                    int entry = sorted[e];
                    int term = entry >> 8;
                    int d = (sbyte)entry;
                    if (term == schedule.BaseTerm)
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

    /// <summary>The additions of the chain: entries (term &lt;&lt; 8) | (byte)digit sorted by bit, and where each bit's run ends.</summary>
    private readonly ref struct Schedule
    {
        internal Schedule(ReadOnlySpan<int> entries, ReadOnlySpan<int> runEnds, int baseTerm)
        {
            Entries = entries;
            RunEnds = runEnds;
            BaseTerm = baseTerm;
            int top = 255;
            while (top > 0 && runEnds[top - 1] == runEnds[top])
            {
                top--;
            }

            Top = top;
        }

        internal ReadOnlySpan<int> Entries { get; }

        internal ReadOnlySpan<int> RunEnds { get; }

        /// <summary>The term number of the base point.</summary>
        internal int BaseTerm { get; }

        /// <summary>The highest bit with an addition (0 when there is none).</summary>
        internal int Top { get; }
    }
}
