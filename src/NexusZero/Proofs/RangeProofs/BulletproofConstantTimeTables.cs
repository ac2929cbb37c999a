using NexusZero.Groups.Ristretto255;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// Cached <see cref="ConstantTimeTable"/>s of the ristretto255 Bulletproofs generators G₀.., H₀.. and
/// the Pedersen blinding base, for the prover's secret-scalar multiplications (A, S, T₁, T₂). Built
/// for the first N generators a prover needs and grown to the next power of two when a larger N
/// comes; kept for the process lifetime (public data, 3.75 KiB per generator).
/// </summary>
internal static class BulletproofConstantTimeTables
{
    private static readonly Lock Gate = new();
    private static readonly Lazy<ConstantTimeTable> Blinding = new(() =>
        ConstantTimeTable.Build([((Ristretto255Element)PedersenGenerators.BlindingBase(Ristretto255Group.Instance)).Point])[0]);

    private static volatile Snapshot _built = new([], []);

    /// <summary>The table of the Pedersen blinding base H.</summary>
    public static ConstantTimeTable BlindingBase => Blinding.Value;

    /// <summary>Tables of G₀..G_{count−1}.</summary>
    public static ReadOnlySpan<ConstantTimeTable> G(int count) => Ensure(count).G.AsSpan(0, count);

    /// <summary>Tables of H₀..H_{count−1}.</summary>
    public static ReadOnlySpan<ConstantTimeTable> H(int count) => Ensure(count).H.AsSpan(0, count);

    private static Snapshot Ensure(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, BulletproofGenerators.MaxCount);
        var built = _built;
        if (built.G.Length >= count)
        {
            return built;
        }

        lock (Gate)
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

    private static ConstantTimeTable[] Grow(ConstantTimeTable[] existing, char name, int target)
    {
        var group = Ristretto255Group.Instance;
        var all = name == 'G' ? BulletproofGenerators.G(group, target) : BulletproofGenerators.H(group, target);
        var points = new EdwardsPoint[target - existing.Length];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = ((Ristretto255Element)all[existing.Length + i]).Point;
        }

        return [.. existing, .. ConstantTimeTable.Build(points)];
    }

    private sealed record Snapshot(ConstantTimeTable[] G, ConstantTimeTable[] H);
}
