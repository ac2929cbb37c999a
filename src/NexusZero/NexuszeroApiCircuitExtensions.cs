using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Pipeline;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero;

/// <summary>The circuit entry points of <see cref="NexuszeroApi"/> (Groth16 over BN254, or Ligero, post-quantum).</summary>
public static class NexuszeroApiCircuitExtensions
{
    /// <summary>
    /// Proves knowledge of <paramref name="preimage"/> with hash(preimage) = <paramref name="digest"/>: the digest
    /// and the length public, the preimage secret, bound to <paramref name="context"/>, through the pipeline
    /// (Groth16 over BN254, so the facade's <see cref="ProtocolConfig.SecurityLevel"/> must be 100). Verify with
    /// <c>api.Verify(envelope, keys.Statement(digest))</c>.
    /// </summary>
    /// <param name="api">The facade.</param>
    /// <param name="hash">The hash function: <see cref="HashFunction.Sha256"/> or <see cref="HashFunction.Sha3_256"/>.</param>
    /// <param name="digest">The 32-byte digest.</param>
    /// <param name="preimage">The secret message, at most <see cref="PreimageCircuit.MaxSha256PreimageLength"/> bytes for SHA-256, <see cref="PreimageCircuit.MaxSha3_256PreimageLength"/> for SHA3-256; not retained.</param>
    /// <param name="keys">The circuit's keys for this length, as the verifier trusts them (<see cref="PreimageKeyCache"/>).</param>
    /// <param name="context">Bytes the proof is bound to; verification uses the ones in the envelope.</param>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> or <paramref name="keys"/> is null.</exception>
    /// <exception cref="ArgumentException">The keys are for another hash or length, or the digest is not 32 bytes.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when the preimage does not hash to the digest; otherwise as <see cref="NexuszeroApi.Prove"/>.</exception>
    public static ProofResult ProvePreimage(this NexuszeroApi api, HashFunction hash, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> preimage, PreimageCircuitKeys keys, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Hash != hash || keys.PreimageLength != preimage.Length)
        {
            throw new ArgumentException($"The keys are for {keys.Hash} preimages of {keys.PreimageLength} bytes, not {hash} of {preimage.Length}.", nameof(keys));
        }

        var statement = keys.Statement(digest);
        var contextCopy = context.ToArray();
        return ProveBuiltPreimage(hash, digest, preimage, (system, assignment) =>
        {
            using var witness = new CircuitWitness(keys.ProvingKey, system, assignment);
            return api.Prove(new ProofRequest(Groth16ProofSystem.Instance, statement, witness, contextCopy));
        });
    }

    /// <summary>
    /// Proves that <paramref name="assignment"/> satisfies <paramref name="system"/> with the chosen backend, bound to
    /// <paramref name="context"/>, through the pipeline. Post-quantum: the statement is
    /// <c>new CircuitStatement(system, publicValues)</c> with every public value; Groth16: the circuit's last public input
    /// is the context binding input, the statement is <c>new CircuitStatement(key.VerifyingKey, publicValues[..^1])</c>,
    /// and <see cref="ProtocolConfig.SecurityLevel"/> must be 100. Verify with <c>api.Verify(bytes, expectedStatement)</c>.
    /// </summary>
    /// <param name="api">The facade.</param>
    /// <param name="system">The constraint system.</param>
    /// <param name="assignment">Every wire's value, the constant one first; copied, and the copy zeroed after proving.</param>
    /// <param name="backend">The proof system.</param>
    /// <param name="groth16Key">The proving key; required for <see cref="CircuitBackend.Groth16"/>, ignored otherwise.</param>
    /// <param name="context">Bytes the proof is bound to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="api"/>, <paramref name="system"/> or <paramref name="assignment"/> is null.</exception>
    /// <exception cref="ArgumentException">The assignment has the wrong length, or Groth16 is chosen without a key.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when the assignment does not satisfy the circuit (the message names the constraint); otherwise as <see cref="NexuszeroApi.Prove"/>.</exception>
    public static ProofResult ProveCircuit(this NexuszeroApi api, ConstraintSystem system, IReadOnlyList<FieldElement> assignment, CircuitBackend backend, Groth16ProvingKey? groth16Key = null, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.Count != system.VariableCount)
        {
            throw new ArgumentException($"The assignment has {assignment.Count} values; the constraint system has {system.VariableCount} wires.", nameof(assignment));
        }

        var publics = assignment.Skip(1).Take(system.PublicCount).ToArray();
        if (backend == CircuitBackend.PostQuantum)
        {
            using var witness = new CircuitAssignment(system, assignment);
            return api.Prove(new ProofRequest(LigeroProofSystem.Instance, new CircuitStatement(system, publics), witness, context.ToArray()));
        }

        if (groth16Key is null)
        {
            throw new ArgumentException("Groth16 needs the circuit's proving key.", nameof(groth16Key));
        }

        using var groth16Witness = new CircuitWitness(groth16Key, system, assignment);
        return api.Prove(new ProofRequest(Groth16ProofSystem.Instance, new CircuitStatement(groth16Key.VerifyingKey, publics[..^1]), groth16Witness, context.ToArray()));
    }

    /// <summary>
    /// Proves knowledge of <paramref name="preimage"/> with hash(preimage) = <paramref name="digest"/> with the
    /// post-quantum backend (Ligero; no keys, no setup): the digest and the length public, the preimage secret, bound to
    /// <paramref name="context"/>. Verify with <c>api.Verify(envelope, PostQuantumPreimage.Statement(hash, length, digest))</c>.
    /// For Groth16 use the overload that takes <see cref="PreimageCircuitKeys"/>.
    /// </summary>
    /// <param name="api">The facade.</param>
    /// <param name="hash">The hash function: <see cref="HashFunction.Sha256"/> or <see cref="HashFunction.Sha3_256"/>.</param>
    /// <param name="digest">The 32-byte digest.</param>
    /// <param name="preimage">The secret message, at most <see cref="PreimageCircuit.MaxSha256PreimageLength"/> bytes for SHA-256, <see cref="PreimageCircuit.MaxSha3_256PreimageLength"/> for SHA3-256; not retained.</param>
    /// <param name="backend">Must be <see cref="CircuitBackend.PostQuantum"/>.</param>
    /// <param name="context">Bytes the proof is bound to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> is null.</exception>
    /// <exception cref="ArgumentException">The backend is not post-quantum, the hash or length is unsupported, or the digest is not 32 bytes.</exception>
    /// <exception cref="NexusZeroException"><see cref="NexusZeroErrorKind.ValidationFailed"/> when the preimage does not hash to the digest; otherwise as <see cref="NexuszeroApi.Prove"/>.</exception>
    public static ProofResult ProvePreimage(this NexuszeroApi api, HashFunction hash, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> preimage, CircuitBackend backend, ReadOnlySpan<byte> context = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (backend != CircuitBackend.PostQuantum)
        {
            throw new ArgumentException("Groth16 preimage proofs need the circuit's keys: use the overload that takes PreimageCircuitKeys.", nameof(backend));
        }

        PreimageCircuit.CheckSupported(hash, preimage.Length);
        if (digest.Length != 32)
        {
            throw new ArgumentException($"A {hash} digest is 32 bytes, not {digest.Length}.", nameof(digest));
        }

        var contextCopy = context.ToArray();
        return ProveBuiltPreimage(hash, digest, preimage, (system, assignment) =>
        {
            using var witness = new CircuitAssignment(system, assignment);
            var statement = new CircuitStatement(system, assignment[1..(1 + system.PublicCount)]);
            return api.Prove(new ProofRequest(LigeroProofSystem.Instance, statement, witness, contextCopy));
        });
    }

    /// <summary>
    /// Checks the preimage against the digest, builds the preimage circuit's witness from a copy of it and hands the
    /// assignment to <paramref name="prove"/>; the copy and the assignment are zeroed afterwards, whatever happens.
    /// </summary>
    private static ProofResult ProveBuiltPreimage(HashFunction hash, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> preimage, Func<ConstraintSystem, FieldElement[], ProofResult> prove)
    {
        Span<byte> actual = stackalloc byte[32];
        PreimageCircuit.Hash(hash, preimage, actual);
        if (!CryptographicOperations.FixedTimeEquals(actual, digest))
        {
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, "The preimage does not hash to the digest.");
        }

        var secret = preimage.ToArray();
        try
        {
            var circuit = PreimageCircuit.Build(CircuitBuilder.ForProving(), hash, secret.Length, secret, digest);
            var assignment = circuit.CopyWitness();
            circuit.ClearWitness();
            try
            {
                return prove(circuit.System, assignment);
            }
            finally
            {
                Array.Clear(assignment);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
