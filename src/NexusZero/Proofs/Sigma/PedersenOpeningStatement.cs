using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// "I know v and r with C = v·G + r·H" for the group's Pedersen bases (<see cref="PedersenGenerators"/>).
/// C may not be the identity.
/// </summary>
/// <remarks>Canonical encoding: group id (1 byte) ‖ C.</remarks>
public sealed class PedersenOpeningStatement : SigmaStatement
{
    private readonly byte[] _encoding;

    /// <summary>Creates the statement for commitment <paramref name="commitment"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The commitment is the identity or belongs to another group.</exception>
    public PedersenOpeningStatement(IPrimeOrderGroup group, GroupElement commitment)
        : base(group)
    {
        RequireUsable(group, commitment, "commitment", nameof(commitment));
        Commitment = commitment;
        _encoding = new byte[1 + group.ElementLength];
        _encoding[0] = (byte)group.Id;
        commitment.Encode(_encoding.AsSpan(1));
    }

    /// <summary>C.</summary>
    public GroupElement Commitment { get; }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.PedersenOpening;

    /// <summary>Group id (1 byte) ‖ C.</summary>
    public override byte[] ToCanonicalBytes() => (byte[])_encoding.Clone();

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues() =>
    [
        new("group", Group.Name),
        new("commitment", Hex(Commitment)),
        new("H", Hex(PedersenGenerators.BlindingBase(Group))),
    ];

    /// <summary>Strictly decodes the canonical encoding for <paramref name="group"/>.</summary>
    internal static bool TryDecode(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out PedersenOpeningStatement? statement, [NotNullWhen(false)] out string? error)
    {
        statement = null;
        var expected = 1 + group.ElementLength;
        if (encoded.Length != expected)
        {
            error = $"A {group.Name} Pedersen-opening statement is {expected} bytes, not {encoded.Length}.";
            return false;
        }

        if (!TryReadGroup(group, encoded, out error))
        {
            return false;
        }

        var offset = 1;
        if (!TryReadElement(group, encoded, ref offset, "commitment", out var c, ref error))
        {
            return false;
        }

        statement = new PedersenOpeningStatement(group, c);
        return true;
    }
}
