using System.Diagnostics.CodeAnalysis;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// "The prover holds the secret key of this ML-DSA public key." Canonical encoding: version 1 ‖ scheme
/// id (44, 65 or 87) ‖ pk (FIPS 204 pkEncode).
/// </summary>
public sealed class KeyPossessionStatement : Statement
{
    private readonly byte[] _encoded;

    /// <summary>Creates the statement for <paramref name="publicKey"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="publicKey"/> is null.</exception>
    public KeyPossessionStatement(MLDsaPublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        PublicKey = publicKey;
        _encoded = [KeyPossessionParameters.EncodingVersion, publicKey.Algorithm.Id, .. publicKey.Encoded];
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.KeyPossession;

    /// <summary>The public key.</summary>
    public MLDsaPublicKey PublicKey { get; }

    /// <summary>Strictly decodes the canonical encoding.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out KeyPossessionStatement? statement, [NotNullWhen(false)] out string? error)
    {
        statement = null;
        if (encoded.Length < 2 || encoded[0] != KeyPossessionParameters.EncodingVersion)
        {
            error = "A key-possession statement starts with version 1 and a scheme id.";
            return false;
        }

        if (!MLDsaScheme.TryFromId(encoded[1], out MLDsaScheme? scheme))
        {
            error = $"Unknown ML-DSA scheme id {encoded[1]}.";
            return false;
        }

        if (!scheme.TryImportPublicKey(encoded[2..], out MLDsaPublicKey? key))
        {
            error = $"An {scheme.Name} public key is {scheme.PublicKeySize} bytes, got {encoded.Length - 2}.";
            return false;
        }

        statement = new KeyPossessionStatement(key);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override byte[] ToCanonicalBytes() => (byte[])_encoded.Clone();

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> DescribePublicValues() =>
    [
        new("scheme", PublicKey.Algorithm.Name),
        new("publicKey", Convert.ToHexStringLower(PublicKey.Encoded)),
    ];
}
