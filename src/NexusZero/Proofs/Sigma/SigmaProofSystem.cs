using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// Base of the classical sigma proof systems (DLEQ, Pedersen opening, linear relations, AND/OR
/// composition): one <see cref="GroupParameterSet"/> per shipped group, the shared prover, and single
/// and batch verification. Each derived system only names its id, statement kind and decoder.
/// </summary>
/// <remarks>Stateless and safe to share across threads. Layouts and transcripts: docs/formats.md (Classical).</remarks>
public abstract class SigmaProofSystem : IProofSystem
{
    private readonly SigmaProofSystemCore _core;
    private readonly ReadOnlyCollection<StatementKind> _kinds;

    private protected SigmaProofSystem(ProofSystemId id, string name, StatementKind kind, Type statementType, SigmaStatementDecoder decoder)
    {
        _core = new SigmaProofSystemCore(id, name, statementType, decoder);
        _kinds = Array.AsReadOnly([kind]);
    }

    /// <inheritdoc />
    public ProofSystemId Id => _core.Id;

    /// <inheritdoc />
    public int? ExpectedProofLength(Statement statement, ParameterSet parameters) =>
        statement is SigmaStatement ? SigmaRelations.Node(statement).ProofLength : null;

    /// <inheritdoc />
    public bool ProofsCompress => false;

    /// <inheritdoc />
    public string Name => _core.Name;

    /// <inheritdoc />
    public IReadOnlyList<StatementKind> SupportedStatements => _kinds;

    /// <summary>The parameter set for <paramref name="group"/>.</summary>
    /// <exception cref="ArgumentException">This system does not support the group.</exception>
    public GroupParameterSet ParametersFor(IPrimeOrderGroup group) => _core.ParametersFor(group);

    /// <inheritdoc />
    public ParameterSet SelectDefaultParameters(Statement statement, int securityLevel) => _core.SelectDefaultParameters(statement, securityLevel);

    /// <inheritdoc />
    public bool TryGetParameterSet(ushort id, [NotNullWhen(true)] out ParameterSet? parameters) => _core.TryGetParameterSet(id, out parameters);

    /// <inheritdoc />
    public bool TryDecodeStatement(ReadOnlySpan<byte> encoded, ParameterSet parameters, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error) =>
        _core.TryDecodeStatement(encoded, parameters, out statement, out error);

    /// <inheritdoc />
    public byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context) =>
        _core.Prove(statement, witness, parameters, context);

    /// <inheritdoc />
    public VerificationResult Verify(Statement statement, ReadOnlySpan<byte> proof, ParameterSet parameters, ReadOnlySpan<byte> context) =>
        _core.Verify(statement, proof, parameters, context);

    /// <summary>
    /// Verifies many proofs of this kind at once with a random linear combination and one multi-scalar
    /// multiplication; valid only when every proof is. A failure names the first bad item.
    /// </summary>
    /// <exception cref="ArgumentException">A statement or the parameters are of the wrong kind (misuse).</exception>
    public VerificationResult VerifyBatch(IReadOnlyList<SigmaBatchItem> items, ParameterSet parameters) => _core.VerifyBatch(items, parameters);
}
