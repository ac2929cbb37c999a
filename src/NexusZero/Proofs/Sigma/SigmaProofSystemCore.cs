using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>Strict decoder of one statement kind for a group.</summary>
internal delegate bool SigmaStatementDecoder(ReadOnlySpan<byte> encoded, IPrimeOrderGroup group, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error);

/// <summary>
/// What every classical sigma proof system shares: one <see cref="GroupParameterSet"/> per shipped
/// group, ProofTranscript binding, the composition-tree prover, and single and batch verification
/// through one multi-scalar multiplication with random weights.
/// </summary>
internal sealed class SigmaProofSystemCore
{
    private readonly FrozenDictionary<ushort, GroupParameterSet> _parameterSets;
    private readonly SigmaStatementDecoder _decoder;
    private readonly Type _statementType;

    public SigmaProofSystemCore(ProofSystemId id, string name, Type statementType, SigmaStatementDecoder decoder)
    {
        Id = id;
        Name = name;
        _statementType = statementType;
        _decoder = decoder;
        _parameterSets = SigmaGroups.Shipped.Select(g => new GroupParameterSet(g)).ToFrozenDictionary(s => s.Id);
    }

    public ProofSystemId Id { get; }

    public string Name { get; }

    public ParameterSet SelectDefaultParameters(Statement statement, int securityLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(securityLevel);
        var parameters = ParametersFor(AsStatement(statement).Group);
        if (securityLevel > parameters.SecurityBits)
        {
            throw new NexusZeroException(
                NexusZeroErrorKind.OptimizationFailed,
                $"{Name} over {parameters.Name} offers {parameters.SecurityBits}-bit security; {securityLevel} bits were requested.");
        }

        return parameters;
    }

    public bool TryGetParameterSet(ushort id, [NotNullWhen(true)] out ParameterSet? parameters)
    {
        parameters = _parameterSets.GetValueOrDefault(id);
        return parameters is not null;
    }

    public GroupParameterSet ParametersFor(IPrimeOrderGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return _parameterSets.TryGetValue((ushort)group.Id, out var set)
            ? set
            : throw new ArgumentException($"{Name} has no parameter set for group {group.Name}.", nameof(group));
    }

    public bool TryDecodeStatement(ReadOnlySpan<byte> encoded, ParameterSet parameters, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        statement = null;
        if (!IsOwn(parameters, out var set))
        {
            error = $"Parameter set {parameters.Id} ({parameters.Name}) is not a {Name} parameter set.";
            return false;
        }

        return _decoder(encoded, set.Group, out statement, out error);
    }

    public byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        var sigma = AsStatement(statement);
        var set = AsOwnParameters(parameters);
        ArgumentNullException.ThrowIfNull(witness);
        RequireSameGroup(sigma, set);

        var root = SigmaRelations.Node(sigma);
        var leafWitnesses = new List<GroupScalar[]?>();
        SigmaRelations.LeafWitnesses(sigma, witness, leafWitnesses);
        using var transcript = ProofTranscript.Begin(Id, set, sigma, context);
        return SigmaTreeProver.Prove(transcript, set.Group, root, leafWitnesses);
    }

    public VerificationResult Verify(Statement statement, ReadOnlySpan<byte> proof, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        var sigma = AsStatement(statement);
        var set = AsOwnParameters(parameters);
        if (set.Group.Id != StatementGroup(sigma).Id)
        {
            return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"The statement is over {StatementGroup(sigma).Name} but the parameters are for {set.Group.Name}.");
        }

        var msm = NewAccumulator(set.Group);
        var failure = TryAccumulate(sigma, proof, set, context, msm);
        if (failure is not null)
        {
            return failure;
        }

        return msm.IsIdentity()
            ? VerificationResult.Valid
            : VerificationResult.Invalid(VerificationFailure.EquationFailed, $"The {Name} verification equation does not hold.");
    }

    /// <summary>
    /// Verifies every item with one MSM (random weights from the OS CSPRNG). On failure, names the first
    /// failing item by verifying the items one by one.
    /// </summary>
    public VerificationResult VerifyBatch(IReadOnlyList<SigmaBatchItem> items, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(items);
        var set = AsOwnParameters(parameters);
        if (items.Count == 0)
        {
            return VerificationResult.Valid;
        }

        var msm = NewAccumulator(set.Group);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentNullException(nameof(items), $"Batch item {i} is null.");
            var sigma = AsStatement(item.Statement);
            if (set.Group.Id != StatementGroup(sigma).Id)
            {
                return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"Item {i}: the statement is over {StatementGroup(sigma).Name} but the parameters are for {set.Group.Name}.");
            }

            var failure = TryAccumulate(sigma, item.Proof.Span, set, item.Context.Span, msm);
            if (failure is not null)
            {
                return VerificationResult.Invalid(failure.Failure, $"Item {i}: {failure.Reason}");
            }
        }

        if (msm.IsIdentity())
        {
            return VerificationResult.Valid;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var single = Verify(items[i].Statement, items[i].Proof.Span, set, items[i].Context.Span);
            if (!single.IsValid)
            {
                return VerificationResult.Invalid(single.Failure, $"Item {i}: {single.Reason}");
            }
        }

        return VerificationResult.Invalid(VerificationFailure.EquationFailed, "The batch equation does not hold.");
    }

    private VerificationResult? TryAccumulate(Statement statement, ReadOnlySpan<byte> proof, GroupParameterSet set, ReadOnlySpan<byte> context, MsmAccumulator msm)
    {
        var root = SigmaRelations.Node(statement);
        if (!SigmaTreeVerifier.TryParse(root, set.Group, proof, out var parsed, out var error))
        {
            return VerificationResult.Invalid(VerificationFailure.MalformedProof, error!);
        }

        using var transcript = ProofTranscript.Begin(Id, set, statement, context);
        SigmaTreeVerifier.Accumulate(transcript, set.Group, parsed!, msm);
        return null;
    }

    private static MsmAccumulator NewAccumulator(IPrimeOrderGroup group) =>
        new(group, group.Generator, PedersenGenerators.BlindingBase(group));

    private static IPrimeOrderGroup StatementGroup(Statement statement) => statement switch
    {
        SigmaStatement s => s.Group,
        DiscreteLogStatement d => d.Group,
        _ => throw new ArgumentException($"{statement.GetType().Name} is not a sigma statement.", nameof(statement)),
    };

    private static void RequireSameGroup(Statement statement, GroupParameterSet set)
    {
        if (StatementGroup(statement).Id != set.Group.Id)
        {
            throw new ArgumentException($"The statement is over {StatementGroup(statement).Name} but the parameters are for {set.Group.Name}.", nameof(statement));
        }
    }

    private SigmaStatement AsStatement(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement.GetType() == _statementType
            ? (SigmaStatement)statement
            : throw new ArgumentException($"{Name} proves a {_statementType.Name}, not a {statement.GetType().Name}.", nameof(statement));
    }

    private GroupParameterSet AsOwnParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return IsOwn(parameters, out var set)
            ? set
            : throw new ArgumentException($"Parameter set {parameters.Id} ({parameters.Name}) is not a {Name} parameter set.", nameof(parameters));
    }

    private bool IsOwn(ParameterSet parameters, [NotNullWhen(true)] out GroupParameterSet? set)
    {
        set = parameters as GroupParameterSet;
        return set is not null && _parameterSets.TryGetValue(set.Id, out var own) && own.Group.Id == set.Group.Id;
    }
}
