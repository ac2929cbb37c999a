using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Single-point scalar multiplication on edwards25519 points: constant time for secret scalars,
/// variable time (width-5 NAF) for public ones, and a·A + b·B for verifiers.
/// </summary>
/// <remarks>Internal fast API: value types in, value types out, no heap allocation.</remarks>
[SkipLocalsInit]
internal static class ScalarMultiplication
{
    private const int VarTimeNafWidth = 5;

    /// <summary>
    /// k·P in constant time with respect to <paramref name="scalar"/>: signed radix-16 digits, a table
    /// of 1·P..8·P and a masked lookup that reads every entry, 4 doublings and one addition per digit.
    /// </summary>
    internal static EdwardsPoint Multiply(in EdwardsPoint point, in Scalar scalar)
    {
        Span<ProjectiveNielsPoint> table = stackalloc ProjectiveNielsPoint[8];
        var multiple = point;
        table[0] = point.ToProjectiveNiels();
        for (int j = 1; j < 8; j++)
        {
            multiple = CompletedPoint.Add(multiple, table[0]).ToExtended();
            table[j] = multiple.ToProjectiveNiels();
        }

        Span<sbyte> digits = stackalloc sbyte[64];
        try
        {
            scalar.ToRadix16(digits);
            var q = CompletedPoint.Add(EdwardsPoint.Identity, ProjectiveNielsPoint.Lookup(table, digits[63])).ToExtended();
            for (int i = 62; i >= 0; i--)
            {
                q = q.MultiplyByPowerOfTwo(4);
                q = CompletedPoint.Add(q, ProjectiveNielsPoint.Lookup(table, digits[i])).ToExtended();
            }

            return q;
        }
        finally
        {
            digits.Clear();
            table.Clear();
        }
    }

    /// <summary>k·B for the generator B in constant time (precomputed comb table).</summary>
    internal static EdwardsPoint MultiplyBase(in Scalar scalar) => BasePointTable.Multiply(scalar);

    /// <summary>k·P in variable time (width-5 NAF). Public scalars only.</summary>
    internal static EdwardsPoint MultiplyVarTime(in EdwardsPoint point, in Scalar scalar)
    {
        Span<ProjectiveNielsPoint> table = stackalloc ProjectiveNielsPoint[8];
        OddMultiples(point, table);
        Span<sbyte> naf = stackalloc sbyte[256];
        scalar.ToNonAdjacentForm(naf, VarTimeNafWidth);

        int top = 255;
        while (top >= 0 && naf[top] == 0)
        {
            top--;
        }

        var r = ProjectivePoint.Identity;
        for (int i = top; i >= 0; i--)
        {
            var t = r.Double();
            int d = naf[i];
            if (d > 0)
            {
                t = CompletedPoint.Add(t.ToExtended(), table[d / 2]);
            }
            else if (d < 0)
            {
                t = CompletedPoint.Subtract(t.ToExtended(), table[-d / 2]);
            }

            r = t.ToProjective();
        }

        return r.ToExtended();
    }

    /// <summary>k·B for the generator B in variable time (width-8 NAF over the odd-multiples table). Public scalars only.</summary>
    internal static EdwardsPoint MultiplyBaseVarTime(in Scalar scalar)
    {
        ReadOnlySpan<AffineNielsPoint> baseTable = BasePointTable.OddMultiples;
        Span<sbyte> naf = stackalloc sbyte[256];
        scalar.ToNonAdjacentForm(naf, BasePointTable.NafWidth);

        int top = 255;
        while (top >= 0 && naf[top] == 0)
        {
            top--;
        }

        var r = ProjectivePoint.Identity;
        for (int i = top; i >= 0; i--)
        {
            var t = r.Double();
            int d = naf[i];
            if (d > 0)
            {
                t = CompletedPoint.Add(t.ToExtended(), baseTable[d / 2]);
            }
            else if (d < 0)
            {
                t = CompletedPoint.Subtract(t.ToExtended(), baseTable[-d / 2]);
            }

            r = t.ToProjective();
        }

        return r.ToExtended();
    }

    /// <summary>a·A + b·B for the generator B, in variable time (Schnorr-style verification).</summary>
    internal static EdwardsPoint DoubleMultiplyWithBaseVarTime(in Scalar a, in EdwardsPoint point, in Scalar b)
    {
        Span<ProjectiveNielsPoint> table = stackalloc ProjectiveNielsPoint[8];
        OddMultiples(point, table);
        ReadOnlySpan<AffineNielsPoint> baseTable = BasePointTable.OddMultiples;
        Span<sbyte> nafA = stackalloc sbyte[256];
        Span<sbyte> nafB = stackalloc sbyte[256];
        a.ToNonAdjacentForm(nafA, VarTimeNafWidth);
        b.ToNonAdjacentForm(nafB, BasePointTable.NafWidth);

        int top = 255;
        while (top >= 0 && nafA[top] == 0 && nafB[top] == 0)
        {
            top--;
        }

        var r = ProjectivePoint.Identity;
        for (int i = top; i >= 0; i--)
        {
            var t = r.Double();
            int da = nafA[i];
            if (da > 0)
            {
                t = CompletedPoint.Add(t.ToExtended(), table[da / 2]);
            }
            else if (da < 0)
            {
                t = CompletedPoint.Subtract(t.ToExtended(), table[-da / 2]);
            }

            int db = nafB[i];
            if (db > 0)
            {
                t = CompletedPoint.Add(t.ToExtended(), baseTable[db / 2]);
            }
            else if (db < 0)
            {
                t = CompletedPoint.Subtract(t.ToExtended(), baseTable[-db / 2]);
            }

            r = t.ToProjective();
        }

        return r.ToExtended();
    }

    /// <summary>Fills <paramref name="table"/> with P, 3P, 5P, ... (2·len − 1)·P.</summary>
    internal static void OddMultiples(in EdwardsPoint point, Span<ProjectiveNielsPoint> table)
    {
        var twice = point.Double().ToProjectiveNiels();
        var multiple = point;
        table[0] = point.ToProjectiveNiels();
        for (int j = 1; j < table.Length; j++)
        {
            multiple = CompletedPoint.Add(multiple, twice).ToExtended();
            table[j] = multiple.ToProjectiveNiels();
        }
    }
}
