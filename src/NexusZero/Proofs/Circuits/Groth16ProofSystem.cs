using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Proofs.Circuits;

/// <summary>
/// Groth16 over BN254 as a NexusZero proof system: envelopes of <see cref="CircuitStatement"/>s, verified only
/// against a verifying key the verifier pins (the statement object it passes, or keys registered with
/// <see cref="WithTrustedKeys"/>), never one the envelope could carry.
/// </summary>
/// <remarks>
/// <para>
/// Groth16 has no Fiat–Shamir transcript of its own, so the binding NexusZero's systems share is a public
/// input: the circuit's last public input is <see cref="ContextBinding"/>, a hash of the protocol label and
/// version, the system id, the parameter set, the whole statement and the caller's context. It appears in no
/// constraint, yet the setup's row for each public input ties it to the proof, so a proof made for one
/// context does not verify for another. Groth16 proofs can be re-randomized by anyone into another valid
/// proof of the same statement and context; they cannot be moved to other inputs (docs/security.md).
/// </para>
/// <para>The proof is 256 bytes: A (64), B (128), C (64), EIP-197 uncompressed; it is stored raw.</para>
/// </remarks>
public sealed class Groth16ProofSystem : IProofSystem
{
    private const string Label = "NexusZero/groth16-bn254/context/v1";
    private readonly Dictionary<string, Groth16VerifyingKey> _trusted;

    private Groth16ProofSystem(Dictionary<string, Groth16VerifyingKey> trusted) => _trusted = trusted;

    /// <summary>The system with no registered keys: it verifies only against the caller's statement's key.</summary>
    public static Groth16ProofSystem Instance { get; } = new([]);

    /// <inheritdoc />
    public ProofSystemId Id => ProofSystemId.Groth16Bn254;

    /// <inheritdoc />
    public string Name => "Groth16 (BN254)";

    /// <inheritdoc />
    public IReadOnlyList<StatementKind> SupportedStatements { get; } = [StatementKind.Circuit];

    /// <inheritdoc />
    public bool ProofsCompress => false;

    /// <summary>
    /// A system that also verifies envelopes without an expected statement, for circuits whose verifying key
    /// is one of <paramref name="keys"/> (register it with <see cref="ProofSystemRegistry.With"/>).
    /// </summary>
    public Groth16ProofSystem WithTrustedKeys(IEnumerable<Groth16VerifyingKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var trusted = new Dictionary<string, Groth16VerifyingKey>(_trusted);
        foreach (var key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(keys));
            trusted[Convert.ToHexString(key.Digest.Span)] = key;
        }

        return new Groth16ProofSystem(trusted);
    }

    /// <summary>
    /// The value of the circuit's last public input: SHA-256 over the label "NexusZero/groth16-bn254/context/v1",
    /// the system id, the parameter set, the statement and the context, each length-prefixed, truncated to its
    /// first 31 bytes (248 bits, below r, so no reduction). docs/formats.md, "Circuit proof".
    /// </summary>
    public static FieldElement ContextBinding(CircuitStatement statement, ReadOnlySpan<byte> context)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Part(ReadOnlySpan<byte> bytes)
        {
            Span<byte> length = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        Part(System.Text.Encoding.ASCII.GetBytes(Label));
        Span<byte> id = stackalloc byte[2];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(id, (ushort)ProofSystemId.Groth16Bn254);
        Part(id);
        Part(Groth16Parameters.Bn254.ToCanonicalBytes());
        Part(statement.ToCanonicalBytes());
        Part(context);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        Span<byte> element = stackalloc byte[32];
        digest[..31].CopyTo(element[1..]);
        return FieldElement.FromBigEndian(element);
    }

    /// <inheritdoc />
    public ParameterSet SelectDefaultParameters(Statement statement, int securityLevel)
    {
        if (securityLevel > Groth16Parameters.Bn254.SecurityBits)
        {
            throw new NexusZeroException(
                NexusZeroErrorKind.OptimizationFailed,
                $"Groth16 over BN254 offers {Groth16Parameters.Bn254.SecurityBits}-bit security; {securityLevel} bits were requested. Set ProtocolConfig.SecurityLevel to 100 to prove with it.");
        }

        return Groth16Parameters.Bn254;
    }

    /// <inheritdoc />
    public bool TryGetParameterSet(ushort id, [NotNullWhen(true)] out ParameterSet? parameters)
    {
        parameters = id == Groth16Parameters.Bn254.Id ? Groth16Parameters.Bn254 : null;
        return parameters is not null;
    }

    /// <inheritdoc />
    public int? ExpectedProofLength(Statement statement, ParameterSet parameters) => Groth16Proof.EncodedLength;

    /// <inheritdoc />
    public bool TryDecodeStatement(ReadOnlySpan<byte> encoded, ParameterSet parameters, [NotNullWhen(true)] out Statement? statement, [NotNullWhen(false)] out string? error)
    {
        var decoded = CircuitStatement.TryDecode(encoded, out var circuit, out error);
        statement = circuit;
        return decoded;
    }

    /// <inheritdoc />
    public byte[] Prove(Statement statement, Witness witness, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        var circuitStatement = statement as CircuitStatement ?? throw new ArgumentException($"{Name} proves circuit statements, not {statement?.Kind}.", nameof(statement));
        var circuitWitness = witness as CircuitWitness ?? throw new ArgumentException($"{Name} needs a {nameof(CircuitWitness)}.", nameof(witness));
        CheckParameters(parameters);
        var key = circuitWitness.ProvingKey;
        if (!key.VerifyingKey.Digest.Span.SequenceEqual(circuitStatement.KeyDigest.Span))
        {
            throw new ArgumentException("The statement names another verifying key than the witness's proving key.", nameof(statement));
        }

        if (circuitWitness.System.PublicCount != circuitStatement.PublicInputs.Count + 1)
        {
            throw new ArgumentException($"The circuit has {circuitWitness.System.PublicCount} public inputs (its own and the context binding input); the statement has {circuitStatement.PublicInputs.Count}.", nameof(statement));
        }

        for (var i = 0; i < circuitStatement.PublicInputs.Count; i++)
        {
            if (circuitWitness.PublicValue(i) != circuitStatement.PublicInputs[i])
            {
                throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"Public input {i} of the witness differs from the statement's.");
            }
        }

        var assignment = circuitWitness.AssignmentWithBinding(ContextBinding(circuitStatement, context));
        try
        {
            return Groth16Prover.Prove(key, circuitWitness.System, assignment).ToBytes();
        }
        finally
        {
            Array.Clear(assignment);
        }
    }

    /// <inheritdoc />
    public VerificationResult Verify(Statement statement, ReadOnlySpan<byte> proof, ParameterSet parameters, ReadOnlySpan<byte> context)
    {
        var circuitStatement = statement as CircuitStatement ?? throw new ArgumentException($"{Name} verifies circuit statements, not {statement?.Kind}.", nameof(statement));
        CheckParameters(parameters);
        var key = circuitStatement.Key;
        if (key is null && !_trusted.TryGetValue(Convert.ToHexString(circuitStatement.KeyDigest.Span), out key))
        {
            return VerificationResult.Invalid(
                VerificationFailure.KeyNotPinned,
                $"The envelope names verifying key {Convert.ToHexStringLower(circuitStatement.KeyDigest.Span)}, which this verifier was not given: pass the expected CircuitStatement built from the trusted key, or register the key with Groth16ProofSystem.WithTrustedKeys.");
        }

        if (!key.Digest.Span.SequenceEqual(circuitStatement.KeyDigest.Span))
        {
            return VerificationResult.Invalid(VerificationFailure.StatementMismatch, "The statement names another verifying key than the one supplied.");
        }

        if (key.PublicInputCount != circuitStatement.PublicInputs.Count + 1)
        {
            return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"The verifying key takes {key.PublicInputCount - 1} statement inputs, not {circuitStatement.PublicInputs.Count}.");
        }

        if (!Groth16Proof.TryDecode(proof, out var decoded, out var error))
        {
            return VerificationResult.Invalid(VerificationFailure.MalformedProof, error);
        }

        FieldElement[] inputs = [.. circuitStatement.PublicInputs, ContextBinding(circuitStatement, context)];
        return Groth16Verifier.Verify(key, inputs, decoded);
    }

    private static void CheckParameters(ParameterSet parameters)
    {
        if (!Groth16Parameters.Bn254.Equals(parameters))
        {
            throw new ArgumentException($"Groth16 proves with the BN254 parameter set, not {parameters?.Name}.", nameof(parameters));
        }
    }
}
