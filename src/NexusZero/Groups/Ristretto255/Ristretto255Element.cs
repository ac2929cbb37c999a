namespace NexusZero.Groups.Ristretto255;

/// <summary>
/// An element of the ristretto255 group (RFC 9496): a prime-order group of order ℓ built on
/// edwards25519, with a canonical 32-byte encoding. Immutable and safe to share across threads.
/// </summary>
public sealed class Ristretto255Element : GroupElement
{
    private readonly EdwardsPoint _point;
    private byte[]? _encoded;

    internal Ristretto255Element(in EdwardsPoint point)
    {
        _point = point;
    }

    /// <summary>A representative edwards25519 point, for the internal fast API.</summary>
    internal EdwardsPoint Point => _point;

    /// <inheritdoc />
    public override IPrimeOrderGroup Group => Ristretto255Group.Instance;

    /// <inheritdoc />
    public override bool IsIdentity => RistrettoEncoding.IsIdentity(_point) == 1;

    /// <inheritdoc />
    public override GroupElement Add(GroupElement other) => new Ristretto255Element(_point.Add(Cast(other)._point));

    /// <inheritdoc />
    public override GroupElement Subtract(GroupElement other) => new Ristretto255Element(_point.Subtract(Cast(other)._point));

    /// <inheritdoc />
    public override GroupElement Negate() => new Ristretto255Element(_point.Negate());

    /// <inheritdoc />
    public override GroupElement Multiply(GroupScalar scalar)
    {
        var k = Ristretto255Scalar.Cast(scalar).Value;
        try
        {
            // The generator instance uses the precomputed comb table; both paths are constant time.
            return ReferenceEquals(this, Ristretto255Group.GeneratorElement)
                ? new Ristretto255Element(ScalarMultiplication.MultiplyBase(k))
                : new Ristretto255Element(ScalarMultiplication.Multiply(_point, k));
        }
        finally
        {
            k.Clear();
        }
    }

    /// <inheritdoc />
    public override GroupElement MultiplyVarTime(GroupScalar scalar)
    {
        var k = Ristretto255Scalar.Cast(scalar).Value;
        return ReferenceEquals(this, Ristretto255Group.GeneratorElement)
            ? new Ristretto255Element(ScalarMultiplication.MultiplyBaseVarTime(k))
            : new Ristretto255Element(ScalarMultiplication.MultiplyVarTime(_point, k));
    }

    /// <inheritdoc />
    public override void Encode(Span<byte> destination)
    {
        if (destination.Length < RistrettoEncoding.EncodedLength)
        {
            throw new ArgumentException($"The destination needs {RistrettoEncoding.EncodedLength} bytes but has {destination.Length}.", nameof(destination));
        }

        EncodedBytes.CopyTo(destination);
    }

    /// <summary>The canonical encoding, computed once (elements are public and immutable).</summary>
    private ReadOnlySpan<byte> EncodedBytes
    {
        get
        {
            var encoded = _encoded;
            if (encoded is null)
            {
                encoded = new byte[RistrettoEncoding.EncodedLength];
                RistrettoEncoding.Encode(_point, encoded);
                _encoded = encoded;
            }

            return encoded;
        }
    }

    /// <inheritdoc />
    public override bool Equals(GroupElement? other) =>
        other is Ristretto255Element e && RistrettoEncoding.AreEquivalent(_point, e._point) == 1;

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(EncodedBytes);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Convert.ToHexStringLower(EncodedBytes);

    internal static Ristretto255Element Cast(GroupElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element as Ristretto255Element
            ?? throw new ArgumentException($"Expected a ristretto255 element but got one of {element.Group.Name}.", nameof(element));
    }
}
