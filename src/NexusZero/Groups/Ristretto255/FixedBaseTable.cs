using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// The odd multiples P, 3·P, …, (2^(w−1) − 1)·P of one fixed point in affine Niels form, for width-w
/// NAF in <see cref="FixedBaseMsm"/>. Built once per point and reused by every multiplication, so the
/// width can exceed the per-call tables' 5: width 8 (64 entries, 7.5 KiB) needs about 28 mixed
/// additions per 253-bit scalar instead of about 42.
/// </summary>
/// <remarks>
/// A view into a shared array (many points' tables are built together with one field inversion);
/// copying the struct copies the reference, not the entries. Public data only.
/// </remarks>
[SkipLocalsInit]
internal readonly struct FixedBaseTable
{
    /// <summary>Smallest supported width (one entry: P itself).</summary>
    internal const int MinWidth = 2;

    /// <summary>Largest supported width: NAF digits must fit in a signed byte.</summary>
    internal const int MaxWidth = 8;

    /// <summary>How many points' tables share one batch inversion while building (bounds the scratch memory).</summary>
    private const int BuildChunk = 64;

    private readonly AffineNielsPoint[] _entries;
    private readonly int _offset;

    private FixedBaseTable(AffineNielsPoint[] entries, int offset, int width)
    {
        _entries = entries;
        _offset = offset;
        Width = width;
    }

    /// <summary>The NAF width w this table serves: digits are odd with |d| &lt; 2^(w−1).</summary>
    internal int Width { get; }

    /// <summary>Number of entries for width <paramref name="width"/>: 2^(w−2).</summary>
    internal static int EntryCount(int width) => 1 << (width - 2);

    /// <summary>Entry i is (2i + 1)·P.</summary>
    internal ReadOnlySpan<AffineNielsPoint> OddMultiples => new(_entries, _offset, EntryCount(Width));

    /// <summary>d·P for an odd digit d with |d| &lt; 2^(w−1), as the right operand of an addition (sign handled by the caller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref readonly AffineNielsPoint Entry(int absoluteDigit) => ref _entries[_offset + (absoluteDigit >> 1)];

    /// <summary>One table per point, all of width <paramref name="width"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The width is outside [<see cref="MinWidth"/>, <see cref="MaxWidth"/>].</exception>
    internal static FixedBaseTable[] Build(ReadOnlySpan<EdwardsPoint> points, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, MinWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxWidth);
        int perPoint = EntryCount(width);
        var entries = new AffineNielsPoint[points.Length * perPoint];
        var tables = new FixedBaseTable[points.Length];
        var multiples = new EdwardsPoint[Math.Min(points.Length, BuildChunk) * perPoint];
        for (int start = 0; start < points.Length; start += BuildChunk)
        {
            int count = Math.Min(BuildChunk, points.Length - start);
            for (int i = 0; i < count; i++)
            {
                var p = points[start + i];
                var twice = p.Double().ToProjectiveNiels();
                int at = i * perPoint;
                multiples[at] = p;
                for (int j = 1; j < perPoint; j++)
                {
                    multiples[at + j] = CompletedPoint.Add(multiples[at + j - 1], twice).ToExtended();
                }

                tables[start + i] = new FixedBaseTable(entries, (start + i) * perPoint, width);
            }

            PointBatch.ToAffineNiels(multiples.AsSpan(0, count * perPoint), entries.AsSpan(start * perPoint, count * perPoint));
        }

        return tables;
    }
}
