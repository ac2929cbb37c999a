namespace NexusZero.Groups.Secp256k1;

/// <summary>
/// A point of secp256k1. Canonical encoding: SEC1 compressed, 33 bytes (0x02 or 0x03 for even or odd y,
/// then x big-endian). The identity has no such encoding: <see cref="Encode"/> throws for it and no
/// decoder ever produces it.
/// </summary>
internal sealed class Secp256k1Element : GroupElement
{
    private readonly ProjectivePoint _point;

    internal Secp256k1Element(in ProjectivePoint point)
    {
        _point = point;
    }

    /// <summary>The projective coordinates (for the group's internal arithmetic).</summary>
    internal ref readonly ProjectivePoint Point => ref _point;

    /// <inheritdoc />
    public override IPrimeOrderGroup Group => Secp256k1Group.Instance;

    /// <inheritdoc />
    public override bool IsIdentity => _point.IsIdentityBit() == 1;

    /// <inheritdoc />
    public override GroupElement Add(GroupElement other) => new Secp256k1Element(ProjectivePoint.Add(_point, Cast(other)._point));

    /// <inheritdoc />
    public override GroupElement Subtract(GroupElement other) =>
        new Secp256k1Element(ProjectivePoint.Add(_point, ProjectivePoint.Negate(Cast(other)._point)));

    /// <inheritdoc />
    public override GroupElement Negate() => new Secp256k1Element(ProjectivePoint.Negate(_point));

    /// <inheritdoc />
    public override GroupElement Multiply(GroupScalar scalar) =>
        new Secp256k1Element(PointMultiplication.MultiplyConstantTime(_point, Secp256k1Scalar.Cast(scalar).Value));

    /// <inheritdoc />
    public override GroupElement MultiplyVarTime(GroupScalar scalar) =>
        new Secp256k1Element(PointMultiplication.MultiplyVarTime(_point, Secp256k1Scalar.Cast(scalar).Value));

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">This is the identity, which has no SEC1 compressed encoding.</exception>
    public override void Encode(Span<byte> destination)
    {
        if (destination.Length < Secp256k1Group.PointSize)
        {
            throw new ArgumentException($"The destination must hold {Secp256k1Group.PointSize} bytes.", nameof(destination));
        }

        if (!_point.TryToAffine(out var x, out var y))
        {
            throw new InvalidOperationException("The secp256k1 identity (point at infinity) has no 33-byte SEC1 compressed encoding.");
        }

        destination[0] = (byte)(0x02 | (int)y.IsOddBit());
        x.WriteBigEndian(destination[1..]);
    }

    /// <inheritdoc />
    public override bool Equals(GroupElement? other) => other is Secp256k1Element e && ProjectivePoint.AreEqual(_point, e._point);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (IsIdentity)
        {
            return 0;
        }

        var hash = new HashCode();
        hash.AddBytes(ToBytes());
        return hash.ToHashCode();
    }

    internal static Secp256k1Element Cast(GroupElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element as Secp256k1Element
            ?? throw new ArgumentException($"Expected a secp256k1 element, got one of {element.Group.Name}.", nameof(element));
    }
}
