using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// Precomputed <see cref="FixedBaseTable"/>s of the ristretto255 Bulletproofs generators G₀.., H₀..
/// and the Pedersen blinding base, for <see cref="FixedBaseMsm"/>. Built lazily for the first N
/// generators a caller asks for and grown when a larger N comes; kept for the process lifetime
/// (public data). ristretto255 only: secp256k1 keeps the generic multi-scalar multiplication.
/// </summary>
internal static class BulletproofGeneratorTables
{
    /// <summary>
    /// NAF width of the tables of generators below <see cref="WideCount"/>: 64 affine entries (7.5 KiB)
    /// each, about 28 mixed additions per scalar. They serve the interleaved multiplications (N up to
    /// 128; one 64-bit value reads 0.94 MiB, which stays in a core's cache; width 10, 3.75 MiB, measured
    /// slower there, width 7 no faster).
    /// </summary>
    public const int Width = 8;

    /// <summary>How many of each generator vector get <see cref="Width"/>.</summary>
    public const int WideCount = 128;

    /// <summary>
    /// NAF width of the remaining generators' tables: 16 entries (1.9 KiB). Multiplications over that
    /// many generators take the bucket method over the window multiples (<see cref="FixedBaseMsm.BucketThreshold"/>),
    /// so only mid-size interleaved multiplications (e.g. a prover's half-vectors) read these.
    /// </summary>
    public const int NarrowWidth = 6;

    /// <summary>
    /// Window width of the generators' window multiples for <see cref="FixedBaseBuckets"/> (large N):
    /// 22 affine points (2.6 KiB) per generator. With the NAF tables, all 2·1024 generators take
    /// 10.3 MiB (120 bytes per affine point).
    /// </summary>
    public const int WindowWidth = 12;

    private static readonly GeneratorTableCache<FixedBaseTable> Cache = new(Build);
    private static FixedBaseTable[]? _blindingBase;

    /// <summary>Tables of G₀..G_{count−1}.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="BulletproofGenerators.MaxCount"/>.</exception>
    public static ReadOnlySpan<FixedBaseTable> G(int count) => Cache.G(count);

    /// <summary>Tables of H₀..H_{count−1}.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="BulletproofGenerators.MaxCount"/>.</exception>
    public static ReadOnlySpan<FixedBaseTable> H(int count) => Cache.H(count);

    /// <summary>The table of the Pedersen blinding base H.</summary>
    public static FixedBaseTable BlindingBase
    {
        get
        {
            var table = Volatile.Read(ref _blindingBase);
            if (table is null)
            {
                var h = ((Ristretto255Element)PedersenGenerators.BlindingBase(Ristretto255Group.Instance)).Point;
                table = FixedBaseTable.Build([h], Width, WindowWidth);
                Volatile.Write(ref _blindingBase, table);
            }

            return table[0];
        }
    }

    /// <summary>The first generators get the wide tables (they serve the interleaved path), later ones narrow.</summary>
    private static FixedBaseTable[] Build(EdwardsPoint[] points, int firstIndex)
    {
        var wide = Math.Clamp(WideCount - firstIndex, 0, points.Length);
        return [.. FixedBaseTable.Build(points.AsSpan(0, wide), Width, WindowWidth), .. FixedBaseTable.Build(points.AsSpan(wide), NarrowWidth, WindowWidth)];
    }
}
