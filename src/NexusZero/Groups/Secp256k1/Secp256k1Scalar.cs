namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// A scalar modulo the secp256k1 order n. Canonical encoding: 32 bytes big-endian, value below n.
/// Arithmetic is constant time; disposing zeroes the limbs.
/// </summary>
internal sealed class Secp256k1Scalar : GroupScalar
{
    private ScalarValue _value;

    internal Secp256k1Scalar(in ScalarValue value)
    {
        _value = value;
    }

    /// <summary>The limbs (for the group's internal arithmetic).</summary>
    internal ref readonly ScalarValue Value => ref _value;

    /// <inheritdoc />
    public override IPrimeOrderGroup Group => Secp256k1Group.Instance;

    /// <inheritdoc />
    public override bool IsZero => _value.IsZeroBit() == 1;

    /// <inheritdoc />
    public override GroupScalar Add(GroupScalar other) => new Secp256k1Scalar(ScalarValue.Add(_value, Cast(other)._value));

    /// <inheritdoc />
    public override GroupScalar Subtract(GroupScalar other) => new Secp256k1Scalar(ScalarValue.Subtract(_value, Cast(other)._value));

    /// <inheritdoc />
    public override GroupScalar Multiply(GroupScalar other) => new Secp256k1Scalar(ScalarValue.Multiply(_value, Cast(other)._value));

    /// <inheritdoc />
    public override GroupScalar Negate() => new Secp256k1Scalar(ScalarValue.Negate(_value));

    /// <inheritdoc />
    public override GroupScalar Invert()
    {
        if (IsZero)
        {
            throw new InvalidOperationException("Zero has no inverse modulo the secp256k1 order.");
        }

        return new Secp256k1Scalar(ScalarValue.Invert(_value));
    }

    /// <inheritdoc />
    public override void Encode(Span<byte> destination)
    {
        if (destination.Length < Secp256k1Group.ScalarSize)
        {
            throw new ArgumentException($"The destination must hold {Secp256k1Group.ScalarSize} bytes.", nameof(destination));
        }

        _value.WriteBigEndian(destination);
    }

    /// <inheritdoc />
    public override bool Equals(GroupScalar? other) => other is Secp256k1Scalar s && _value.EqualsBit(s._value) == 1;

    /// <inheritdoc />
    protected override void Dispose(bool disposing) => _value = default;

    internal static Secp256k1Scalar Cast(GroupScalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        return scalar as Secp256k1Scalar
            ?? throw new ArgumentException($"Expected a secp256k1 scalar, got one of {scalar.Group.Name}.", nameof(scalar));
    }
}
