namespace NexusZero.Proofs.Circuits;

/// <summary>
/// Hash-preimage statements for the post-quantum backend: the same circuit as <see cref="PreimageCircuit"/> (digest
/// halves public, then its context input, which Ligero leaves at zero because its transcript binds the context), named
/// by its R1CS digest instead of a verifying key. No setup: the verifier rebuilds the circuit from the hash and length.
/// </summary>
public static class PostQuantumPreimage
{
    /// <summary>The statement a verifier passes to <c>Verify(envelope, expected)</c>.</summary>
    /// <param name="hash">The hash function: <see cref="HashFunction.Sha256"/> or <see cref="HashFunction.Sha3_256"/>.</param>
    /// <param name="length">The preimage length in bytes, at most <see cref="PreimageCircuit.MaxSha256PreimageLength"/> for SHA-256 and <see cref="PreimageCircuit.MaxSha3_256PreimageLength"/> for SHA3-256.</param>
    /// <param name="digest">The 32-byte digest.</param>
    /// <exception cref="ArgumentException">The hash or length is unsupported, or the digest is not 32 bytes.</exception>
    public static CircuitStatement Statement(HashFunction hash, int length, ReadOnlySpan<byte> digest)
    {
        var system = PreimageCircuit.ForSetup(hash, length);
        var inputs = PreimageCircuit.DigestInputs(digest);
        return new CircuitStatement(system, [inputs[0], inputs[1], NexusZero.Circuits.FieldElement.Zero]);
    }
}
