using System.Security.Cryptography;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Consensus.Signing;

/// <summary>
/// ML-DSA-65 (FIPS 204) through NexusZero's lattice implementation: a post-quantum alternative to ECDSA for
/// validator sets. Keys and signatures use FIPS 204's encodings (public key 1952 bytes, secret key 4032 bytes,
/// signature 3309 bytes); signing is hedged, and every signature carries the FIPS 204 context string
/// <c>NexusZero/consensus</c> on top of the payload's own domain label.
/// </summary>
public sealed class MlDsa65SignatureScheme : ISignatureScheme
{
    private static readonly byte[] Context = "NexusZero/consensus"u8.ToArray();

    private MlDsa65SignatureScheme()
    {
    }

    /// <summary>The singleton.</summary>
    public static MlDsa65SignatureScheme Instance { get; } = new();

    /// <inheritdoc />
    public SignatureSchemeId Id => SignatureSchemeId.MlDsa65;

    /// <inheritdoc />
    public string Name => "ml-dsa-65";

    /// <inheritdoc />
    public int PublicKeySize => MLDsaScheme.MLDsa65.PublicKeySize;

    /// <inheritdoc />
    public int PrivateKeySize => MLDsaScheme.MLDsa65.SecretKeySize;

    /// <inheritdoc />
    public int SignatureSize => MLDsaScheme.MLDsa65.SignatureSize;

    /// <inheritdoc />
    public ISignatureVerifier CreateVerifier(ReadOnlySpan<byte> publicKey)
    {
        if (!MLDsaScheme.MLDsa65.TryImportPublicKey(publicKey, out var key))
        {
            throw new ArgumentException($"An ML-DSA-65 public key is {PublicKeySize} bytes; got {publicKey.Length}.", nameof(publicKey));
        }

        return new Verifier(key);
    }

    /// <inheritdoc />
    public ISigningKey GenerateKey() => new SigningKey(MLDsaScheme.MLDsa65.GenerateKey());

    /// <inheritdoc />
    public ISigningKey ImportPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (!MLDsaScheme.MLDsa65.TryImportSecretKey(privateKey, out var key))
        {
            throw new ArgumentException($"Not a valid ML-DSA-65 secret key ({PrivateKeySize} bytes with coefficients in range and a matching tr).", nameof(privateKey));
        }

        return new SigningKey(key);
    }

    private sealed class Verifier(MLDsaPublicKey key) : ISignatureVerifier
    {
        public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => key.Verify(message, signature, Context);
    }

    private sealed class SigningKey(MLDsaPrivateKey key) : ISigningKey
    {
        private readonly Lock _gate = new();

        public SignatureSchemeId Scheme => SignatureSchemeId.MlDsa65;

        public ReadOnlyMemory<byte> PublicKey { get; } = key.PublicKey.Export();

        public byte[] Sign(ReadOnlySpan<byte> message)
        {
            lock (_gate)
            {
                return key.Sign(message, Context);
            }
        }

        public void ExportPrivateKey(Span<byte> destination)
        {
            if (destination.Length != MLDsaScheme.MLDsa65.SecretKeySize)
            {
                throw new ArgumentException($"The destination must be {MLDsaScheme.MLDsa65.SecretKeySize} bytes.", nameof(destination));
            }

            var encoded = key.ExportSecretKey();
            try
            {
                encoded.CopyTo(destination);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(encoded);
            }
        }

        public void Dispose() => key.Dispose();
    }
}
