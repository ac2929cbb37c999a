using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>The opening (v, r) of a <see cref="PedersenOpeningStatement"/>. Disposal zeroes both.</summary>
public sealed class PedersenOpeningWitness : Witness
{
    private readonly GroupScalar _value;
    private readonly GroupScalar _blinding;

    /// <summary>Creates a witness holding its own copies of <paramref name="value"/> and <paramref name="blinding"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The scalars belong to different groups.</exception>
    public PedersenOpeningWitness(GroupScalar value, GroupScalar blinding)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(blinding);
        if (value.Group.Id != blinding.Group.Id)
        {
            throw new ArgumentException("The value and the blinding belong to different groups.", nameof(blinding));
        }

        _value = value.Add(value.Group.ScalarZero);
        _blinding = blinding.Add(blinding.Group.ScalarZero);
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.PedersenOpening;

    /// <summary>v.</summary>
    internal GroupScalar Value
    {
        get
        {
            ThrowIfDisposed();
            return _value;
        }
    }

    /// <summary>r.</summary>
    internal GroupScalar Blinding
    {
        get
        {
            ThrowIfDisposed();
            return _blinding;
        }
    }

    /// <inheritdoc />
    protected override void ZeroSecrets()
    {
        _value.Dispose();
        _blinding.Dispose();
    }
}
