using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// A range statement over Pedersen commitments C = v·G + γ·H (<see cref="PedersenGenerators"/>), in one
/// of two forms: every committed value lies in [0, 2^bits) (<see cref="ForValues"/>, m = 1, 2, 4, 8
/// or 16 commitments, one aggregated proof), or one committed value lies in [min, max]
/// (<see cref="ForBounds"/>, proven as v − min ∈ [0, 2^bits) and max − v ∈ [0, 2^bits) for the
/// commitments C − min·G and max·G − C, so the verifier checks the caller's C itself).
/// </summary>
/// <remarks>
/// Canonical encoding: group id (1 byte) ‖ bits (1 byte: 8, 16, 32 or 64) ‖ form (1 byte: 0 values,
/// 1 bounds) ‖ commitment count (1 byte) ‖ for bounds only: min ‖ max (8 bytes each, big-endian) ‖
/// the commitments in the group's canonical element encoding.
/// </remarks>
public sealed class RangeStatement : Statement
{
    /// <summary>The most values one aggregated proof covers.</summary>
    public const int MaxValues = 16;

    private readonly byte[] _encoding;
    private readonly GroupElement[] _commitments;

    private RangeStatement(IPrimeOrderGroup group, int bits, bool isBounded, GroupElement[] commitments, ulong min, ulong max)
    {
        Group = group;
        Bits = bits;
        IsBounded = isBounded;
        _commitments = commitments;
        Min = min;
        Max = max;

        var length = 4 + (isBounded ? 16 : 0) + (commitments.Length * group.ElementLength);
        _encoding = new byte[length];
        _encoding[0] = (byte)group.Id;
        _encoding[1] = (byte)bits;
        _encoding[2] = (byte)(isBounded ? 1 : 0);
        _encoding[3] = (byte)commitments.Length;
        var offset = 4;
        if (isBounded)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_encoding.AsSpan(4), min);
            BinaryPrimitives.WriteUInt64BigEndian(_encoding.AsSpan(12), max);
            offset += 16;
        }

        foreach (var c in commitments)
        {
            c.Encode(_encoding.AsSpan(offset, group.ElementLength));
            offset += group.ElementLength;
        }
    }

    /// <summary>"Each committed value lies in [0, 2^bits)."</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Bits not 8/16/32/64, a count other than 1, 2, 4, 8, 16, or a commitment that is the identity or of another group.</exception>
    public static RangeStatement ForValues(IPrimeOrderGroup group, IReadOnlyList<GroupElement> commitments, int bits)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(commitments);
        RequireBits(bits);
        if (!IsAggregationSize(commitments.Count))
        {
            throw new ArgumentException($"An aggregated range proof covers 1, 2, 4, 8 or 16 values, not {commitments.Count}.", nameof(commitments));
        }

        return new RangeStatement(group, bits, false, Checked(group, commitments), 0, 0);
    }

    /// <summary>"The committed value lies in [min, max]."</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Bits not 8/16/32/64, min &gt; max, or a commitment that is the identity or of another group.</exception>
    public static RangeStatement ForBounds(IPrimeOrderGroup group, GroupElement commitment, ulong min, ulong max, int bits = 64)
    {
        ArgumentNullException.ThrowIfNull(group);
        RequireBits(bits);
        if (min > max)
        {
            throw new ArgumentException($"The range is empty: min {min} exceeds max {max}.", nameof(min));
        }

        return new RangeStatement(group, bits, true, Checked(group, [commitment]), min, max);
    }

    /// <summary>The group.</summary>
    public IPrimeOrderGroup Group { get; }

    /// <summary>n: the bit size of each proven range.</summary>
    public int Bits { get; }

    /// <summary>True for the [min, max] form.</summary>
    public bool IsBounded { get; }

    /// <summary>The caller's commitments.</summary>
    public IReadOnlyList<GroupElement> Commitments => _commitments;

    /// <summary>The lower bound (bounded form; 0 otherwise).</summary>
    public ulong Min { get; }

    /// <summary>The upper bound (bounded form; 0 otherwise).</summary>
    public ulong Max { get; }

    /// <summary>m: the number of values the aggregated proof covers (2 for the bounded form).</summary>
    public int AggregatedCount => IsBounded ? 2 : _commitments.Length;

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.Range;

    /// <summary>The canonical encoding (see the type's remarks).</summary>
    public override byte[] ToCanonicalBytes() => (byte[])_encoding.Clone();

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues()
    {
        var values = new List<KeyValuePair<string, string>> { new("group", Group.Name), new("bits", Bits.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (IsBounded)
        {
            values.Add(new("min", Min.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            values.Add(new("max", Max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            values.Add(new("commitment", Convert.ToHexStringLower(_commitments[0].ToBytes())));
        }
        else
        {
            for (var i = 0; i < _commitments.Length; i++)
            {
                values.Add(new($"commitment[{i}]", Convert.ToHexStringLower(_commitments[i].ToBytes())));
            }
        }

        return values;
    }

    /// <summary>The commitments V₁..V_m the aggregated proof is about (derived for the bounded form; public arithmetic).</summary>
    internal GroupElement[] ProvenCommitments()
    {
        if (!IsBounded)
        {
            return _commitments;
        }

        var minG = Group.MultiplyBase(ConstantTimeGroupOps.ScalarFromUInt64(Group, Min));
        var maxG = Group.MultiplyBase(ConstantTimeGroupOps.ScalarFromUInt64(Group, Max));
        return [_commitments[0] - minG, maxG - _commitments[0]];
    }

    /// <summary>Strictly decodes the canonical encoding for <paramref name="group"/>.</summary>
    internal static bool TryDecode(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out RangeStatement? statement, [NotNullWhen(false)] out string? error)
    {
        statement = null;
        if (encoded.Length < 4)
        {
            error = "A range statement is at least 4 bytes.";
            return false;
        }

        if (encoded[0] != (byte)group.Id)
        {
            error = $"The statement names group id {encoded[0]}, but the parameters are for {group.Name} (id {(byte)group.Id}).";
            return false;
        }

        int bits = encoded[1];
        if (!IsBitSize(bits))
        {
            error = $"The bit size is {bits}; it must be 8, 16, 32 or 64.";
            return false;
        }

        if (encoded[2] > 1)
        {
            error = $"Unknown range form {encoded[2]} (0 values, 1 bounds).";
            return false;
        }

        var bounded = encoded[2] == 1;
        int count = encoded[3];
        if (bounded ? count != 1 : !IsAggregationSize(count))
        {
            error = bounded ? "The bounded form has exactly one commitment." : $"An aggregated range proof covers 1, 2, 4, 8 or 16 values, not {count}.";
            return false;
        }

        var expected = 4 + (bounded ? 16 : 0) + (count * group.ElementLength);
        if (encoded.Length != expected)
        {
            error = $"This range statement is {expected} bytes, not {encoded.Length}.";
            return false;
        }

        var offset = 4;
        ulong min = 0, max = 0;
        if (bounded)
        {
            min = BinaryPrimitives.ReadUInt64BigEndian(encoded[4..]);
            max = BinaryPrimitives.ReadUInt64BigEndian(encoded[12..]);
            offset += 16;
            if (min > max)
            {
                error = $"The range is empty: min {min} exceeds max {max}.";
                return false;
            }
        }

        var commitments = new GroupElement[count];
        for (var i = 0; i < count; i++)
        {
            if (!group.TryDecodeElement(encoded.Slice(offset, group.ElementLength), out var c) || c.IsIdentity)
            {
                error = $"Commitment {i} is not a canonical, non-identity {group.Name} element.";
                return false;
            }

            commitments[i] = c;
            offset += group.ElementLength;
        }

        statement = new RangeStatement(group, bits, bounded, commitments, min, max);
        error = null;
        return true;
    }

    internal static bool IsBitSize(int bits) => bits is 8 or 16 or 32 or 64;

    internal static bool IsAggregationSize(int count) => count is 1 or 2 or 4 or 8 or 16;

    private static void RequireBits(int bits)
    {
        if (!IsBitSize(bits))
        {
            throw new ArgumentException($"Range proofs support 8, 16, 32 or 64 bits, not {bits}.", nameof(bits));
        }
    }

    private static GroupElement[] Checked(IPrimeOrderGroup group, IReadOnlyList<GroupElement> commitments)
    {
        var result = new GroupElement[commitments.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var c = commitments[i] ?? throw new ArgumentNullException(nameof(commitments), $"Commitment {i} is null.");
            if (c.Group.Id != group.Id)
            {
                throw new ArgumentException($"Commitment {i} belongs to {c.Group.Name}, not {group.Name}.", nameof(commitments));
            }

            if (c.IsIdentity)
            {
                throw new ArgumentException($"Commitment {i} is the identity element.", nameof(commitments));
            }

            result[i] = c;
        }

        return result;
    }
}
