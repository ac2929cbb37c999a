using System.Numerics;
using System.Security.Cryptography;

namespace NexusZero.Consensus.Signing;

/// <summary>
/// ECDSA over NIST P-256 with SHA-256 through System.Security.Cryptography. Public keys are uncompressed SEC1
/// points (65 bytes, 0x04‖X‖Y), private keys the 32-byte big-endian scalar, signatures IEEE P1363 r‖s (64 bytes).
/// Signatures are normalised to low s and verifiers reject high s, so each (key, message) has one accepted
/// encoding per nonce and a certificate cannot be re-encoded by flipping s.
/// </summary>
public sealed class EcdsaP256SignatureScheme : ISignatureScheme
{
    // The group order n of P-256 (FIPS 186-4, D.1.2.3). BigInteger is used only on public signature values.
    private static readonly BigInteger Order = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);

    // ⌊n/2⌋ as 32 big-endian bytes: for equal-length big-endian values, byte order is numeric order.
    private static readonly byte[] HalfOrder = (Order >> 1).ToByteArray(isUnsigned: true, isBigEndian: true);

    private EcdsaP256SignatureScheme()
    {
    }

    /// <summary>The singleton.</summary>
    public static EcdsaP256SignatureScheme Instance { get; } = new();

    /// <inheritdoc />
    public SignatureSchemeId Id => SignatureSchemeId.EcdsaP256Sha256;

    /// <inheritdoc />
    public string Name => "ecdsa-p256-sha256";

    /// <inheritdoc />
    public int PublicKeySize => 65;

    /// <inheritdoc />
    public int PrivateKeySize => 32;

    /// <inheritdoc />
    public int SignatureSize => 64;

    /// <inheritdoc />
    public ISignatureVerifier CreateVerifier(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeySize || publicKey[0] != 0x04)
        {
            throw new ArgumentException($"A P-256 public key is 65 bytes starting with 0x04 (uncompressed); got {publicKey.Length} bytes.", nameof(publicKey));
        }

        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = publicKey.Slice(1, 32).ToArray(), Y = publicKey.Slice(33, 32).ToArray() },
        };
        try
        {
            return new Verifier(ECDsa.Create(parameters));
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException("The public key is not a point on P-256.", nameof(publicKey), ex);
        }
    }

    /// <inheritdoc />
    public ISigningKey GenerateKey() => new SigningKey(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <inheritdoc />
    public ISigningKey ImportPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeySize)
        {
            throw new ArgumentException($"A P-256 private key is {PrivateKeySize} bytes; got {privateKey.Length}.", nameof(privateKey));
        }

        var d = privateKey.ToArray();
        try
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
            return new SigningKey(ecdsa);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException("The private key is not a valid P-256 scalar.", nameof(privateKey), ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
        }
    }

    private static bool IsLowS(ReadOnlySpan<byte> s) => s.SequenceCompareTo(HalfOrder) <= 0;

    private sealed class Verifier(ECDsa key) : ISignatureVerifier
    {
        public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
        {
            if (signature.Length != 64 || !IsLowS(signature[32..]))
            {
                return false;
            }

            // The platform does not document ECDsa instances as thread-safe; a verifier is shared.
            lock (key)
            {
                return key.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }
        }
    }

    private sealed class SigningKey : ISigningKey
    {
        private readonly ECDsa _key;
        private bool _disposed;

        public SigningKey(ECDsa key)
        {
            _key = key;
            var parameters = key.ExportParameters(includePrivateParameters: false);
            var publicKey = new byte[65];
            publicKey[0] = 0x04;
            parameters.Q.X.AsSpan().CopyTo(publicKey.AsSpan(1));
            parameters.Q.Y.AsSpan().CopyTo(publicKey.AsSpan(33));
            PublicKey = publicKey;
        }

        public SignatureSchemeId Scheme => SignatureSchemeId.EcdsaP256Sha256;

        public ReadOnlyMemory<byte> PublicKey { get; }

        public byte[] Sign(ReadOnlySpan<byte> message)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            byte[] signature;
            lock (_key)
            {
                signature = _key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }

            if (!IsLowS(signature.AsSpan(32)))
            {
                // s and n − s both verify; publishing only the low one makes the encoding unique.
                var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
                var low = Order - s;
                signature.AsSpan(32).Clear();
                var written = low.GetByteCount(isUnsigned: true);
                low.TryWriteBytes(signature.AsSpan(64 - written), out _, isUnsigned: true, isBigEndian: true);
            }

            return signature;
        }

        public void ExportPrivateKey(Span<byte> destination)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (destination.Length != 32)
            {
                throw new ArgumentException("The destination must be 32 bytes.", nameof(destination));
            }

            var parameters = _key.ExportParameters(includePrivateParameters: true);
            try
            {
                var d = parameters.D!;
                destination.Clear();
                d.AsSpan().CopyTo(destination[(32 - d.Length)..]);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(parameters.D);
            }
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _key.Dispose();
            }
        }
    }
}
