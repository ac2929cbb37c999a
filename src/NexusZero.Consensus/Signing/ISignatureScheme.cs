namespace NexusZero.Consensus.Signing;

/// <summary>
/// A signature scheme validators sign votes and commits with. Implementations are stateless singletons;
/// keys and verifiers they create carry the state.
/// </summary>
public interface ISignatureScheme
{
    /// <summary>The identifier written into certificates.</summary>
    SignatureSchemeId Id { get; }

    /// <summary>The name used in key and validator-set files, such as <c>ecdsa-p256-sha256</c>.</summary>
    string Name { get; }

    /// <summary>The exact length of an encoded public key.</summary>
    int PublicKeySize { get; }

    /// <summary>The exact length of an encoded private key.</summary>
    int PrivateKeySize { get; }

    /// <summary>The exact length of a signature.</summary>
    int SignatureSize { get; }

    /// <summary>Creates a verifier for one public key.</summary>
    /// <param name="publicKey">The encoded public key.</param>
    /// <returns>A verifier that may be shared between threads.</returns>
    /// <exception cref="ArgumentException">The key has the wrong length or is not a valid key.</exception>
    ISignatureVerifier CreateVerifier(ReadOnlySpan<byte> publicKey);

    /// <summary>Generates a fresh key pair from the system's cryptographic random number generator.</summary>
    /// <returns>The new key; dispose it when done.</returns>
    ISigningKey GenerateKey();

    /// <summary>Imports a private key in this scheme's encoding.</summary>
    /// <param name="privateKey">The encoded private key; the caller keeps and wipes its copy.</param>
    /// <returns>The key; dispose it when done.</returns>
    /// <exception cref="ArgumentException">The key has the wrong length or is out of range.</exception>
    ISigningKey ImportPrivateKey(ReadOnlySpan<byte> privateKey);
}
