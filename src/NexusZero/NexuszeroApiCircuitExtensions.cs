using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Pipeline;
using NexusZero.Proofs.Circuits;

namespace NexusZero;

/// <summary>The circuit entry points of <see cref="NexuszeroApi"/> (Groth16 over BN254).</summary>
public static class NexuszeroApiCircuitExtensions
{
    /// <summary>
    /// Proves knowledge of <paramref name="preimage"/> with hash(preimage) = <paramref name="digest"/>: the digest
    /// and the length public, the preimage secret, bound to <paramref name="context"/>, through the pipeline
    /// (Groth16 over BN254, so the facade's <see cref="ProtocolConfig.SecurityLevel"/> must be 100). Verify with
    /// <c>api.Verify(envelope, keys.Statement(digest))</c>.
    /// </summary>
    /// <param name="api">The facade.</param>
    /// <param name="hash">The hash function: <see cref="HashFunction.Sha256"/>.</param>
    /// <param name="digest">The 32-byte digest.</param>
    /// <param name="preimage">The secret message, at most <see cref="PreimageCircuit.MaxSha256PreimageLength"/> bytes; not retained.</param>
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
        Span<byte> actual = stackalloc byte[32];
        SHA256.HashData(preimage, actual);
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
                using var witness = new CircuitWitness(keys.ProvingKey, circuit.System, assignment);
                return api.Prove(new ProofRequest(Groth16ProofSystem.Instance, statement, witness, context.ToArray()));
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
