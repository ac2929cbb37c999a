using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>The openings (vᵢ, rᵢ) of a <see cref="LinearRelationStatement"/>'s commitments. Disposal zeroes them.</summary>
public sealed class LinearRelationWitness : Witness
{
    private readonly GroupScalar[] _values;
    private readonly GroupScalar[] _blindings;

    /// <summary>Creates a witness holding its own copies of the values and blindings.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The counts differ or are empty.</exception>
    public LinearRelationWitness(IReadOnlyList<GroupScalar> values, IReadOnlyList<GroupScalar> blindings)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(blindings);
        if (values.Count == 0 || values.Count != blindings.Count)
        {
            throw new ArgumentException($"Need as many blindings as values (got {values.Count} and {blindings.Count}), at least one.", nameof(blindings));
        }

        _values = [.. values.Select(v => v.Add(v.Group.ScalarZero))];
        _blindings = [.. blindings.Select(r => r.Add(r.Group.ScalarZero))];
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.LinearRelation;

    /// <summary>v₁..v_k.</summary>
    internal IReadOnlyList<GroupScalar> Values
    {
        get
        {
            ThrowIfDisposed();
            return _values;
        }
    }

    /// <summary>r₁..r_k.</summary>
    internal IReadOnlyList<GroupScalar> Blindings
    {
        get
        {
            ThrowIfDisposed();
            return _blindings;
        }
    }

    /// <inheritdoc />
    protected override void ZeroSecrets()
    {
        foreach (var s in _values)
        {
            s.Dispose();
        }

        foreach (var s in _blindings)
        {
            s.Dispose();
        }
    }
}
