using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// The multiples 1·P, 2·P, …, 2^(w−1)·P of one fixed point in affine Niels form, for constant-time
/// signed radix-2^w multiplication (<see cref="ConstantTimeMsm"/>). Built once per point (many points
/// share one field inversion), so a multiplication skips the per-call table and every addition is a
/// mixed one. The points are public; the scalars multiplied with the table may be secret.
/// </summary>
/// <remarks>A view into a shared array; copying the struct copies the reference.</remarks>
[SkipLocalsInit]
internal readonly struct ConstantTimeTable
{
    /// <summary>The radix width w: digits in [−2^(w−1), 2^(w−1)], 2^(w−1) entries per point.</summary>
    internal const int Width = 6;

    /// <summary>Entries per point: 2^(w−1).</summary>
    internal const int EntryCount = 1 << (Width - 1);

    private readonly AffineNielsPoint[] _entries;
    private readonly int _offset;

    private ConstantTimeTable(AffineNielsPoint[] entries, int offset)
    {
        _entries = entries;
        _offset = offset;
    }

    /// <summary>Entry i is (i + 1)·P.</summary>
    internal ReadOnlySpan<AffineNielsPoint> Multiples => new(_entries, _offset, EntryCount);

    /// <summary>One table per point.</summary>
    internal static ConstantTimeTable[] Build(ReadOnlySpan<EdwardsPoint> points)
    {
        var multiples = new EdwardsPoint[points.Length * EntryCount];
        for (int i = 0; i < points.Length; i++)
        {
            var niels = points[i].ToProjectiveNiels();
            int at = i * EntryCount;
            multiples[at] = points[i];
            for (int j = 1; j < EntryCount; j++)
            {
                multiples[at + j] = CompletedPoint.Add(multiples[at + j - 1], niels).ToExtended();
            }
        }

        var entries = new AffineNielsPoint[multiples.Length];
        PointBatch.ToAffineNiels(multiples, entries);
        var tables = new ConstantTimeTable[points.Length];
        for (int i = 0; i < tables.Length; i++)
        {
            tables[i] = new ConstantTimeTable(entries, i * EntryCount);
        }

        return tables;
    }
}
