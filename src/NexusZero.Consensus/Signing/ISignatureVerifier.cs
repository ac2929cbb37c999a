namespace NexusZero.Consensus.Signing;

/// <summary>Checks signatures against one public key. Safe to use from several threads.</summary>
public interface ISignatureVerifier
{
    /// <summary>Checks a signature over a message.</summary>
    /// <param name="message">The exact signed bytes.</param>
    /// <param name="signature">The signature in the scheme's fixed-length encoding.</param>
    /// <returns>True only for a valid signature in canonical form; never throws for bad signatures.</returns>
    bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
