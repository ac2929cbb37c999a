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
    private static readonly GeneratorTableCache<ConstantTimeTable> Cache = new((points, _) => ConstantTimeTable.Build(points));
    private static readonly Lazy<ConstantTimeTable> Blinding = new(() =>
        ConstantTimeTable.Build([((Ristretto255Element)PedersenGenerators.BlindingBase(Ristretto255Group.Instance)).Point])[0]);

    /// <summary>The table of the Pedersen blinding base H.</summary>
    public static ConstantTimeTable BlindingBase => Blinding.Value;

    /// <summary>Tables of G₀..G_{count−1}.</summary>
    public static ReadOnlySpan<ConstantTimeTable> G(int count) => Cache.G(count);

    /// <summary>Tables of H₀..H_{count−1}.</summary>
    public static ReadOnlySpan<ConstantTimeTable> H(int count) => Cache.H(count);
}
