using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// "I know openings (vᵢ, rᵢ) of the Pedersen commitments Cᵢ = vᵢ·G + rᵢ·H, and Σ aᵢ·vᵢ = b" for public
/// coefficients aᵢ and constant b. For example v1 + v2 = v3 is a = (1, 1, −1), b = 0.
/// </summary>
/// <remarks>
/// Canonical encoding: group id (1 byte) ‖ k (1 byte, 1..<see cref="MaxCommitments"/>) ‖ C₁..C_k ‖
/// a₁..a_k ‖ b, elements and scalars in the group's canonical encodings.
/// </remarks>
public sealed class LinearRelationStatement : SigmaStatement
{
    /// <summary>The largest number of commitments in one relation.</summary>
    public const int MaxCommitments = 64;

    private readonly byte[] _encoding;
    private readonly GroupElement[] _commitments;
    private readonly GroupScalar[] _coefficients;

    /// <summary>Creates the statement Σ aᵢ·vᵢ = b over the commitments Cᵢ.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The counts differ or are outside 1..<see cref="MaxCommitments"/>, all coefficients are zero, a
    /// commitment is the identity, or a value belongs to another group.
    /// </exception>
    public LinearRelationStatement(IPrimeOrderGroup group, IReadOnlyList<GroupElement> commitments, IReadOnlyList<GroupScalar> coefficients, GroupScalar constant)
        : base(group)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(coefficients);
        ArgumentNullException.ThrowIfNull(constant);
        if (commitments.Count < 1 || commitments.Count > MaxCommitments)
        {
            throw new ArgumentException($"A linear relation has 1..{MaxCommitments} commitments, not {commitments.Count}.", nameof(commitments));
        }

        if (coefficients.Count != commitments.Count)
        {
            throw new ArgumentException($"{commitments.Count} commitments but {coefficients.Count} coefficients.", nameof(coefficients));
        }

        var allZero = true;
        for (var i = 0; i < commitments.Count; i++)
        {
            RequireUsable(group, commitments[i], $"commitment {i}", nameof(commitments));
            RequireScalar(group, coefficients[i], nameof(coefficients));
            allZero &= coefficients[i].IsZero;
        }

        RequireScalar(group, constant, nameof(constant));
        if (allZero)
        {
            throw new ArgumentException("At least one coefficient must be non-zero.", nameof(coefficients));
        }

        _commitments = [.. commitments];
        _coefficients = [.. coefficients];
        Constant = constant;

        var k = commitments.Count;
        _encoding = new byte[2 + (k * group.ElementLength) + ((k + 1) * group.ScalarLength)];
        _encoding[0] = (byte)group.Id;
        _encoding[1] = (byte)k;
        var offset = 2;
        foreach (var c in _commitments)
        {
            c.Encode(_encoding.AsSpan(offset, group.ElementLength));
            offset += group.ElementLength;
        }

        foreach (var a in _coefficients)
        {
            a.Encode(_encoding.AsSpan(offset, group.ScalarLength));
            offset += group.ScalarLength;
        }

        constant.Encode(_encoding.AsSpan(offset, group.ScalarLength));
    }

    /// <summary>C₁..C_k.</summary>
    public IReadOnlyList<GroupElement> Commitments => _commitments;

    /// <summary>a₁..a_k.</summary>
    public IReadOnlyList<GroupScalar> Coefficients => _coefficients;

    /// <summary>b.</summary>
    public GroupScalar Constant { get; }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.LinearRelation;

    /// <summary>Group id ‖ k ‖ C₁..C_k ‖ a₁..a_k ‖ b.</summary>
    public override byte[] ToCanonicalBytes() => (byte[])_encoding.Clone();

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues()
    {
        var values = new List<KeyValuePair<string, string>> { new("group", Group.Name) };
        for (var i = 0; i < _commitments.Length; i++)
        {
            values.Add(new($"commitment[{i}]", Hex(_commitments[i])));
            values.Add(new($"coefficient[{i}]", Convert.ToHexStringLower(_coefficients[i].ToBytes())));
        }

        values.Add(new("constant", Convert.ToHexStringLower(Constant.ToBytes())));
        return values;
    }

    /// <summary>Strictly decodes the canonical encoding for <paramref name="group"/>.</summary>
    internal static bool TryDecode(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out LinearRelationStatement? statement, [NotNullWhen(false)] out string? error)
    {
        statement = null;
        if (!TryReadGroup(group, encoded, out error))
        {
            return false;
        }

        if (encoded.Length < 2 || encoded[1] < 1 || encoded[1] > MaxCommitments)
        {
            error = $"A linear relation has 1..{MaxCommitments} commitments.";
            return false;
        }

        int k = encoded[1];
        var expected = 2 + (k * group.ElementLength) + ((k + 1) * group.ScalarLength);
        if (encoded.Length != expected)
        {
            error = $"A {group.Name} linear relation over {k} commitments is {expected} bytes, not {encoded.Length}.";
            return false;
        }

        var offset = 2;
        var commitments = new GroupElement[k];
        for (var i = 0; i < k; i++)
        {
            if (!TryReadElement(group, encoded, ref offset, $"commitment {i}", out commitments[i], ref error))
            {
                return false;
            }
        }

        var scalars = new GroupScalar[k + 1];
        var allZero = true;
        for (var i = 0; i <= k; i++)
        {
            if (!group.TryDecodeScalar(encoded.Slice(offset, group.ScalarLength), out var scalar))
            {
                error = i < k ? $"Coefficient {i} is not a canonical {group.Name} scalar." : $"The constant is not a canonical {group.Name} scalar.";
                return false;
            }

            allZero &= i == k || scalar.IsZero;
            scalars[i] = scalar;
            offset += group.ScalarLength;
        }

        if (allZero)
        {
            error = "Every coefficient is zero.";
            return false;
        }

        statement = new LinearRelationStatement(group, commitments, scalars[..k], scalars[k]);
        return true;
    }

    private static void RequireScalar(IPrimeOrderGroup group, GroupScalar scalar, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(scalar, parameterName);
        if (scalar.Group.Id != group.Id)
        {
            throw new ArgumentException($"A scalar belongs to {scalar.Group.Name}, not {group.Name}.", parameterName);
        }
    }
}
