using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// Bulletproofs range proofs (Bünz et al. 2018) with the inner-product argument, aggregated over
/// m = 1, 2, 4, 8 or 16 values of n = 8, 16, 32 or 64 bits, over ristretto255 or secp256k1. One
/// <see cref="GroupParameterSet"/> per group; the statement carries n and m. Proof layout, generator
/// derivation and transcript: docs/formats.md (Classical).
/// </summary>
/// <remarks>Stateless and safe to share across threads.</remarks>
public sealed class BulletproofsRangeProofSystem : IProofSystem
{
    private static readonly ReadOnlyCollection<StatementKind> Kinds = Array.AsReadOnly([StatementKind.Range]);

    private readonly FrozenDictionary<ushort, GroupParameterSet> _parameterSets;

    private BulletproofsRangeProofSystem()
    {
        _parameterSets = SigmaGroups.Shipped.Select(g => new GroupParameterSet(g)).ToFrozenDictionary(s => s.Id);
    }

    /// <summary>The single instance.</summary>
    public static BulletproofsRangeProofSystem Instance { get; } = new();

    /// <inheritdoc />
    public ProofSystemId Id => ProofSystemId.BulletproofsRange;

    /// <inheritdoc />
    public int? ExpectedProofLength(Statement statement, ParameterSet parameters) =>
        statement is RangeStatement range ? RangeProofProtocol.ProofLength(range.Group, range.Bits, range.AggregatedCount) : null;

    /// <inheritdoc />
    public bool ProofsCompress => false;

    /// <inheritdoc />
    public string Name => "Bulletproofs range proof";

    /// <inheritdoc />
    public IReadOnlyList<StatementKind> SupportedStatements => Kinds;

    /// <summary>The proof length in bytes for <paramref name="bits"/>-bit ranges over <paramref name="aggregatedCount"/> values.</summary>
    /// <exception cref="ArgumentException">Unsupported bits or count.</exception>
    public static int ProofLength(IPrimeOrderGroup group, int bits, int aggregatedCount)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!RangeStatement.IsBitSize(bits) || !RangeStatement.IsAggregationSize(aggregatedCount))
        {
            throw new ArgumentException($"Unsupported range proof shape: {bits} bits × {aggregatedCount} values.", nameof(bits));
        }

        return RangeProofProtocol.ProofLength(group, bits, aggregatedCount);
    }

    /// <summary>The parameter set for <paramref name="group"/>.</summary>
    /// <exception cref="ArgumentException">This system does not support the group.</exception>
    public GroupParameterSet ParametersFor(IPrimeOrderGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return _parameterSets.TryGetValue((ushort)group.Id, out var set)
            ? set
            : throw new ArgumentException($"Bulletproofs has no parameter set for group {group.Name}.", nameof(group));
    }

    /// <inheritdoc />
    public ParameterSet SelectDefaultParameters(Statement statement, int securityLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(securityLevel);
        var parameters = ParametersFor(AsStatement(statement).Group);
        if (securityLevel > parameters.SecurityBits)
        {
            throw new NexusZeroException(NexusZeroErrorKind.OptimizationFailed, $"Bulletproofs over {parameters.Name} offers {parameters.SecurityBits}-bit security; {securityLevel} bits were requested.");
        }

        return parameters;
    }

    /// <inheritdoc />
    public bool TryGetParameterSet(ushort id, [NotNullWhen(true)] out ParameterSet? parameters)
    {
        parameters = _parameterSets.GetValueOrDefault(id);
        return parameters is not null;
    }

    /// <inheritdoc />
    public bool TryDecodeStatement(ReadOnlySpan<byte> encoded, ParameterSet parameters, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        statement = null;
        if (!IsOwn(parameters, out var set))
        {
            error = $"Parameter set {parameters.Id} ({parameters.Name}) is not a Bulletproofs parameter set.";
            return false;
        }

        var ok = RangeStatement.TryDecode(encoded, set.Group, out var decoded, out error);
        statement = decoded;
        return ok;
    }

    /// <inheritdoc />
    /// <exception cref="NexusZeroException">
    /// A value lies outside its range or does not fit the bit size, or a commitment does not open to the
    /// witness (<see cref="NexusZeroErrorKind.ValidationFailed"/>).
    /// </exception>
    public byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        var range = AsStatement(statement);
        var set = AsOwnParameters(parameters);
        if (witness is not RangeWitness rangeWitness)
        {
            throw new ArgumentException($"Bulletproofs needs a {nameof(RangeWitness)}, not {witness?.GetType().Name ?? "null"}.", nameof(witness));
        }

        var group = range.Group;
        if (set.Group.Id != group.Id)
        {
            throw new ArgumentException($"The statement is over {group.Name} but the parameters are for {set.Group.Name}.", nameof(parameters));
        }

        var (values, blindings) = ProvenOpenings(range, rangeWitness);
        try
        {
            using var transcript = ProofTranscript.Begin(Id, set, range, context);
            return RangeProofProtocol.Prove(transcript, group, range.Bits, values, blindings);
        }
        finally
        {
            Array.Clear(values);
            foreach (var b in blindings)
            {
                b.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public VerificationResult Verify(Statement statement, ReadOnlySpan<byte> proof, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        var range = AsStatement(statement);
        var set = AsOwnParameters(parameters);
        if (set.Group.Id != range.Group.Id)
        {
            return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"The statement is over {range.Group.Name} but the parameters are for {set.Group.Name}.");
        }

        var msm = RangeProofProtocol.NewAccumulator(range.Group, range.Bits * range.AggregatedCount);
        using var transcript = ProofTranscript.Begin(Id, set, range, context);
        var error = RangeProofProtocol.TryAccumulate(transcript, range.Group, range.Bits, range.ProvenCommitments(), proof, msm, range.Bits * range.AggregatedCount);
        if (error is not null)
        {
            return VerificationResult.Invalid(VerificationFailure.MalformedProof, error);
        }

        return msm.IsIdentity()
            ? VerificationResult.Valid
            : VerificationResult.Invalid(VerificationFailure.EquationFailed, "The range proof's verification equation does not hold.");
    }

    /// <summary>
    /// Verifies several range proofs over one group with a single multi-scalar multiplication (random
    /// weights from the OS CSPRNG). Valid only when every proof is; a failure names the first bad item.
    /// </summary>
    /// <exception cref="ArgumentException">A statement is not a <see cref="RangeStatement"/> or the parameters are not Bulletproofs' (misuse).</exception>
    public VerificationResult VerifyBatch(IReadOnlyList<SigmaBatchItem> items, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(items);
        var set = AsOwnParameters(parameters);
        var statements = new RangeStatement[items.Count];
        var maxN = 1;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentNullException(nameof(items), $"Batch item {i} is null.");
            statements[i] = AsStatement(item.Statement);
            if (statements[i].Group.Id != set.Group.Id)
            {
                return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"Item {i}: the statement is over {statements[i].Group.Name} but the parameters are for {set.Group.Name}.");
            }

            maxN = Math.Max(maxN, statements[i].Bits * statements[i].AggregatedCount);
        }

        if (items.Count == 0)
        {
            return VerificationResult.Valid;
        }

        var msm = RangeProofProtocol.NewAccumulator(set.Group, maxN);
        for (var i = 0; i < items.Count; i++)
        {
            using var transcript = ProofTranscript.Begin(Id, set, statements[i], items[i].Context.Span);
            var error = RangeProofProtocol.TryAccumulate(transcript, set.Group, statements[i].Bits, statements[i].ProvenCommitments(), items[i].Proof.Span, msm, maxN);
            if (error is not null)
            {
                return VerificationResult.Invalid(VerificationFailure.MalformedProof, $"Item {i}: {error}");
            }
        }

        if (msm.IsIdentity())
        {
            return VerificationResult.Valid;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var single = Verify(statements[i], items[i].Proof.Span, set, items[i].Context.Span);
            if (!single.IsValid)
            {
                return VerificationResult.Invalid(single.Failure, $"Item {i}: {single.Reason}");
            }
        }

        return VerificationResult.Invalid(VerificationFailure.EquationFailed, "The batch equation does not hold.");
    }

    /// <summary>
    /// Proves that the value committed in <paramref name="commitment"/> = value·G + blinding·H lies in
    /// [<paramref name="min"/>, <paramref name="max"/>]; returns the statement to verify against and the proof.
    /// </summary>
    /// <exception cref="ArgumentException">min &gt; max, unsupported bits, or values of the wrong group.</exception>
    /// <exception cref="NexusZeroException">The value lies outside [min, max], a difference does not fit in <paramref name="bits"/> bits, or the commitment does not open to (value, blinding) (<see cref="NexusZeroErrorKind.ValidationFailed"/>).</exception>
    public (RangeStatement Statement, byte[] Proof) ProveRange(GroupElement commitment, ulong value, GroupScalar blinding, ulong min, ulong max, int bits = 64, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(blinding);
        var group = commitment.Group;
        var statement = RangeStatement.ForBounds(group, commitment, min, max, bits);
        using var witness = new RangeWitness(value, blinding);
        return (statement, Prove(statement, witness, ParametersFor(group), context));
    }

    /// <summary>The values and blindings behind the proven commitments V₁..V_m, after checking the witness.</summary>
    private static (ulong[] Values, GroupScalar[] Blindings) ProvenOpenings(RangeStatement statement, RangeWitness witness)
    {
        var group = statement.Group;
        var values = witness.Values;
        var blindings = witness.Blindings;
        if (values.Length != statement.Commitments.Count)
        {
            throw new ArgumentException($"The statement has {statement.Commitments.Count} commitment(s) but the witness {values.Length} value(s).", nameof(witness));
        }

        for (var j = 0; j < values.Length; j++)
        {
            if (blindings[j].Group.Id != group.Id)
            {
                throw new ArgumentException($"Blinding {j} belongs to {blindings[j].Group.Name}, not {group.Name}.", nameof(witness));
            }

            using var v = ConstantTimeGroupOps.ScalarFromUInt64(group, values[j]);
            if (!PedersenGenerators.Commit(v, blindings[j]).Equals(statement.Commitments[j]))
            {
                throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"Commitment {j} does not open to the given value and blinding.");
            }
        }

        if (statement.IsBounded)
        {
            var value = values[0];
            if (value < statement.Min || value > statement.Max)
            {
                throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"The committed value lies outside the range [{statement.Min}, {statement.Max}]; no range proof can be made.");
            }

            ulong[] differences = [value - statement.Min, statement.Max - value];
            RequireFits(differences, statement.Bits, "value − min or max − value");
            return (differences, [blindings[0].Add(group.ScalarZero), blindings[0].Negate()]);
        }

        var copy = values.ToArray();
        RequireFits(copy, statement.Bits, "a value");
        return (copy, [.. blindings.Select(b => b.Add(group.ScalarZero))]);
    }

    private static void RequireFits(ulong[] values, int bits, string what)
    {
        if (bits == 64)
        {
            return;
        }

        var overflow = 0UL;
        foreach (var v in values)
        {
            overflow |= v >> bits;
        }

        if (overflow != 0)
        {
            Array.Clear(values);
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"{char.ToUpperInvariant(what[0])}{what[1..]} does not fit in {bits} bits; no {bits}-bit range proof can be made.");
        }
    }

    private static RangeStatement AsStatement(Statement statement) =>
        statement as RangeStatement
        ?? throw new ArgumentException($"Bulletproofs proves a {nameof(RangeStatement)}, not {statement?.GetType().Name ?? "null"}.", nameof(statement));

    private GroupParameterSet AsOwnParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return IsOwn(parameters, out var set)
            ? set
            : throw new ArgumentException($"Parameter set {parameters.Id} ({parameters.Name}) is not a Bulletproofs parameter set.", nameof(parameters));
    }

    private bool IsOwn(ParameterSet parameters, [NotNullWhen(true)] out GroupParameterSet? set)
    {
        set = parameters as GroupParameterSet;
        return set is not null && _parameterSets.TryGetValue(set.Id, out var own) && own.Group.Id == set.Group.Id;
    }
}
