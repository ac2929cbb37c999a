namespace NexusZero.Proofs.Sigma;

/// <summary>
/// Witnesses for a <see cref="SigmaCompositionStatement"/>: one slot per part, in order, holding the
/// part's witness or null where the prover does not know one (an OR needs one known part, an AND all).
/// Nested compositions take a nested <see cref="SigmaCompositionWitness"/>. Disposal disposes every part.
/// </summary>
public sealed class SigmaCompositionWitness : Witness
{
    private readonly Witness?[] _parts;

    /// <summary>Creates the witness; it takes ownership of the part witnesses and disposes them.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> is null.</exception>
    public SigmaCompositionWitness(params IReadOnlyList<Witness?> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _parts = [.. parts];
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.Composition;

    /// <summary>The part witnesses.</summary>
    internal IReadOnlyList<Witness?> Parts
    {
        get
        {
            ThrowIfDisposed();
            return _parts;
        }
    }

    /// <inheritdoc />
    protected override void ZeroSecrets()
    {
        foreach (var part in _parts)
        {
            part?.Dispose();
        }
    }
}
