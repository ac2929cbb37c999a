using NexusZero.Proofs.Groth16;

namespace NexusZero.Proofs.Circuits;

/// <summary>
/// The Groth16 key pair of one preimage circuit (hash function and message length). Whoever made the keys
/// could forge proofs if they kept the setup's randomness, so the verifier decides which keys it trusts:
/// it pins <see cref="VerifyingKey"/> (or its digest) and hands the proving key to provers.
/// </summary>
public sealed class PreimageCircuitKeys
{
    private PreimageCircuitKeys(HashFunction hash, int length, Groth16ProvingKey provingKey)
    {
        Hash = hash;
        PreimageLength = length;
        ProvingKey = provingKey;
    }

    /// <summary>The hash function.</summary>
    public HashFunction Hash { get; }

    /// <summary>The preimage length in bytes the circuit fixes.</summary>
    public int PreimageLength { get; }

    /// <summary>The proving key.</summary>
    public Groth16ProvingKey ProvingKey { get; }

    /// <summary>The verifying key; its digest names the circuit in statements.</summary>
    public Groth16VerifyingKey VerifyingKey => ProvingKey.VerifyingKey;

    /// <summary>
    /// Keys from a setup with this machine's randomness (<see cref="Groth16DevelopmentSetup"/>, which wipes it):
    /// proofs under them convince the party that ran this, and those who trust it, nobody else. Use it where the
    /// verifier makes the keys (a service that verifies what its clients prove). Takes tens of seconds per
    /// length on a small machine (docs/benchmarks.md); <see cref="PreimageKeyCache"/> keeps them.
    /// </summary>
    /// <exception cref="ArgumentException">The hash function or the length is not supported.</exception>
    public static PreimageCircuitKeys CreateWithLocalSetup(HashFunction hash, int length) =>
        new(hash, length, Groth16DevelopmentSetup.CreateKeys(PreimageCircuit.ForSetup(hash, length)));

    /// <summary>The statement "a preimage of <paramref name="digest"/> of <see cref="PreimageLength"/> bytes", carrying the key.</summary>
    /// <exception cref="ArgumentException">The digest is not 32 bytes.</exception>
    public CircuitStatement Statement(ReadOnlySpan<byte> digest) => new(VerifyingKey, PreimageCircuit.DigestInputs(digest));
}
