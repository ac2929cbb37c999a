namespace NexusZero.Proofs;

/// <summary>
/// A public statement: everything a verifier needs to know about what is proven. Statements are
/// immutable and have exactly one canonical encoding, which is what the envelope carries and what the
/// Fiat–Shamir transcript binds.
/// </summary>
public abstract class Statement : IEquatable<Statement>
{
    /// <summary>What kind of statement this is.</summary>
    public abstract StatementKind Kind { get; }

    /// <summary>The canonical encoding (documented in docs/formats.md).</summary>
    public abstract byte[] ToCanonicalBytes();

    /// <summary>The statement's public values by name, hex-encoded, for display (CLI, logs).</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues();

    /// <summary>Two statements are equal when their kinds and canonical encodings are equal.</summary>
    public bool Equals(Statement? other) =>
        other is not null && other.Kind == Kind && ToCanonicalBytes().AsSpan().SequenceEqual(other.ToCanonicalBytes());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Statement other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.AddBytes(ToCanonicalBytes());
        return hash.ToHashCode();
    }
}
