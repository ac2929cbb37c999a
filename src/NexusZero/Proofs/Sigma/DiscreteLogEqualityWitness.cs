using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>The secret x of a <see cref="DiscreteLogEqualityStatement"/>. Disposal zeroes it.</summary>
public sealed class DiscreteLogEqualityWitness : Witness
{
    private readonly GroupScalar _secret;

    /// <summary>Creates a witness holding its own copy of <paramref name="secret"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    public DiscreteLogEqualityWitness(GroupScalar secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _secret = secret.Add(secret.Group.ScalarZero);
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.DiscreteLogEquality;

    /// <summary>x; only the proof system reads it.</summary>
    internal GroupScalar Secret
    {
        get
        {
            ThrowIfDisposed();
            return _secret;
        }
    }

    /// <inheritdoc />
    protected override void ZeroSecrets() => _secret.Dispose();
}
