namespace NexusZero.Proofs.Lattice;

/// <summary>The ML-DSA secret key behind a <see cref="KeyPossessionStatement"/>. Holds its own copy; disposal zeroes it.</summary>
public sealed class KeyPossessionWitness : Witness
{
    private readonly MLDsaPrivateKey _key;

    /// <summary>Copies <paramref name="secretKey"/>; the caller still owns and disposes the original.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="secretKey"/> is null.</exception>
    public KeyPossessionWitness(MLDsaPrivateKey secretKey)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        byte[] encoded = secretKey.ExportSecretKey();
        try
        {
            _key = secretKey.Algorithm.ImportSecretKey(encoded);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(encoded);
        }
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.KeyPossession;

    internal MLDsaPrivateKey Key
    {
        get
        {
            ThrowIfDisposed();
            return _key;
        }
    }

    /// <inheritdoc />
    protected override void ZeroSecrets() => _key.Dispose();
}
