using System.Buffers;

namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// Variable-time Σ kᵢ·Pᵢ for dozens to hundreds of public terms: interleaved width-5 wNAF (Straus)
/// whose per-point tables of odd multiples are built in affine form for all points at once
/// (<see cref="AffineBatch"/>), so the shared accumulator only ever takes Jacobian doublings and
/// mixed additions. The table work that dominates a small multiplication shrinks to about
/// 6 multiplications per entry, and each of the ~k/6 additions per term saves four.
/// </summary>
internal static class AffineStraus
{
    private const int Width = 5;

    /// <summary>Odd multiples per point: 1, 3, …, 15 for width-5 digits.</summary>
    private const int TableSize = 1 << (Width - 2);

    /// <summary>Digits of a wNAF of a 256-bit scalar (one more than its bits, for the final carry).</summary>
    private const int Digits = 257;

    public static ProjectivePoint MultiplyVarTime(ReadOnlySpan<ScalarValue> scalars, ReadOnlySpan<ProjectivePoint> points)
    {
        // Terms with a zero scalar or the identity contribute nothing; the rest are affine-normalized
        // together (points with Z = 1 already are).
        var kept = new List<int>(scalars.Length);
        for (var i = 0; i < scalars.Length; i++)
        {
            if (scalars[i].IsZeroBit() == 0 && points[i].IsIdentityBit() == 0)
            {
                kept.Add(i);
            }
        }

        var count = kept.Count;
        if (count == 0)
        {
            return ProjectivePoint.Identity;
        }

        // Pooled: with a thousand points the tables alone are half a megabyte.
        var affine = ArrayPool<AffinePoint>.Shared.Rent(count);
        var tables = ArrayPool<AffinePoint>.Shared.Rent(count * TableSize);
        var nafs = ArrayPool<sbyte>.Shared.Rent(count * Digits);
        try
        {
            ToAffine(points, kept, affine.AsSpan(0, count));
            AffineBatch.BuildOddMultiples(affine.AsSpan(0, count), TableSize, tables);
            return Accumulate(scalars, kept, tables, nafs).ToProjective();
        }
        finally
        {
            ArrayPool<AffinePoint>.Shared.Return(affine);
            ArrayPool<AffinePoint>.Shared.Return(tables);
            ArrayPool<sbyte>.Shared.Return(nafs);
        }
    }

    /// <summary>The interleaved double-and-add over every term's wNAF digits.</summary>
    private static JacobianPoint Accumulate(ReadOnlySpan<ScalarValue> scalars, List<int> kept, AffinePoint[] tables, sbyte[] nafs)
    {
        // Every non-zero digit as a table index (complemented for a negative digit), bucketed by bit
        // position (a counting sort), so the main loop touches only the terms that add something.
        var count = kept.Count;
        Span<int> perBit = stackalloc int[Digits + 1];
        perBit.Clear();
        var top = -1;
        for (var t = 0; t < count; t++)
        {
            var naf = nafs.AsSpan(t * Digits, Digits);
            top = Math.Max(top, PointMultiplication.ComputeWnaf(scalars[kept[t]], Width, naf));
            for (var bit = 0; bit < Digits; bit++)
            {
                if (naf[bit] != 0)
                {
                    perBit[bit + 1]++;
                }
            }
        }

        for (var bit = 0; bit < Digits; bit++)
        {
            perBit[bit + 1] += perBit[bit];
        }

        var entries = ArrayPool<int>.Shared.Rent(perBit[Digits]);
        try
        {
            Span<int> fill = stackalloc int[Digits];
            perBit[..Digits].CopyTo(fill);
            for (var t = 0; t < count; t++)
            {
                var naf = nafs.AsSpan(t * Digits, Digits);
                for (var bit = 0; bit < Digits; bit++)
                {
                    var digit = naf[bit];
                    if (digit > 0)
                    {
                        entries[fill[bit]++] = (t * TableSize) + (digit >> 1);
                    }
                    else if (digit < 0)
                    {
                        entries[fill[bit]++] = ~((t * TableSize) + ((-digit) >> 1));
                    }
                }
            }

            var acc = JacobianPoint.Identity;
            for (var bit = top; bit >= 0; bit--)
            {
                acc = JacobianPoint.Double(acc);
                for (var e = perBit[bit]; e < perBit[bit + 1]; e++)
                {
                    var index = entries[e];
                    acc = index >= 0
                        ? JacobianPoint.AddAffine(acc, tables[index])
                        : JacobianPoint.AddAffine(acc, tables[~index].Negate());
                }
            }

            return acc;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(entries);
        }
    }

    /// <summary>The kept points in affine form; those with Z ≠ 1 share one inversion.</summary>
    private static void ToAffine(ReadOnlySpan<ProjectivePoint> points, List<int> kept, Span<AffinePoint> affine)
    {
        var pending = new List<int>();
        for (var t = 0; t < kept.Count; t++)
        {
            ref readonly var p = ref points[kept[t]];
            if (p.Z.EqualsBit(FieldElement.One) == 1)
            {
                affine[t] = new AffinePoint(p.X, p.Y);
            }
            else
            {
                pending.Add(t);
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        var projective = ArrayPool<ProjectivePoint>.Shared.Rent(pending.Count);
        var normalized = ArrayPool<AffinePoint>.Shared.Rent(pending.Count);
        try
        {
            for (var j = 0; j < pending.Count; j++)
            {
                projective[j] = points[kept[pending[j]]];
            }

            AffineBatch.ToAffine(projective.AsSpan(0, pending.Count), normalized.AsSpan(0, pending.Count));
            for (var j = 0; j < pending.Count; j++)
            {
                affine[pending[j]] = normalized[j];
            }
        }
        finally
        {
            ArrayPool<ProjectivePoint>.Shared.Return(projective);
            ArrayPool<AffinePoint>.Shared.Return(normalized);
        }
    }
}
