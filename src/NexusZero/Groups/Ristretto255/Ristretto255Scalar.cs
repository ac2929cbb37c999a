namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// An integer modulo the ristretto255 group order ℓ = 2^252 + 27742317777372353535851937790883648493.
/// Arithmetic is constant time on fixed 64-bit limbs; the canonical encoding is 32 bytes little-endian
/// (as RFC 9496 and libsodium use). Dispose scalars that hold secrets: disposal zeroes the limbs.
/// </summary>
public sealed class Ristretto255Scalar : GroupScalar
{
    private Scalar _value;

    internal Ristretto255Scalar(in Scalar value)
    {
        _value = value;
    }

    /// <summary>The limbs, for the internal fast API (value copy; clear copies of secrets).</summary>
    internal Scalar Value => _value;

    /// <inheritdoc />
    public override IPrimeOrderGroup Group => Ristretto255Group.Instance;

    /// <inheritdoc />
    public override bool IsZero => _value.IsZero() == 1;

    /// <inheritdoc />
    public override GroupScalar Add(GroupScalar other) => new Ristretto255Scalar(_value + Cast(other)._value);

    /// <inheritdoc />
    public override GroupScalar Subtract(GroupScalar other) => new Ristretto255Scalar(_value - Cast(other)._value);

    /// <inheritdoc />
    public override GroupScalar Multiply(GroupScalar other) => new Ristretto255Scalar(_value * Cast(other)._value);

    /// <inheritdoc />
    public override GroupScalar Negate() => new Ristretto255Scalar(-_value);

    /// <inheritdoc />
    public override GroupScalar Invert()
    {
        if (IsZero)
        {
            throw new InvalidOperationException("The scalar zero has no inverse.");
        }

        return new Ristretto255Scalar(_value.Invert());
    }

    /// <inheritdoc />
    public override void Encode(Span<byte> destination)
    {
        if (destination.Length < Scalar.EncodedLength)
        {
            throw new ArgumentException($"The destination needs {Scalar.EncodedLength} bytes but has {destination.Length}.", nameof(destination));
        }

        _value.Encode(destination);
    }

    /// <inheritdoc />
    public override bool Equals(GroupScalar? other) =>
        other is Ristretto255Scalar s && Scalar.ConstantTimeEquals(_value, s._value) == 1;

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();

    /// <inheritdoc />
    protected override void Dispose(bool disposing) => _value.Clear();

    internal static Ristretto255Scalar Cast(GroupScalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        return scalar as Ristretto255Scalar
            ?? throw new ArgumentException($"Expected a ristretto255 scalar but got one of {scalar.Group.Name}.", nameof(scalar));
    }
}
