using NexusZero.Groups.Ristretto255;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// Per-generator tables of the ristretto255 Bulletproofs generators G₀.., H₀.., built lazily for the
/// first N a caller asks for and grown to the next power of two (at least 64) when a larger N comes,
/// so a sequence of sizes builds each generator's table once. Readers never lock: a grown cache is
/// published as a new snapshot. Public data, kept for the process lifetime.
/// </summary>
/// <typeparam name="TTable">The table type (one per generator).</typeparam>
internal sealed class GeneratorTableCache<TTable>
{
    private readonly Lock _gate = new();
    private readonly Func<EdwardsPoint[], int, TTable[]> _build;
    private volatile Snapshot _built = new([], []);

    /// <param name="build">Builds the tables of the given generators, the first of them at the given index.</param>
    public GeneratorTableCache(Func<EdwardsPoint[], int, TTable[]> build)
    {
        _build = build;
    }

    /// <summary>Tables of G₀..G_{count−1}.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="BulletproofGenerators.MaxCount"/>.</exception>
    public ReadOnlySpan<TTable> G(int count) => Ensure(count).G.AsSpan(0, count);

    /// <summary>Tables of H₀..H_{count−1}.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="BulletproofGenerators.MaxCount"/>.</exception>
    public ReadOnlySpan<TTable> H(int count) => Ensure(count).H.AsSpan(0, count);

    private Snapshot Ensure(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, BulletproofGenerators.MaxCount);
        var built = _built;
        if (built.G.Length >= count)
        {
            return built;
        }

        lock (_gate)
        {
            built = _built;
            if (built.G.Length >= count)
            {
                return built;
            }

            var target = Math.Min(BulletproofGenerators.MaxCount, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(count, 64)));
            var next = new Snapshot(Grow(built.G, 'G', target), Grow(built.H, 'H', target));
            _built = next;
            return next;
        }
    }

    private TTable[] Grow(TTable[] existing, char name, int target)
    {
        var group = Ristretto255Group.Instance;
        var all = name == 'G' ? BulletproofGenerators.G(group, target) : BulletproofGenerators.H(group, target);
        var points = new EdwardsPoint[target - existing.Length];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = ((Ristretto255Element)all[existing.Length + i]).Point;
        }

        return [.. existing, .. _build(points, existing.Length)];
    }

    private sealed record Snapshot(TTable[] G, TTable[] H);
}
