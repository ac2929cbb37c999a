using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// ML-DSA (FIPS 204), the module-lattice signature scheme, in its three parameter sets. Each instance
/// is a stateless singleton; keys come from <see cref="GenerateKey()"/> or the import methods.
/// </summary>
/// <remarks>Encodings are exactly FIPS 204's; see docs/formats.md (Lattice) and docs/security.md.</remarks>
public sealed class MLDsaScheme
{
    private MLDsaScheme(MLDsaParameters parameters, byte id)
    {
        Parameters = parameters;
        Id = id;
    }

    /// <summary>ML-DSA-44 (NIST security category 2).</summary>
    public static MLDsaScheme MLDsa44 { get; } = new(MLDsaParameters.MLDsa44, 44);

    /// <summary>ML-DSA-65 (NIST security category 3).</summary>
    public static MLDsaScheme MLDsa65 { get; } = new(MLDsaParameters.MLDsa65, 65);

    /// <summary>ML-DSA-87 (NIST security category 5).</summary>
    public static MLDsaScheme MLDsa87 { get; } = new(MLDsaParameters.MLDsa87, 87);

    /// <summary>The size of the key-generation seed ξ in bytes.</summary>
    public const int SeedSize = 32;

    /// <summary>The size of the signer's per-signature randomness rnd in bytes.</summary>
    public const int RandomnessSize = 32;

    /// <summary>The longest context string FIPS 204 allows (255 bytes).</summary>
    public const int MaxContextLength = MLDsaCore.MaxContextLength;

    /// <summary>"ML-DSA-44", "ML-DSA-65" or "ML-DSA-87".</summary>
    public string Name => Parameters.Name;

    /// <summary>A one-byte tag for this parameter set (44, 65 or 87), used by NexusZero's own encodings.</summary>
    public byte Id { get; }

    /// <summary>The encoded public key size in bytes.</summary>
    public int PublicKeySize => Parameters.PublicKeySize;

    /// <summary>The encoded secret key size in bytes.</summary>
    public int SecretKeySize => Parameters.SecretKeySize;

    /// <summary>The signature size in bytes.</summary>
    public int SignatureSize => Parameters.SignatureSize;

    internal MLDsaParameters Parameters { get; }

    /// <summary>The parameter set with the given <see cref="Id"/>, or false.</summary>
    public static bool TryFromId(byte id, [NotNullWhen(true)] out MLDsaScheme? algorithm)
    {
        algorithm = id switch { 44 => MLDsa44, 65 => MLDsa65, 87 => MLDsa87, _ => null };
        return algorithm is not null;
    }

    /// <summary>The parameter set named "ml-dsa-44", "ML-DSA-65", ... (case-insensitive), or false.</summary>
    public static bool TryFromName(string? name, [NotNullWhen(true)] out MLDsaScheme? algorithm)
    {
        algorithm = name?.ToUpperInvariant() switch
        {
            "ML-DSA-44" => MLDsa44,
            "ML-DSA-65" => MLDsa65,
            "ML-DSA-87" => MLDsa87,
            _ => null,
        };
        return algorithm is not null;
    }

    /// <summary>Generates a key pair from fresh randomness.</summary>
    public MLDsaPrivateKey GenerateKey()
    {
        Span<byte> seed = stackalloc byte[SeedSize];
        try
        {
            RandomNumberGenerator.Fill(seed);
            return GenerateKey(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>ML-DSA.KeyGen_internal from the 32-byte seed ξ: deterministic.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> is not 32 bytes.</exception>
    public MLDsaPrivateKey GenerateKey(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An ML-DSA seed is {SeedSize} bytes, got {seed.Length}.", nameof(seed));
        }

        byte[] publicKey = new byte[PublicKeySize];
        byte[] secretKey = new byte[SecretKeySize];
        try
        {
            MLDsaCore.GenerateKey(Parameters, seed, publicKey, secretKey);
            return ImportSecretKey(secretKey, publicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretKey);
        }
    }

    /// <summary>Strictly decodes a public key (pkDecode); false when the length is wrong.</summary>
    public bool TryImportPublicKey(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out MLDsaPublicKey? publicKey)
    {
        publicKey = encoded.Length == PublicKeySize ? new MLDsaPublicKey(this, encoded.ToArray()) : null;
        return publicKey is not null;
    }

    /// <summary>Strictly decodes a public key (pkDecode).</summary>
    /// <exception cref="FormatException">The encoding is not a valid public key of this parameter set.</exception>
    public MLDsaPublicKey ImportPublicKey(ReadOnlySpan<byte> encoded) =>
        TryImportPublicKey(encoded, out MLDsaPublicKey? key)
            ? key
            : throw new FormatException($"An {Name} public key is {PublicKeySize} bytes, got {encoded.Length}.");

    /// <summary>
    /// Strictly decodes a secret key (skDecode): false for a wrong length or an s1/s2 coefficient outside
    /// [−η, η]. The public key is recomputed from the secret key, and the key is refused when its tr does
    /// not match H(pk).
    /// </summary>
    public bool TryImportSecretKey(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out MLDsaPrivateKey? privateKey)
    {
        privateKey = null;
        if (!MLDsaExpandedSecretKey.TryCreate(Parameters, encoded, out MLDsaExpandedSecretKey? expanded))
        {
            return false;
        }

        byte[] publicKey = MLDsaPrivateKey.DerivePublicKey(expanded);
        Span<byte> tr = stackalloc byte[64];
        Lattices.Shake.HashShake256(publicKey, tr);
        if (!CryptographicOperations.FixedTimeEquals(tr, expanded.Tr))
        {
            expanded.Dispose();
            return false;
        }

        privateKey = new MLDsaPrivateKey(this, expanded, new MLDsaPublicKey(this, publicKey));
        return true;
    }

    /// <summary>Strictly decodes a secret key (see <see cref="TryImportSecretKey"/>).</summary>
    /// <exception cref="FormatException">The encoding is not a valid secret key of this parameter set.</exception>
    public MLDsaPrivateKey ImportSecretKey(ReadOnlySpan<byte> encoded) =>
        TryImportSecretKey(encoded, out MLDsaPrivateKey? key)
            ? key
            : throw new FormatException($"Not a valid {Name} secret key: it must be {SecretKeySize} bytes with s1, s2 coefficients in [−{Parameters.Eta}, {Parameters.Eta}] and tr = H(pk).");

    /// <inheritdoc />
    public override string ToString() => Name;

    private MLDsaPrivateKey ImportSecretKey(ReadOnlySpan<byte> secretKey, byte[] publicKey)
    {
        if (!MLDsaExpandedSecretKey.TryCreate(Parameters, secretKey, out MLDsaExpandedSecretKey? expanded))
        {
            throw new InvalidOperationException("A freshly generated secret key failed to decode.");
        }

        return new MLDsaPrivateKey(this, expanded, new MLDsaPublicKey(this, publicKey));
    }
}
