using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// An AND ("all of") or OR ("any of") composition of sigma statements over one group: discrete log,
/// DLEQ, Pedersen opening, linear relation, or nested compositions. An OR proof does not reveal which
/// part the prover knows.
/// </summary>
/// <remarks>
/// Canonical encoding: group id (1 byte) ‖ node, where node is
/// 0x01 (AND) or 0x02 (OR) ‖ part count (1 byte, 2..<see cref="MaxParts"/>) ‖ each part, and a part is
/// either a nested node or 0x00 ‖ statement kind (1 byte) ‖ length (2 bytes, big-endian) ‖ the part's
/// own canonical encoding. At most <see cref="MaxDepth"/> levels and <see cref="MaxLeaves"/> leaves.
/// </remarks>
public sealed class SigmaCompositionStatement : SigmaStatement
{
    /// <summary>The most parts of one AND / OR.</summary>
    public const int MaxParts = 16;

    /// <summary>The deepest nesting (a flat AND / OR has depth 1).</summary>
    public const int MaxDepth = 4;

    /// <summary>The most leaf statements in one composition.</summary>
    public const int MaxLeaves = 32;

    private const byte LeafTag = 0x00;
    private const byte AndTag = 0x01;
    private const byte OrTag = 0x02;

    private readonly Statement[] _parts;
    private readonly byte[] _encoding;

    private SigmaCompositionStatement(IPrimeOrderGroup group, bool isAnyOf, Statement[] parts)
        : base(group)
    {
        IsAnyOf = isAnyOf;
        _parts = parts;
        Depth = 1 + parts.Max(p => p is SigmaCompositionStatement c ? c.Depth : 0);
        LeafCount = parts.Sum(p => p is SigmaCompositionStatement c ? c.LeafCount : 1);
        if (Depth > MaxDepth || LeafCount > MaxLeaves)
        {
            throw new ArgumentException($"A composition is at most {MaxDepth} levels deep with at most {MaxLeaves} leaf statements (got depth {Depth}, {LeafCount} leaves).", nameof(parts));
        }

        using var stream = new MemoryStream();
        stream.WriteByte((byte)group.Id);
        WriteNode(stream);
        _encoding = stream.ToArray();
    }

    /// <summary>"Every part holds."</summary>
    /// <exception cref="ArgumentException">Fewer than 2 or more than <see cref="MaxParts"/> parts, a part of another kind or group, or the limits are exceeded.</exception>
    public static SigmaCompositionStatement AllOf(params IReadOnlyList<Statement> parts) => Create(false, parts);

    /// <summary>"At least one part holds" (the proof does not reveal which).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 or more than <see cref="MaxParts"/> parts, a part of another kind or group, or the limits are exceeded.</exception>
    public static SigmaCompositionStatement AnyOf(params IReadOnlyList<Statement> parts) => Create(true, parts);

    /// <summary>True for OR ("any of"), false for AND ("all of").</summary>
    public bool IsAnyOf { get; }

    /// <summary>The parts, in order.</summary>
    public IReadOnlyList<Statement> Parts => _parts;

    /// <summary>Nesting depth (1 for a flat composition).</summary>
    public int Depth { get; }

    /// <summary>Number of leaf statements.</summary>
    public int LeafCount { get; }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.Composition;

    /// <summary>Group id ‖ node (see the type's remarks).</summary>
    public override byte[] ToCanonicalBytes() => (byte[])_encoding.Clone();

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues()
    {
        var values = new List<KeyValuePair<string, string>> { new("group", Group.Name), new("composition", IsAnyOf ? "any-of" : "all-of") };
        for (var i = 0; i < _parts.Length; i++)
        {
            values.Add(new($"part[{i}].kind", _parts[i].Kind.ToString()));
            foreach (var (name, value) in _parts[i].DescribePublicValues())
            {
                if (name != "group")
                {
                    values.Add(new($"part[{i}].{name}", value));
                }
            }
        }

        return values;
    }

    /// <summary>Strictly decodes the canonical encoding for <paramref name="group"/>.</summary>
    internal static bool TryDecode(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out SigmaCompositionStatement? statement, [NotNullWhen(false)] out string? error)
    {
        statement = null;
        if (!TryReadGroup(group, encoded, out error))
        {
            return false;
        }

        var offset = 1;
        var leaves = 0;
        if (!TryReadNode(encoded, group, ref offset, 1, ref leaves, out var node, out error))
        {
            return false;
        }

        if (offset != encoded.Length)
        {
            error = $"{encoded.Length - offset} trailing bytes follow the composition.";
            return false;
        }

        statement = node;
        return true;
    }

    private static SigmaCompositionStatement Create(bool isAnyOf, IReadOnlyList<Statement> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count < 2 || parts.Count > MaxParts)
        {
            throw new ArgumentException($"A composition has 2..{MaxParts} parts, not {parts.Count}.", nameof(parts));
        }

        IPrimeOrderGroup? group = null;
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            var partGroup = part switch
            {
                DiscreteLogStatement d => d.Group,
                SigmaStatement s => s.Group,
                _ => throw new ArgumentException($"A {part.Kind} statement cannot be composed; parts are discrete log, DLEQ, Pedersen opening, linear relation or compositions.", nameof(parts)),
            };

            group ??= partGroup;
            if (partGroup.Id != group.Id)
            {
                throw new ArgumentException($"All parts must be over one group; found {group.Name} and {partGroup.Name}.", nameof(parts));
            }
        }

        return new SigmaCompositionStatement(group!, isAnyOf, [.. parts]);
    }

    private void WriteNode(MemoryStream stream)
    {
        stream.WriteByte(IsAnyOf ? OrTag : AndTag);
        stream.WriteByte((byte)_parts.Length);
        Span<byte> length = stackalloc byte[2];
        foreach (var part in _parts)
        {
            if (part is SigmaCompositionStatement nested)
            {
                nested.WriteNode(stream);
                continue;
            }

            var bytes = part.ToCanonicalBytes();
            stream.WriteByte(LeafTag);
            stream.WriteByte((byte)part.Kind);
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)bytes.Length);
            stream.Write(length);
            stream.Write(bytes);
        }
    }

    private static bool TryReadNode(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, ref int offset, int depth, ref int leaves, [NotNullWhen(true)] out SigmaCompositionStatement? node, [NotNullWhen(false)] out string? error)
    {
        node = null;
        if (depth > MaxDepth)
        {
            error = $"The composition is nested deeper than {MaxDepth} levels.";
            return false;
        }

        if (encoded.Length - offset < 2 || (encoded[offset] != AndTag && encoded[offset] != OrTag))
        {
            error = "Expected an AND (0x01) or OR (0x02) node.";
            return false;
        }

        var isAnyOf = encoded[offset] == OrTag;
        int count = encoded[offset + 1];
        offset += 2;
        if (count < 2 || count > MaxParts)
        {
            error = $"A composition has 2..{MaxParts} parts, not {count}.";
            return false;
        }

        var parts = new Statement[count];
        for (var i = 0; i < count; i++)
        {
            if (offset >= encoded.Length)
            {
                error = "The composition is truncated.";
                return false;
            }

            if (encoded[offset] != LeafTag)
            {
                if (!TryReadNode(encoded, group, ref offset, depth + 1, ref leaves, out var nested, out error))
                {
                    return false;
                }

                parts[i] = nested;
                continue;
            }

            if (++leaves > MaxLeaves)
            {
                error = $"The composition has more than {MaxLeaves} leaf statements.";
                return false;
            }

            if (encoded.Length - offset < 4)
            {
                error = "A part header is truncated.";
                return false;
            }

            var kind = (StatementKind)encoded[offset + 1];
            int length = BinaryPrimitives.ReadUInt16BigEndian(encoded[(offset + 2)..]);
            offset += 4;
            if (encoded.Length - offset < length)
            {
                error = $"Part {i} claims {length} bytes but only {encoded.Length - offset} remain.";
                return false;
            }

            if (!TryDecodeLeaf(kind, encoded.Slice(offset, length), group, out var part, out error))
            {
                error = $"Part {i}: {error}";
                return false;
            }

            offset += length;
            parts[i] = part;
        }

        node = new SigmaCompositionStatement(group, isAnyOf, parts);
        error = null;
        return true;
    }

    private static bool TryDecodeLeaf(StatementKind kind, ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        statement = null;
        bool ok;
        switch (kind)
        {
            case StatementKind.DiscreteLog:
                ok = DiscreteLogStatement.TryDecode(encoded, group, out var dlog, out error);
                statement = dlog;
                break;
            case StatementKind.DiscreteLogEquality:
                ok = DiscreteLogEqualityStatement.TryDecode(encoded, group, out var dleq, out error);
                statement = dleq;
                break;
            case StatementKind.PedersenOpening:
                ok = PedersenOpeningStatement.TryDecode(encoded, group, out var opening, out error);
                statement = opening;
                break;
            case StatementKind.LinearRelation:
                ok = LinearRelationStatement.TryDecode(encoded, group, out var linear, out error);
                statement = linear;
                break;
            default:
                error = $"Statement kind {(int)kind} cannot be a composition part.";
                return false;
        }

        return ok;
    }
}
