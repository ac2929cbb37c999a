namespace NexusZero.Consensus.Signing;

/// <summary>A validator's private key. Dispose it to release and wipe the key material.</summary>
public interface ISigningKey : IDisposable
{
    /// <summary>The scheme this key belongs to.</summary>
    SignatureSchemeId Scheme { get; }

    /// <summary>The encoded public key.</summary>
    ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>Signs a message.</summary>
    /// <param name="message">The bytes to sign (already domain-separated by the caller).</param>
    /// <returns>The signature in the scheme's fixed-length encoding.</returns>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    byte[] Sign(ReadOnlySpan<byte> message);

    /// <summary>Writes the encoded private key.</summary>
    /// <param name="destination">Exactly the scheme's private key size; the caller wipes it after use.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    void ExportPrivateKey(Span<byte> destination);
}
