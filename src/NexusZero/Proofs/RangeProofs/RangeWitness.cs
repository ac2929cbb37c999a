using NexusZero.Groups;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// The openings of a <see cref="RangeStatement"/>'s commitments: each value (an unsigned 64-bit
/// integer) and its blinding γ, with C = v·G + γ·H. Disposal zeroes them.
/// </summary>
public sealed class RangeWitness : Witness
{
    private readonly ulong[] _values;
    private readonly GroupScalar[] _blindings;

    /// <summary>Creates the witness for one or more commitments (own copies of the secrets).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The counts differ or are zero.</exception>
    public RangeWitness(IReadOnlyList<ulong> values, IReadOnlyList<GroupScalar> blindings)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(blindings);
        if (values.Count == 0 || values.Count != blindings.Count)
        {
            throw new ArgumentException($"Need one blinding per value (got {values.Count} values and {blindings.Count} blindings), at least one.", nameof(blindings));
        }

        _values = [.. values];
        _blindings = [.. blindings.Select(b => b.Add(b.Group.ScalarZero))];
    }

    /// <summary>Creates the witness for one commitment.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="blinding"/> is null.</exception>
    public RangeWitness(ulong value, GroupScalar blinding)
        : this([value], [blinding ?? throw new ArgumentNullException(nameof(blinding))])
    {
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.Range;

    /// <summary>The values.</summary>
    internal ReadOnlySpan<ulong> Values
    {
        get
        {
            ThrowIfDisposed();
            return _values;
        }
    }

    /// <summary>The blindings.</summary>
    internal IReadOnlyList<GroupScalar> Blindings
    {
        get
        {
            ThrowIfDisposed();
            return _blindings;
        }
    }

    /// <inheritdoc />
    protected override void ZeroSecrets()
    {
        Array.Clear(_values);
        foreach (var b in _blindings)
        {
            b.Dispose();
        }
    }
}
