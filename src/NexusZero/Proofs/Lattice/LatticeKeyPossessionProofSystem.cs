using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using NexusZero.Diagnostics;
using NexusZero.Lattices;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// Proof of possession of an ML-DSA secret key: an ML-DSA signature, under the statement's public key
/// and the fixed context string "NexusZero/LatticeKeyPossession/v1", over a 64-byte challenge drawn
/// from the proof transcript (which binds the statement, parameters and the caller's context). A proof
/// made for one context is a signature on a different message for any other, so it cannot be replayed
/// there; why this relation and what it proves are in docs/security.md ("Lattice").
/// </summary>
public sealed class LatticeKeyPossessionProofSystem : IProofSystem, IProofFigureReporter
{
    /// <summary>The ML-DSA context string separating these signatures from any other use of the key.</summary>
    public static ReadOnlySpan<byte> SignatureContext => "NexusZero/LatticeKeyPossession/v1"u8;

    private static readonly ReadOnlyCollection<StatementKind> Kinds = Array.AsReadOnly([StatementKind.KeyPossession]);

    private LatticeKeyPossessionProofSystem()
    {
    }

    /// <summary>The shared instance.</summary>
    public static LatticeKeyPossessionProofSystem Instance { get; } = new();

    /// <inheritdoc />
    public ProofSystemId Id => ProofSystemId.LatticeKeyPossession;

    /// <inheritdoc />
    public int? ExpectedProofLength(Statement statement, ParameterSet parameters) =>
        parameters is KeyPossessionParameters set ? set.Scheme.SignatureSize : null;

    /// <inheritdoc />
    public bool ProofsCompress => false;

    /// <inheritdoc />
    public string Name => "ML-DSA key possession";

    /// <inheritdoc />
    public IReadOnlyList<StatementKind> SupportedStatements => Kinds;

    /// <summary>The key's own parameter set; fails when it is below the requested level.</summary>
    /// <exception cref="ArgumentException">The statement is not a <see cref="KeyPossessionStatement"/>.</exception>
    /// <exception cref="NexusZeroException">The key's scheme is below the level (<see cref="NexusZeroErrorKind.OptimizationFailed"/>).</exception>
    public ParameterSet SelectDefaultParameters(Statement statement, int securityLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(securityLevel);
        KeyPossessionParameters parameters = KeyPossessionParameters.For(AsStatement(statement).PublicKey.Algorithm);
        return securityLevel <= parameters.SecurityBits
            ? parameters
            : throw new NexusZeroException(NexusZeroErrorKind.OptimizationFailed, $"{parameters.Name} keys offer {parameters.SecurityBits}-bit security; {securityLevel} bits were requested.");
    }

    /// <inheritdoc />
    public bool TryGetParameterSet(ushort id, [NotNullWhen(true)] out ParameterSet? parameters)
    {
        parameters = KeyPossessionParameters.TryFromId(id, out KeyPossessionParameters? set) ? set : null;
        return parameters is not null;
    }

    /// <inheritdoc />
    public bool TryDecodeStatement(ReadOnlySpan<byte> encoded, ParameterSet parameters, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        statement = null;
        if (parameters is not KeyPossessionParameters set)
        {
            error = $"Parameter set {parameters.Id} ({parameters.Name}) is not a key-possession parameter set.";
            return false;
        }

        if (!KeyPossessionStatement.TryDecode(encoded, out KeyPossessionStatement? decoded, out error))
        {
            return false;
        }

        if (decoded.PublicKey.Algorithm != set.Scheme)
        {
            error = $"The statement holds an {decoded.PublicKey.Algorithm.Name} key but the parameters are {set.Name}.";
            return false;
        }

        statement = decoded;
        return true;
    }

    /// <inheritdoc />
    public byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        KeyPossessionStatement possession = AsStatement(statement);
        KeyPossessionParameters set = AsParameters(parameters);
        if (witness is not KeyPossessionWitness secret)
        {
            throw new ArgumentException($"Key possession needs a {nameof(KeyPossessionWitness)}, not {witness?.GetType().Name ?? "null"}.", nameof(witness));
        }

        if (possession.PublicKey.Algorithm != set.Scheme)
        {
            throw new ArgumentException($"The statement holds an {possession.PublicKey.Algorithm.Name} key but the parameters are {set.Name}.", nameof(parameters));
        }

        MLDsaPrivateKey key = secret.Key;
        if (key.Algorithm != set.Scheme || !CryptographicOperations.FixedTimeEquals(key.PublicKey.Encoded, possession.PublicKey.Encoded))
        {
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, "The secret key does not belong to the statement's public key.");
        }

        Span<byte> message = stackalloc byte[64];
        DeriveMessage(set, possession, context, message);
        return key.Sign(message, SignatureContext);
    }

    /// <inheritdoc />
    public VerificationResult Verify(Statement statement, ReadOnlySpan<byte> proof, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        KeyPossessionStatement possession = AsStatement(statement);
        KeyPossessionParameters set = AsParameters(parameters);
        if (possession.PublicKey.Algorithm != set.Scheme)
        {
            return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"The statement holds an {possession.PublicKey.Algorithm.Name} key but the parameters are {set.Name}.");
        }

        if (proof.Length != set.Scheme.SignatureSize)
        {
            return VerificationResult.Invalid(VerificationFailure.MalformedProof, $"An {set.Name} key-possession proof is {set.Scheme.SignatureSize} bytes, not {proof.Length}.");
        }

        Span<byte> message = stackalloc byte[64];
        DeriveMessage(set, possession, context, message);
        return possession.PublicKey.Verify(message, proof, SignatureContext)
            ? VerificationResult.Valid
            : VerificationResult.Invalid(VerificationFailure.EquationFailed, "The ML-DSA signature over the transcript challenge does not verify.");
    }

    /// <inheritdoc />
    public IReadOnlyList<MetricFigure> ReportFigures(Statement statement, ParameterSet parameters)
    {
        MLDsaParameters p = AsParameters(parameters).Scheme.Parameters;
        CoreSvpEstimate lwe = LatticeSecurityEstimator.ModuleLwePrimal(p.K, p.L, p.Eta);
        CoreSvpEstimate sis = LatticeSecurityEstimator.ModuleSisInfinity(p.K, p.K + p.L + 1, 2.0 * p.Gamma1);
        return
        [
            new("lattice.parameter_set_id", parameters.Id),
            new("lattice.expected_repetitions", ExpectedRepetitions(p)),
            new("lattice.security.mlwe_block_size", lwe.BlockSize),
            new("lattice.security.mlwe_classical", lwe.ClassicalBits, "bits"),
            new("lattice.security.mlwe_quantum", lwe.QuantumBits, "bits"),
            new("lattice.security.msis_classical", sis.ClassicalBits, "bits"),
            new("lattice.security.msis_quantum", sis.QuantumBits, "bits"),
        ];
    }

    /// <summary>
    /// The expected signing iterations of FIPS 204 / Dilithium (its Equation (5) estimate):
    /// exp(256·β·(l/γ1 + k/γ2)).
    /// </summary>
    internal static double ExpectedRepetitions(MLDsaParameters p) =>
        Math.Exp(Polynomial.N * p.Beta * (((double)p.L / p.Gamma1) + ((double)p.K / p.Gamma2)));

    private void DeriveMessage(KeyPossessionParameters set, KeyPossessionStatement statement, ReadOnlySpan<byte> context, Span<byte> message)
    {
        using Transcript transcript = ProofTranscript.Begin(Id, set, statement, context);
        transcript.ChallengeBytes("key-possession-message"u8, message);
    }

    private static KeyPossessionStatement AsStatement(Statement statement) =>
        statement as KeyPossessionStatement
        ?? throw new ArgumentException($"This system proves a {nameof(KeyPossessionStatement)}, not {statement?.GetType().Name ?? "null"}.", nameof(statement));

    private static KeyPossessionParameters AsParameters(ParameterSet parameters) =>
        parameters as KeyPossessionParameters
        ?? throw new ArgumentException($"Parameter set {parameters?.Id} ({parameters?.Name}) is not a key-possession parameter set.", nameof(parameters));
}
