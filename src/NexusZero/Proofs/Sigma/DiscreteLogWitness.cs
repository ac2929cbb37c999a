using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>The secret x of a <see cref="DiscreteLogStatement"/>. Disposal zeroes it.</summary>
public sealed class DiscreteLogWitness : Witness
{
    private readonly GroupScalar _secret;

    /// <summary>Creates a witness holding its own copy of <paramref name="secret"/>; the caller still owns and disposes the original.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    public DiscreteLogWitness(GroupScalar secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _secret = secret.Add(secret.Group.ScalarZero);
    }

    /// <summary>Creates a witness from the secret's canonical scalar encoding in <paramref name="group"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException">The bytes are not a canonical scalar of the group.</exception>
    public DiscreteLogWitness(IPrimeOrderGroup group, ReadOnlySpan<byte> secretEncoding)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!group.TryDecodeScalar(secretEncoding, out var secret))
        {
            throw new ArgumentException($"The secret is not a canonical {group.Name} scalar ({group.ScalarLength} bytes, below the group order).", nameof(secretEncoding));
        }

        _secret = secret;
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.DiscreteLog;

    /// <summary>The group of the secret.</summary>
    public IPrimeOrderGroup Group => _secret.Group;

    /// <summary>x; only the proof system reads it.</summary>
    /// <exception cref="ObjectDisposedException">The witness was disposed.</exception>
    internal GroupScalar Secret
    {
        get
        {
            ThrowIfDisposed();
            return _secret;
        }
    }

    /// <summary>Writes x's canonical encoding; the caller zeroes <paramref name="destination"/>.</summary>
    internal void WriteSecret(Span<byte> destination) => Secret.Encode(destination);

    /// <inheritdoc />
    protected override void ZeroSecrets() => _secret.Dispose();
}
