using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Variable-time multi-scalar multiplication b·B + Σ fᵢ·Fᵢ + Σ vⱼ·Pⱼ where the Fᵢ are fixed points
/// with precomputed <see cref="FixedBaseTable"/>s, the Pⱼ are variable points and B is the generator
/// (its precomputed width-8 table). Interleaved wNAF (Straus): one shared doubling chain from the
/// highest non-zero digit down, a mixed addition per non-zero digit of a fixed point or the
/// generator, a projective-Niels addition per non-zero width-5 digit of a variable point.
/// </summary>
/// <remarks>
/// From <see cref="BucketThreshold"/> fixed points on, when their tables carry window multiples of one
/// width, the fixed part goes to <see cref="FixedBaseBuckets"/> instead (fewer additions, sequential
/// memory reads) and only the variable points and the generator use the doubling chain.
/// Verifiers and public data only: the digit recoding, the skipped zero digits and the table indexes
/// all depend on the scalars. Scratch memory comes from <see cref="ArrayPool{T}"/>.
/// </remarks>
[SkipLocalsInit]
internal static class FixedBaseMsm
{
    private const int VariableNafWidth = 5;
    private const int VariableTableLength = 8;
    private const int Bits = 256;

    /// <summary>
    /// From this many fixed points on, the bucket method takes the fixed part when the tables allow it
    /// (measured with FixedBaseMsmBenchmarks: interleaved wins at 256 points, buckets at 512, where the
    /// width-8 tables no longer fit in the cache).
    /// </summary>
    internal const int BucketThreshold = 384;

    /// <summary>Σ fixedScalars[i]·Fᵢ + Σ varScalars[j]·varPoints[j], with Fᵢ the point of fixedTables[i].</summary>
    /// <exception cref="ArgumentException">Scalars and tables, or scalars and points, differ in number.</exception>
    internal static EdwardsPoint MultiplyVarTime(
        ReadOnlySpan<Scalar> fixedScalars,
        ReadOnlySpan<FixedBaseTable> fixedTables,
        ReadOnlySpan<Scalar> varScalars,
        ReadOnlySpan<EdwardsPoint> varPoints) =>
        MultiplyVarTime(Scalar.Zero, fixedScalars, fixedTables, varScalars, varPoints);

    /// <summary>baseScalar·B + Σ fixedScalars[i]·Fᵢ + Σ varScalars[j]·varPoints[j] for the generator B.</summary>
    /// <exception cref="ArgumentException">Scalars and tables, or scalars and points, differ in number.</exception>
    internal static EdwardsPoint MultiplyVarTime(
        in Scalar baseScalar,
        ReadOnlySpan<Scalar> fixedScalars,
        ReadOnlySpan<FixedBaseTable> fixedTables,
        ReadOnlySpan<Scalar> varScalars,
        ReadOnlySpan<EdwardsPoint> varPoints)
    {
        if (fixedScalars.Length != fixedTables.Length)
        {
            throw new ArgumentException($"Got {fixedScalars.Length} fixed-base scalars but {fixedTables.Length} tables.", nameof(fixedTables));
        }

        if (varScalars.Length != varPoints.Length)
        {
            throw new ArgumentException($"Got {varScalars.Length} scalars but {varPoints.Length} points.", nameof(varPoints));
        }

        var router = Compute.ComputeRouter.Current;
        if (router.OffloadsRistretto(fixedScalars.Length + varScalars.Length + 1))
        {
            return Offload(router, baseScalar, fixedScalars, fixedTables, varScalars, varPoints);
        }

        if (fixedTables.Length >= BucketThreshold && CommonWindowWidth(fixedTables) is var c and > 0)
        {
            var fixedSum = FixedBaseBuckets.Sum(fixedScalars, fixedTables, c);
            return fixedSum.Add(Straus(baseScalar, [], [], varScalars, varPoints));
        }

        return Straus(baseScalar, fixedScalars, fixedTables, varScalars, varPoints);
    }

    /// <summary>
    /// The same sum as one plain MSM on the accelerator: each table's point is its first odd multiple (1·F), and the
    /// generator is one more term. Only reached inside a compute scope that sends public ristretto255 MSMs there.
    /// </summary>
    private static EdwardsPoint Offload(
        Compute.ComputeRouter router,
        in Scalar baseScalar,
        ReadOnlySpan<Scalar> fixedScalars,
        ReadOnlySpan<FixedBaseTable> fixedTables,
        ReadOnlySpan<Scalar> varScalars,
        ReadOnlySpan<EdwardsPoint> varPoints)
    {
        int n = fixedScalars.Length + varScalars.Length + 1;
        var scalars = new Scalar[n];
        var points = new EdwardsPoint[n];
        for (int i = 0; i < fixedScalars.Length; i++)
        {
            scalars[i] = fixedScalars[i];
            points[i] = CompletedPoint.Add(EdwardsPoint.Identity, fixedTables[i].OddMultiples[0]).ToExtended();
        }

        varScalars.CopyTo(scalars.AsSpan(fixedScalars.Length));
        varPoints.CopyTo(points.AsSpan(fixedScalars.Length));
        scalars[^1] = baseScalar;
        points[^1] = EdwardsPoint.BasePoint;
        return router.MultiplyRistretto(scalars, points);
    }

    /// <summary>The window width every table shares, or 0 when one has none or they differ.</summary>
    private static int CommonWindowWidth(ReadOnlySpan<FixedBaseTable> tables)
    {
        int c = tables[0].WindowWidth;
        foreach (ref readonly var table in tables)
        {
            if (table.WindowWidth != c)
            {
                return 0;
            }
        }

        return c;
    }

    /// <summary>The interleaved wNAF for every term (also used directly by tests).</summary>
    internal static EdwardsPoint Straus(
        in Scalar baseScalar,
        ReadOnlySpan<Scalar> fixedScalars,
        ReadOnlySpan<FixedBaseTable> fixedTables,
        ReadOnlySpan<Scalar> varScalars,
        ReadOnlySpan<EdwardsPoint> varPoints)
    {
        int fixedCount = fixedScalars.Length;
        int varCount = varScalars.Length;

        // Terms in digit-row order: fixed points, variable points, then the generator.
        int terms = fixedCount + varCount + 1;
        var digits = ArrayPool<sbyte>.Shared.Rent(terms * Bits);
        var varTables = ArrayPool<ProjectiveNielsPoint>.Shared.Rent(Math.Max(1, varCount * VariableTableLength));
        try
        {
            // Bit-major layout: the row of one bit is contiguous, so the main loop skips zero digits
            // eight at a time.
            digits.AsSpan(0, terms * Bits).Clear();
            int top = -1;
            for (int i = 0; i < fixedCount; i++)
            {
                top = Math.Max(top, Scatter(fixedScalars[i], fixedTables[i].Width, digits, i, terms));
            }

            for (int j = 0; j < varCount; j++)
            {
                ScalarMultiplication.OddMultiples(varPoints[j], varTables.AsSpan(j * VariableTableLength, VariableTableLength));
                top = Math.Max(top, Scatter(varScalars[j], VariableNafWidth, digits, fixedCount + j, terms));
            }

            top = Math.Max(top, Scatter(baseScalar, BasePointTable.NafWidth, digits, terms - 1, terms));
            if (top < 0)
            {
                return EdwardsPoint.Identity;
            }

            ReadOnlySpan<AffineNielsPoint> baseTable = BasePointTable.OddMultiples;
            var r = ProjectivePoint.Identity;
            for (int bit = top; bit >= 0; bit--)
            {
                var t = r.Double();
                ref sbyte row = ref digits[bit * terms];
                int i = 0;
                while (i < terms)
                {
                    if (i + 8 <= terms && Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref row, i))) == 0)
                    {
                        i += 8;
                        continue;
                    }

                    int d = Unsafe.Add(ref row, i);
                    if (d != 0)
                    {
                        if (i < fixedCount)
                        {
                            ref readonly var entry = ref fixedTables[i].Entry(d > 0 ? d : -d);
                            t = d > 0 ? CompletedPoint.Add(t.ToExtended(), entry) : CompletedPoint.Subtract(t.ToExtended(), entry);
                        }
                        else if (i < fixedCount + varCount)
                        {
                            ref readonly var entry = ref varTables[((i - fixedCount) * VariableTableLength) + ((d > 0 ? d : -d) >> 1)];
                            t = d > 0 ? CompletedPoint.Add(t.ToExtended(), entry) : CompletedPoint.Subtract(t.ToExtended(), entry);
                        }
                        else
                        {
                            ref readonly var entry = ref baseTable[(d > 0 ? d : -d) >> 1];
                            t = d > 0 ? CompletedPoint.Add(t.ToExtended(), entry) : CompletedPoint.Subtract(t.ToExtended(), entry);
                        }
                    }

                    i++;
                }

                r = t.ToProjective();
            }

            return r.ToExtended();
        }
        finally
        {
            ArrayPool<sbyte>.Shared.Return(digits);
            ArrayPool<ProjectiveNielsPoint>.Shared.Return(varTables);
        }
    }

    /// <summary>
    /// Writes the width-w NAF of <paramref name="scalar"/> (the digits of <see cref="Scalar.ToNonAdjacentForm"/>)
    /// straight into column <paramref name="term"/> of the bit-major digit rows, touching only the
    /// non-zero positions; returns the highest of them or −1.
    /// </summary>
    private static int Scatter(in Scalar scalar, int width, sbyte[] digits, int term, int terms)
    {
        ReadOnlySpan<ulong> x = [scalar.L0, scalar.L1, scalar.L2, scalar.L3, 0];
        ulong windowSize = 1UL << width;
        ulong windowMask = windowSize - 1;
        int top = -1;
        int pos = 0;
        ulong carry = 0;
        while (pos < Bits)
        {
            int index = pos >> 6;
            int bit = pos & 63;
            ulong buffer = bit < 64 - width ? x[index] >> bit : (x[index] >> bit) | (x[index + 1] << (64 - bit));
            ulong window = carry + (buffer & windowMask);
            if ((window & 1) == 0)
            {
                // Skip the run of zero bits (and the carry) at once.
                int zeros = window == 0 ? Math.Min(width, Bits - pos) : BitOperations.TrailingZeroCount(window);
                pos += zeros;
                continue;
            }

            int digit;
            if (window < windowSize / 2)
            {
                carry = 0;
                digit = (int)window;
            }
            else
            {
                carry = 1;
                digit = (int)((long)window - (long)windowSize);
            }

            digits[(pos * terms) + term] = (sbyte)digit;
            top = pos;
            pos += width;
        }

        return top;
    }
}
