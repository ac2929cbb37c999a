using System.Runtime.CompilerServices;

namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// Precomputed multiples of one fixed point P in affine Niels form, for <see cref="FixedBaseMsm"/>:
/// the odd multiples P, 3·P, …, (2^(w−1) − 1)·P for width-w NAF (interleaved with other points,
/// Straus), and optionally the window multiples P, 2^c·P, 2^(2c)·P, … for a bucket method without
/// doublings. Built once per point and reused by every multiplication, so the width can exceed the
/// per-call tables' 5: width 8 (64 entries, 7.5 KiB) needs about 28 mixed additions per 253-bit scalar
/// instead of about 42.
/// </summary>
/// <remarks>
/// A view into shared arrays (many points' tables are built together with one field inversion);
/// copying the struct copies the references, not the entries. Public data only.
/// </remarks>
[SkipLocalsInit]
internal readonly struct FixedBaseTable
{
    /// <summary>Smallest supported width (one entry: P itself).</summary>
    internal const int MinWidth = 2;

    /// <summary>
    /// Largest supported width: NAF digits must fit in a signed byte (and wider tables measured slower
    /// for the range verifier once they no longer fit in the cache).
    /// </summary>
    internal const int MaxWidth = 8;

    /// <summary>How many points' tables share one batch inversion while building (bounds the scratch memory).</summary>
    private const int BuildChunk = 64;

    /// <summary>Smallest supported window width of the window multiples.</summary>
    internal const int MinWindowWidth = 4;

    /// <summary>Largest supported window width (signed digits up to 2^15 in magnitude).</summary>
    internal const int MaxWindowWidth = 16;

    private readonly AffineNielsPoint[] _entries;
    private readonly int _offset;
    private readonly AffineNielsPoint[]? _windows;
    private readonly int _windowOffset;

    private FixedBaseTable(AffineNielsPoint[] entries, int offset, int width, AffineNielsPoint[]? windows, int windowOffset, int windowWidth)
    {
        _entries = entries;
        _offset = offset;
        Width = width;
        _windows = windows;
        _windowOffset = windowOffset;
        WindowWidth = windowWidth;
    }

    /// <summary>The window width c of <see cref="WindowMultiples"/>, or 0 when the table has none.</summary>
    internal int WindowWidth { get; }

    /// <summary>Entry k is 2^(c·k)·P for k below <see cref="Scalar.SignedRadix2WLength"/>(c); empty when the table has none.</summary>
    internal ReadOnlySpan<AffineNielsPoint> WindowMultiples =>
        _windows is null ? default : new(_windows, _windowOffset, Scalar.SignedRadix2WLength(WindowWidth));

    /// <summary>Number of window multiples for window width <paramref name="windowWidth"/> (0: none).</summary>
    internal static int WindowCount(int windowWidth) => windowWidth == 0 ? 0 : Scalar.SignedRadix2WLength(windowWidth);

    /// <summary>The NAF width w this table serves: digits are odd with |d| &lt; 2^(w−1).</summary>
    internal int Width { get; }

    /// <summary>Number of entries for width <paramref name="width"/>: 2^(w−2).</summary>
    internal static int EntryCount(int width) => 1 << (width - 2);

    /// <summary>Entry i is (2i + 1)·P.</summary>
    internal ReadOnlySpan<AffineNielsPoint> OddMultiples => new(_entries, _offset, EntryCount(Width));

    /// <summary>d·P for an odd digit d with |d| &lt; 2^(w−1), as the right operand of an addition (sign handled by the caller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref readonly AffineNielsPoint Entry(int absoluteDigit) => ref _entries[_offset + (absoluteDigit >> 1)];

    /// <summary>
    /// One table per point, all of NAF width <paramref name="width"/>, with window multiples for window
    /// width <paramref name="windowWidth"/> unless it is 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A width is outside its supported range.</exception>
    internal static FixedBaseTable[] Build(ReadOnlySpan<EdwardsPoint> points, int width, int windowWidth = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, MinWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxWidth);
        if (windowWidth != 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(windowWidth, MinWindowWidth);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(windowWidth, MaxWindowWidth);
        }

        int perPoint = EntryCount(width);
        int windowsPerPoint = WindowCount(windowWidth);
        int scratchPerPoint = perPoint + windowsPerPoint;
        var entries = new AffineNielsPoint[points.Length * perPoint];
        var windows = windowsPerPoint == 0 ? null : new AffineNielsPoint[points.Length * windowsPerPoint];
        var tables = new FixedBaseTable[points.Length];
        var scratch = new EdwardsPoint[Math.Min(points.Length, BuildChunk) * scratchPerPoint];
        var converted = new AffineNielsPoint[scratch.Length];
        for (int start = 0; start < points.Length; start += BuildChunk)
        {
            int count = Math.Min(BuildChunk, points.Length - start);
            for (int i = 0; i < count; i++)
            {
                var p = points[start + i];
                int at = i * scratchPerPoint;
                var twice = p.Double().ToProjectiveNiels();
                scratch[at] = p;
                for (int j = 1; j < perPoint; j++)
                {
                    scratch[at + j] = CompletedPoint.Add(scratch[at + j - 1], twice).ToExtended();
                }

                if (windowsPerPoint > 0)
                {
                    scratch[at + perPoint] = p;
                    for (int k = 1; k < windowsPerPoint; k++)
                    {
                        scratch[at + perPoint + k] = scratch[at + perPoint + k - 1].MultiplyByPowerOfTwo(windowWidth);
                    }
                }

                int index = start + i;
                tables[index] = new FixedBaseTable(entries, index * perPoint, width, windows, index * windowsPerPoint, windowWidth);
            }

            PointBatch.ToAffineNiels(scratch.AsSpan(0, count * scratchPerPoint), converted.AsSpan(0, count * scratchPerPoint));
            for (int i = 0; i < count; i++)
            {
                int index = start + i;
                converted.AsSpan(i * scratchPerPoint, perPoint).CopyTo(entries.AsSpan(index * perPoint));
                if (windows is not null)
                {
                    converted.AsSpan((i * scratchPerPoint) + perPoint, windowsPerPoint).CopyTo(windows.AsSpan(index * windowsPerPoint));
                }
            }
        }

        return tables;
    }
}
