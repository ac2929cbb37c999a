using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using NexusZero.Groups;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// Non-interactive Schnorr proof of knowledge of x with X = x·G, over any <see cref="IPrimeOrderGroup"/>
/// (protocol notes: docs/formats.md, "Schnorr proof"). The proof is R ‖ s in canonical encodings,
/// with R = k·G, c from the transcript and s = k + c·x; the verifier checks s·G = R + c·X.
/// </summary>
/// <remarks>Stateless and safe to share across threads. One parameter set per group (<see cref="GroupParameterSet"/>).</remarks>
public sealed class SchnorrProofSystem : IProofSystem
{
    private static readonly ReadOnlyCollection<StatementKind> Kinds = Array.AsReadOnly([StatementKind.DiscreteLog]);

    private readonly FrozenDictionary<ushort, GroupParameterSet> _parameterSets;

    /// <summary>Creates the system over <paramref name="groups"/> (distinct group ids).</summary>
    /// <exception cref="ArgumentException">Two groups share an id.</exception>
    internal SchnorrProofSystem(IEnumerable<IPrimeOrderGroup> groups)
    {
        var sets = new Dictionary<ushort, GroupParameterSet>();
        foreach (var group in groups)
        {
            var set = new GroupParameterSet(group);
            if (!sets.TryAdd(set.Id, set))
            {
                throw new ArgumentException($"Two groups share the id {set.Id}.", nameof(groups));
            }
        }

        _parameterSets = sets.ToFrozenDictionary();
        ParameterSets = [.. _parameterSets.Values.OrderBy(s => s.Id)];
    }

    /// <summary>The system over every group NexusZero ships (every <see cref="GroupId"/> that <see cref="PrimeOrderGroups"/> resolves).</summary>
    public static SchnorrProofSystem Instance { get; } = new(ShippedGroups());

    /// <inheritdoc />
    public ProofSystemId Id => ProofSystemId.SchnorrDiscreteLog;

    /// <inheritdoc />
    public int? ExpectedProofLength(Statement statement, ParameterSet parameters) =>
        statement is DiscreteLogStatement dlog ? ProofLength(dlog.Group) : null;

    /// <inheritdoc />
    public bool ProofsCompress => false;

    /// <inheritdoc />
    public string Name => "Schnorr proof of knowledge of a discrete logarithm";

    /// <inheritdoc />
    public IReadOnlyList<StatementKind> SupportedStatements => Kinds;

    /// <summary>The parameter sets, one per group, ordered by id.</summary>
    public IReadOnlyList<GroupParameterSet> ParameterSets { get; }

    /// <summary>The length of a proof over <paramref name="group"/>: one element and one scalar.</summary>
    public static int ProofLength(IPrimeOrderGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.ElementLength + group.ScalarLength;
    }

    /// <summary>
    /// The parameter set of the statement's group. Every group here offers 128-bit security, so a higher
    /// level cannot be met.
    /// </summary>
    /// <exception cref="ArgumentException">The statement is not a <see cref="DiscreteLogStatement"/> over a group of this system.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="securityLevel"/> is not positive.</exception>
    /// <exception cref="NexusZeroException">The level exceeds the group's (<see cref="NexusZeroErrorKind.OptimizationFailed"/>).</exception>
    public ParameterSet SelectDefaultParameters(Statement statement, int securityLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(securityLevel);
        var parameters = ParametersFor(AsStatement(statement).Group);
        if (securityLevel > parameters.SecurityBits)
        {
            throw new NexusZeroException(
                NexusZeroErrorKind.OptimizationFailed,
                $"Schnorr over {parameters.Name} offers {parameters.SecurityBits}-bit security; {securityLevel} bits were requested.");
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
            error = $"Parameter set {parameters.Id} ({parameters.Name}) is not a Schnorr parameter set.";
            return false;
        }

        if (!DiscreteLogStatement.TryDecode(encoded, set.Group, out var decoded, out error))
        {
            return false;
        }

        statement = decoded;
        return true;
    }

    /// <inheritdoc />
    public byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context) =>
        Prove(statement, witness, parameters, context, random: null);

    /// <summary>As <see cref="Prove(Statement, Witness, ParameterSet, ReadOnlySpan{byte})"/> with an injectable randomness source (tests).</summary>
    internal byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context, RandomNumberGenerator? random)
    {
        var dlog = AsStatement(statement);
        var set = AsOwnParameters(parameters);
        if (witness is not DiscreteLogWitness dlogWitness)
        {
            throw new ArgumentException($"Schnorr needs a {nameof(DiscreteLogWitness)}, not {witness?.GetType().Name ?? "null"}.", nameof(witness));
        }

        var group = dlog.Group;
        if (set.Group.Id != group.Id || dlogWitness.Group.Id != group.Id)
        {
            throw new ArgumentException($"The statement, witness and parameters must all be over {group.Name}.", nameof(parameters));
        }

        var x = dlogWitness.Secret;
        if (!MultiplyGenerator(dlog, x).Equals(dlog.PublicValue))
        {
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, "The witness does not match the statement: x·G differs from the public value X.");
        }

        using var transcript = ProofTranscript.Begin(Id, set, dlog, context);
        using var k = DeriveNonce(transcript, dlogWitness, group, random);
        var proof = new byte[ProofLength(group)];
        var commitment = MultiplyGenerator(dlog, k);
        commitment.Encode(proof.AsSpan(0, group.ElementLength));

        using var c = Challenge(transcript, proof.AsSpan(0, group.ElementLength), group);
        using var cx = c * x;
        using var s = k + cx;
        s.Encode(proof.AsSpan(group.ElementLength));
        return proof;
    }

    /// <inheritdoc />
    public VerificationResult Verify(Statement statement, ReadOnlySpan<byte> proof, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        var dlog = AsStatement(statement);
        var set = AsOwnParameters(parameters);
        var group = dlog.Group;
        if (set.Group.Id != group.Id)
        {
            return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"The statement is over {group.Name} but the parameters are for {set.Group.Name}.");
        }

        var elementLength = group.ElementLength;
        if (proof.Length != ProofLength(group))
        {
            return VerificationResult.Invalid(VerificationFailure.MalformedProof, $"A Schnorr proof over {group.Name} is {ProofLength(group)} bytes, not {proof.Length}.");
        }

        if (!group.TryDecodeElement(proof[..elementLength], out var commitment))
        {
            return VerificationResult.Invalid(VerificationFailure.MalformedProof, "The commitment R is not a canonical group element.");
        }

        if (!group.TryDecodeScalar(proof[elementLength..], out var s))
        {
            return VerificationResult.Invalid(VerificationFailure.MalformedProof, "The response s is not a canonical scalar.");
        }

        // Verifier-only code: every value here is public, so the variable-time MSM is fine.
        using (s)
        {
            using var transcript = ProofTranscript.Begin(Id, set, dlog, context);
            using var c = Challenge(transcript, proof[..elementLength], group);
            using var minusC = c.Negate();
            var lhs = group.MultiScalarMultiplyVarTime([s, minusC], [dlog.Generator, dlog.PublicValue]);
            return lhs.Equals(commitment)
                ? VerificationResult.Valid
                : VerificationResult.Invalid(VerificationFailure.EquationFailed, "s·G − c·X differs from the commitment R.");
        }
    }

    /// <summary>The parameter set for <paramref name="group"/>.</summary>
    /// <exception cref="ArgumentException">This system does not support the group.</exception>
    public GroupParameterSet ParametersFor(IPrimeOrderGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return _parameterSets.TryGetValue((ushort)group.Id, out var set) && set.Group.Id == group.Id
            ? set
            : throw new ArgumentException($"Schnorr has no parameter set for group {group.Name}.", nameof(group));
    }

    private static IEnumerable<IPrimeOrderGroup> ShippedGroups()
    {
        foreach (var id in Enum.GetValues<GroupId>())
        {
            if (PrimeOrderGroups.TryGet(id, out var group))
            {
                yield return group;
            }
        }
    }

    private static GroupScalar DeriveNonce(Transcript transcript, DiscreteLogWitness witness, IPrimeOrderGroup group, RandomNumberGenerator? random)
    {
        Span<byte> secret = stackalloc byte[group.ScalarLength];
        Span<byte> wide = stackalloc byte[64];
        try
        {
            witness.WriteSecret(secret);
            using var rng = transcript.BuildRng().RekeyWithWitnessBytes("x"u8, secret).Finalize(random);
            rng.Fill(wide);
            return group.ScalarFromUniformBytes(wide);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(wide);
        }
    }

    private static GroupScalar Challenge(Transcript transcript, ReadOnlySpan<byte> commitment, IPrimeOrderGroup group)
    {
        transcript.AppendMessage("R"u8, commitment);
        Span<byte> wide = stackalloc byte[64];
        transcript.ChallengeBytes("c"u8, wide);
        return group.ScalarFromUniformBytes(wide);
    }

    private static GroupElement MultiplyGenerator(DiscreteLogStatement statement, GroupScalar secret) =>
        statement.UsesStandardGenerator ? statement.Group.MultiplyBase(secret) : statement.Generator.Multiply(secret);

    private static DiscreteLogStatement AsStatement(Statement statement) =>
        statement as DiscreteLogStatement
        ?? throw new ArgumentException($"Schnorr proves a {nameof(DiscreteLogStatement)}, not {statement?.GetType().Name ?? "null"}.", nameof(statement));

    private GroupParameterSet AsOwnParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return IsOwn(parameters, out var set)
            ? set
            : throw new ArgumentException($"Parameter set {parameters.Id} ({parameters.Name}) is not a Schnorr parameter set.", nameof(parameters));
    }

    private bool IsOwn(ParameterSet parameters, [NotNullWhen(true)] out GroupParameterSet? set)
    {
        set = parameters as GroupParameterSet;
        return set is not null && _parameterSets.TryGetValue(set.Id, out var own) && own.Group.Id == set.Group.Id;
    }
}
