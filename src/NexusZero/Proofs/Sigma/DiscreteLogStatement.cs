using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// The public statement "I know x with X = x·G" in a prime-order group, for a generator G (by default
/// the group's standard base point) and a public value X. Neither may be the identity.
/// </summary>
/// <remarks>Canonical encoding: group id (1 byte) ‖ G ‖ X in the group's canonical element encoding.</remarks>
public sealed class DiscreteLogStatement : Statement
{
    private readonly byte[] _encoding;

    /// <summary>Creates the statement X = x·G.</summary>
    /// <param name="group">The group.</param>
    /// <param name="generator">G: a non-identity element of <paramref name="group"/>.</param>
    /// <param name="publicValue">X: a non-identity element of <paramref name="group"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An element is the identity or belongs to another group.</exception>
    public DiscreteLogStatement(IPrimeOrderGroup group, GroupElement generator, GroupElement publicValue)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(publicValue);
        RequireUsable(group, generator, "generator", nameof(generator));
        RequireUsable(group, publicValue, "public value", nameof(publicValue));

        Group = group;
        Generator = generator;
        PublicValue = publicValue;
        UsesStandardGenerator = generator.Equals(group.Generator);

        var length = group.ElementLength;
        _encoding = new byte[1 + 2 * length];
        _encoding[0] = (byte)group.Id;
        generator.Encode(_encoding.AsSpan(1, length));
        publicValue.Encode(_encoding.AsSpan(1 + length, length));
    }

    /// <summary>Creates the statement X = x·B for the group's standard generator B.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="publicValue"/> is the identity or belongs to another group.</exception>
    public DiscreteLogStatement(IPrimeOrderGroup group, GroupElement publicValue)
        : this(group, (group ?? throw new ArgumentNullException(nameof(group))).Generator, publicValue)
    {
    }

    /// <summary>The group.</summary>
    public IPrimeOrderGroup Group { get; }

    /// <summary>G.</summary>
    public GroupElement Generator { get; }

    /// <summary>X.</summary>
    public GroupElement PublicValue { get; }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.DiscreteLog;

    /// <summary>True when G is the group's standard generator, so provers can use its precomputed table.</summary>
    internal bool UsesStandardGenerator { get; }

    /// <summary>Group id (1 byte) ‖ G ‖ X.</summary>
    public override byte[] ToCanonicalBytes() => (byte[])_encoding.Clone();

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues() =>
    [
        new("group", Group.Name),
        new("generator", Convert.ToHexStringLower(Generator.ToBytes())),
        new("publicValue", Convert.ToHexStringLower(PublicValue.ToBytes())),
    ];

    /// <summary>Strictly decodes the canonical encoding for <paramref name="group"/>.</summary>
    internal static bool TryDecode(
        ReadOnlySpan<byte> encoded,
        IPrimeOrderGroup group,
        [NotNullWhen(true)] out DiscreteLogStatement? statement,
        [NotNullWhen(false)] out string? error)
    {
        statement = null;
        var length = group.ElementLength;
        if (encoded.Length != 1 + 2 * length)
        {
            error = $"A {group.Name} discrete-log statement is {1 + 2 * length} bytes, not {encoded.Length}.";
            return false;
        }

        if (encoded[0] != (byte)group.Id)
        {
            error = $"The statement names group id {encoded[0]}, but the parameters are for {group.Name} (id {(byte)group.Id}).";
            return false;
        }

        if (!group.TryDecodeElement(encoded.Slice(1, length), out var generator))
        {
            error = $"The generator is not a canonical {group.Name} element encoding.";
            return false;
        }

        if (!group.TryDecodeElement(encoded.Slice(1 + length, length), out var publicValue))
        {
            error = $"The public value is not a canonical {group.Name} element encoding.";
            return false;
        }

        if (generator.IsIdentity || publicValue.IsIdentity)
        {
            error = generator.IsIdentity ? "The generator is the identity element." : "The public value is the identity element.";
            return false;
        }

        statement = new DiscreteLogStatement(group, generator, publicValue);
        error = null;
        return true;
    }

    private static void RequireUsable(IPrimeOrderGroup group, GroupElement element, string what, string parameterName)
    {
        if (element.Group.Id != group.Id)
        {
            throw new ArgumentException($"The {what} belongs to {element.Group.Name}, not {group.Name}.", parameterName);
        }

        if (element.IsIdentity)
        {
            throw new ArgumentException($"The {what} must not be the identity element.", parameterName);
        }
    }
}
