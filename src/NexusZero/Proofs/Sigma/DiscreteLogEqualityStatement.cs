using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// "I know x with X = x·G and Y = x·H" (Chaum–Pedersen equality of discrete logarithms).
/// None of G, H, X, Y may be the identity.
/// </summary>
/// <remarks>Canonical encoding: group id (1 byte) ‖ G ‖ H ‖ X ‖ Y, each in the group's canonical element encoding.</remarks>
public sealed class DiscreteLogEqualityStatement : SigmaStatement
{
    private readonly byte[] _encoding;

    /// <summary>Creates the statement X = x·G ∧ Y = x·H.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An element is the identity or belongs to another group.</exception>
    public DiscreteLogEqualityStatement(IPrimeOrderGroup group, GroupElement generatorG, GroupElement generatorH, GroupElement publicX, GroupElement publicY)
        : base(group)
    {
        RequireUsable(group, generatorG, "generator G", nameof(generatorG));
        RequireUsable(group, generatorH, "generator H", nameof(generatorH));
        RequireUsable(group, publicX, "public value X", nameof(publicX));
        RequireUsable(group, publicY, "public value Y", nameof(publicY));
        GeneratorG = generatorG;
        GeneratorH = generatorH;
        PublicX = publicX;
        PublicY = publicY;

        var length = group.ElementLength;
        _encoding = new byte[1 + (4 * length)];
        _encoding[0] = (byte)group.Id;
        generatorG.Encode(_encoding.AsSpan(1, length));
        generatorH.Encode(_encoding.AsSpan(1 + length, length));
        publicX.Encode(_encoding.AsSpan(1 + (2 * length), length));
        publicY.Encode(_encoding.AsSpan(1 + (3 * length), length));
    }

    /// <summary>G.</summary>
    public GroupElement GeneratorG { get; }

    /// <summary>H.</summary>
    public GroupElement GeneratorH { get; }

    /// <summary>X = x·G.</summary>
    public GroupElement PublicX { get; }

    /// <summary>Y = x·H.</summary>
    public GroupElement PublicY { get; }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.DiscreteLogEquality;

    /// <summary>Group id (1 byte) ‖ G ‖ H ‖ X ‖ Y.</summary>
    public override byte[] ToCanonicalBytes() => (byte[])_encoding.Clone();

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues() =>
    [
        new("group", Group.Name),
        new("G", Hex(GeneratorG)),
        new("H", Hex(GeneratorH)),
        new("X", Hex(PublicX)),
        new("Y", Hex(PublicY)),
    ];

    /// <summary>Strictly decodes the canonical encoding for <paramref name="group"/>.</summary>
    internal static bool TryDecode(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out DiscreteLogEqualityStatement? statement, [NotNullWhen(false)] out string? error)
    {
        statement = null;
        var expected = 1 + (4 * group.ElementLength);
        if (encoded.Length != expected)
        {
            error = $"A {group.Name} DLEQ statement is {expected} bytes, not {encoded.Length}.";
            return false;
        }

        if (!TryReadGroup(group, encoded, out error))
        {
            return false;
        }

        var offset = 1;
        TryReadElement(group, encoded, ref offset, "generator G", out var g, ref error);
        TryReadElement(group, encoded, ref offset, "generator H", out var h, ref error);
        TryReadElement(group, encoded, ref offset, "public value X", out var x, ref error);
        TryReadElement(group, encoded, ref offset, "public value Y", out var y, ref error);
        if (error is not null)
        {
            return false;
        }

        statement = new DiscreteLogEqualityStatement(group, g, h, x, y);
        return true;
    }
}
