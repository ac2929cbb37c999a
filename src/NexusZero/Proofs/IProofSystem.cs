using System.Diagnostics.CodeAnalysis;

namespace NexusZero.Proofs;

/// <summary>
/// A non-interactive proof system. Implementations are stateless and safe to share across threads.
/// </summary>
/// <remarks>
/// Every implementation binds, through its Fiat–Shamir transcript, the protocol label and version,
/// <see cref="Id"/>, the parameter set, the whole canonical statement and the caller's context.
/// <see cref="Verify"/> never throws for an invalid or malformed proof: it returns a result saying why.
/// </remarks>
public interface IProofSystem
{
    /// <summary>The stable id written into envelopes.</summary>
    ProofSystemId Id { get; }

    /// <summary>A human-readable name.</summary>
    string Name { get; }

    /// <summary>The statement kinds this system proves.</summary>
    IReadOnlyList<StatementKind> SupportedStatements { get; }

    /// <summary>
    /// This system's own rule for choosing parameters for <paramref name="statement"/> at
    /// <paramref name="securityLevel"/> bits; the heuristic optimizer and the pipeline's fallback use it.
    /// </summary>
    /// <exception cref="NexusZeroException">No parameter set of this system reaches the level for this statement (<see cref="NexusZeroErrorKind.OptimizationFailed"/>).</exception>
    ParameterSet SelectDefaultParameters(Statement statement, int securityLevel);

    /// <summary>Looks up one of this system's parameter sets by its envelope id.</summary>
    bool TryGetParameterSet(ushort id, [NotNullWhen(true)] out ParameterSet? parameters);

    /// <summary>
    /// Why <see cref="TryGetParameterSet"/> refuses <paramref name="id"/>, for the verification result: a
    /// system whose id space expresses sets it refuses (too weak, not on its closed list) names the set and
    /// its security here.
    /// </summary>
    string DescribeRefusedParameterSet(ushort id) => $"{Name} has no parameter set with id {id}.";

    /// <summary>
    /// The exact length of every proof of <paramref name="statement"/> under <paramref name="parameters"/>, or
    /// null when this system's proofs vary in length. The verifier refuses an envelope that declares another
    /// length before it decompresses anything, so a hostile payload costs at most this many bytes of work.
    /// </summary>
    int? ExpectedProofLength(Statement statement, ParameterSet parameters) => null;

    /// <summary>
    /// Whether this system's proofs can shrink under compression. When false (every built-in system: its
    /// proofs are uniformly random scalars, points, hashes and masked coefficients) the pipeline stores them
    /// raw without trying a codec, and the verifier accepts only <see cref="Compression.CompressionCodecId.None"/>
    /// for them, so each proof has exactly one envelope encoding.
    /// </summary>
    bool ProofsCompress => true;

    /// <summary>
    /// Strictly decodes a statement's canonical encoding; false with an explanation for any
    /// non-canonical or invalid encoding.
    /// </summary>
    bool TryDecodeStatement(ReadOnlySpan<byte> encoded, ParameterSet parameters, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error);

    /// <summary>Produces a proof of <paramref name="statement"/> using <paramref name="witness"/>.</summary>
    /// <exception cref="ArgumentException">The statement, witness or parameters are of the wrong kind.</exception>
    /// <exception cref="NexusZeroException">The witness does not satisfy the statement (<see cref="NexusZeroErrorKind.ValidationFailed"/>), or proving failed.</exception>
    byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context);

    /// <summary>Verifies <paramref name="proof"/> for <paramref name="statement"/>; never throws for a bad proof.</summary>
    /// <exception cref="ArgumentException">The statement or parameters are of the wrong kind (misuse).</exception>
    VerificationResult Verify(Statement statement, ReadOnlySpan<byte> proof, ParameterSet parameters, ReadOnlySpan<byte> context);
}
