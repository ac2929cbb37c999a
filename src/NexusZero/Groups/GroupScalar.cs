namespace NexusZero.Groups;

/// <summary>
/// An integer modulo a group's prime order. Arithmetic is constant time; instances may hold secrets,
/// so dispose those that do (disposal zeroes the limbs).
/// </summary>
public abstract class GroupScalar : IEquatable<GroupScalar>, IDisposable
{
    /// <summary>The group this scalar belongs to.</summary>
    public abstract IPrimeOrderGroup Group { get; }

    /// <summary>this + other.</summary>
    public abstract GroupScalar Add(GroupScalar other);

    /// <summary>this − other.</summary>
    public abstract GroupScalar Subtract(GroupScalar other);

    /// <summary>this · other.</summary>
    public abstract GroupScalar Multiply(GroupScalar other);

    /// <summary>−this.</summary>
    public abstract GroupScalar Negate();

    /// <summary>this⁻¹ in constant time.</summary>
    /// <exception cref="InvalidOperationException">The scalar is zero.</exception>
    public abstract GroupScalar Invert();

    /// <summary>True when the scalar is zero (constant time).</summary>
    public abstract bool IsZero { get; }

    /// <summary>Writes the canonical encoding (<see cref="IPrimeOrderGroup.ScalarLength"/> bytes).</summary>
    public abstract void Encode(Span<byte> destination);

    /// <summary>The canonical encoding as a new array.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Group.ScalarLength];
        Encode(bytes);
        return bytes;
    }

    /// <summary>Constant-time equality of two scalars of the same group.</summary>
    public abstract bool Equals(GroupScalar? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GroupScalar other && Equals(other);

    /// <summary>Hash code of the group id only: scalars can be secret, so their value is not hashed.</summary>
    public override int GetHashCode() => (int)Group.Id;

    /// <summary>Zeroes the scalar's limbs.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Zeroes the limbs.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>a + b.</summary>
    public static GroupScalar operator +(GroupScalar a, GroupScalar b) => a.Add(b);

    /// <summary>a − b.</summary>
    public static GroupScalar operator -(GroupScalar a, GroupScalar b) => a.Subtract(b);

    /// <summary>a · b.</summary>
    public static GroupScalar operator *(GroupScalar a, GroupScalar b) => a.Multiply(b);

    /// <summary>−a.</summary>
    public static GroupScalar operator -(GroupScalar a) => a.Negate();

    /// <summary>k·P in constant time with respect to k.</summary>
    public static GroupElement operator *(GroupScalar k, GroupElement p) => p.Multiply(k);
}
