using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Proofs.Circuits;

/// <summary>
/// "The circuit whose verifying key has this digest is satisfied for these public inputs." The statement names
/// the key only by its SHA-256 digest; the key itself is trust-critical and comes from the verifier: build the
/// expected statement with <see cref="CircuitStatement(Groth16VerifyingKey, IReadOnlyList{FieldElement})"/> and
/// pass it to <c>Verify(envelope, expected)</c>. A statement decoded from an envelope carries no key and
/// verifies only against a key registered with <see cref="Groth16ProofSystem.WithTrustedKeys"/>.
/// </summary>
/// <remarks>
/// Canonical encoding (docs/formats.md, "Circuit statement"): the 32-byte key digest, the count of public
/// inputs as u32 big-endian, then each input as a canonical 32-byte big-endian element of BN254's Fr. The
/// inputs are the circuit's own; the context binding input the proof system appends is not part of them.
/// </remarks>
public sealed class CircuitStatement : Statement
{
    /// <summary>The digest's length: SHA-256.</summary>
    public const int DigestLength = 32;

    private readonly byte[] _digest;
    private readonly FieldElement[] _publicInputs;

    /// <summary>The statement for <paramref name="key"/>, carrying the key so that verification uses it.</summary>
    /// <param name="key">The verifying key the verifier trusts.</param>
    /// <param name="publicInputs">The circuit's public inputs, outputs first, without the context binding input.</param>
    /// <exception cref="ArgumentException">The key does not take this many inputs plus the binding input.</exception>
    public CircuitStatement(Groth16VerifyingKey key, IReadOnlyList<FieldElement> publicInputs)
        : this(CheckedDigest(key), publicInputs)
    {
        if (key.PublicInputCount != publicInputs.Count + 1)
        {
            throw new ArgumentException($"The verifying key takes {key.PublicInputCount} public inputs: the circuit's own plus the context binding input, so {key.PublicInputCount - 1} statement inputs, not {publicInputs.Count}.", nameof(publicInputs));
        }

        Key = key;
    }

    /// <summary>
    /// The statement for <paramref name="circuit"/> itself, for the post-quantum backend (<see cref="LigeroProofSystem"/>):
    /// the digest is the circuit's R1CS digest (<see cref="ConstraintSystem.ComputeDigest"/>) and the inputs are all of its
    /// public values, outputs first (the Ligero transcript binds the context, so no wire is set aside for it). The circuit
    /// is trust-critical like a verifying key: verification uses the one carried here.
    /// </summary>
    /// <param name="circuit">The constraint system the verifier trusts.</param>
    /// <param name="publicInputs">Its <see cref="ConstraintSystem.PublicCount"/> public values, outputs first.</param>
    /// <exception cref="ArgumentException">The count differs from the circuit's public values.</exception>
    public CircuitStatement(ConstraintSystem circuit, IReadOnlyList<FieldElement> publicInputs)
        : this(CheckedDigest(circuit), publicInputs)
    {
        if (circuit.PublicCount != publicInputs.Count)
        {
            throw new ArgumentException($"The circuit has {circuit.PublicCount} public values, not {publicInputs.Count}.", nameof(publicInputs));
        }

        Circuit = circuit;
    }

    private CircuitStatement(byte[] digest, IReadOnlyList<FieldElement> publicInputs)
    {
        ArgumentNullException.ThrowIfNull(publicInputs);
        if (publicInputs.Count >= Groth16VerifyingKey.MaxPublicInputs)
        {
            throw new ArgumentException($"A circuit statement has at most {Groth16VerifyingKey.MaxPublicInputs - 1} public inputs, not {publicInputs.Count}.", nameof(publicInputs));
        }

        _digest = digest;
        _publicInputs = [.. publicInputs];
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.Circuit;

    /// <summary>SHA-256 of the verifying key's canonical encoding (Groth16), or the circuit's R1CS digest (post-quantum backend).</summary>
    public ReadOnlyMemory<byte> KeyDigest => _digest;

    /// <summary>The circuit's public inputs (outputs first), without the context binding input.</summary>
    public IReadOnlyList<FieldElement> PublicInputs => _publicInputs;

    /// <summary>The verifying key, when the caller supplied it; null for a statement decoded from bytes.</summary>
    public Groth16VerifyingKey? Key { get; }

    /// <summary>The constraint system, when the caller built the statement from it (post-quantum backend); null otherwise.</summary>
    public ConstraintSystem? Circuit { get; }

    /// <inheritdoc />
    public override byte[] ToCanonicalBytes()
    {
        var bytes = new byte[DigestLength + 4 + (FieldElement.ByteLength * _publicInputs.Length)];
        _digest.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(DigestLength), (uint)_publicInputs.Length);
        for (var i = 0; i < _publicInputs.Length; i++)
        {
            _publicInputs[i].WriteBigEndian(bytes.AsSpan(DigestLength + 4 + (i * FieldElement.ByteLength), FieldElement.ByteLength));
        }

        return bytes;
    }

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues()
    {
        var values = new List<KeyValuePair<string, string>> { new("verifyingKeyDigest", Convert.ToHexStringLower(_digest)) };
        for (var i = 0; i < _publicInputs.Length; i++)
        {
            values.Add(new($"public{i}", _publicInputs[i].ToHexString()));
        }

        return values;
    }

    /// <summary>Strictly decodes the canonical encoding: exact length, canonical field elements.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out CircuitStatement? statement, [NotNullWhen(false)] out string? error)
    {
        statement = null;
        if (encoded.Length < DigestLength + 4)
        {
            error = $"A circuit statement is at least {DigestLength + 4} bytes (key digest and input count), not {encoded.Length}.";
            return false;
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(encoded[DigestLength..]);
        if (count >= Groth16VerifyingKey.MaxPublicInputs)
        {
            error = $"The statement declares {count} public inputs; at most {Groth16VerifyingKey.MaxPublicInputs - 1} are allowed.";
            return false;
        }

        var expected = DigestLength + 4 + ((long)count * FieldElement.ByteLength);
        if (encoded.Length != expected)
        {
            error = $"A circuit statement with {count} public inputs is {expected} bytes, not {encoded.Length}.";
            return false;
        }

        var inputs = new FieldElement[count];
        for (var i = 0; i < inputs.Length; i++)
        {
            if (!FieldElement.TryFromBigEndian(encoded.Slice(DigestLength + 4 + (i * FieldElement.ByteLength), FieldElement.ByteLength), out inputs[i]))
            {
                error = $"Public input {i} is not a canonical element of the scalar field (it must be below r).";
                return false;
            }
        }

        statement = new CircuitStatement(encoded[..DigestLength].ToArray(), inputs);
        error = null;
        return true;
    }

    private static byte[] CheckedDigest(ConstraintSystem circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        return circuit.ComputeDigest();
    }

    private static byte[] CheckedDigest(Groth16VerifyingKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Digest.ToArray();
    }
}
