namespace NexusZero.Groups;

/// <summary>An element of a prime-order group. Elements are public values; instances are immutable.</summary>
public abstract class GroupElement : IEquatable<GroupElement>
{
    /// <summary>The group this element belongs to.</summary>
    public abstract IPrimeOrderGroup Group { get; }

    /// <summary>this + other.</summary>
    public abstract GroupElement Add(GroupElement other);

    /// <summary>this − other.</summary>
    public abstract GroupElement Subtract(GroupElement other);

    /// <summary>−this.</summary>
    public abstract GroupElement Negate();

    /// <summary>k·this in constant time with respect to <paramref name="scalar"/> (safe for secrets).</summary>
    public abstract GroupElement Multiply(GroupScalar scalar);

    /// <summary>k·this in variable time: only for public scalars.</summary>
    public abstract GroupElement MultiplyVarTime(GroupScalar scalar);

    /// <summary>True for the identity element.</summary>
    public abstract bool IsIdentity { get; }

    /// <summary>Writes the canonical encoding (<see cref="IPrimeOrderGroup.ElementLength"/> bytes).</summary>
    public abstract void Encode(Span<byte> destination);

    /// <summary>The canonical encoding as a new array.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Group.ElementLength];
        Encode(bytes);
        return bytes;
    }

    /// <summary>Equality of group elements (by canonical encoding).</summary>
    public abstract bool Equals(GroupElement? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GroupElement other && Equals(other);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <summary>a + b.</summary>
    public static GroupElement operator +(GroupElement a, GroupElement b) => a.Add(b);

    /// <summary>a − b.</summary>
    public static GroupElement operator -(GroupElement a, GroupElement b) => a.Subtract(b);

    /// <summary>−a.</summary>
    public static GroupElement operator -(GroupElement a) => a.Negate();
}
