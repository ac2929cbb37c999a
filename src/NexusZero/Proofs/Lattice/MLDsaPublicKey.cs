namespace NexusZero.Proofs.Lattice;

/// <summary>An ML-DSA public key (pk of FIPS 204). Immutable and thread-safe.</summary>
public sealed class MLDsaPublicKey : IEquatable<MLDsaPublicKey>
{
    private readonly byte[] _encoded;
    private readonly Lazy<MLDsaExpandedPublicKey> _expanded;

    internal MLDsaPublicKey(MLDsaScheme algorithm, byte[] encoded)
    {
        Algorithm = algorithm;
        _encoded = encoded;
        _expanded = new Lazy<MLDsaExpandedPublicKey>(() =>
            MLDsaExpandedPublicKey.TryCreate(algorithm.Parameters, _encoded, out MLDsaExpandedPublicKey? key)
                ? key
                : throw new InvalidOperationException("A public key of checked length failed to decode."));
    }

    /// <summary>The parameter set.</summary>
    public MLDsaScheme Algorithm { get; }

    /// <summary>The FIPS 204 encoding (pkEncode).</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    internal MLDsaExpandedPublicKey Expanded => _expanded.Value;

    /// <summary>A copy of the FIPS 204 encoding.</summary>
    public byte[] Export() => (byte[])_encoded.Clone();

    /// <summary>ML-DSA.Verify(pk, M, σ, ctx): true when <paramref name="signature"/> is valid for <paramref name="message"/> under <paramref name="context"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="context"/> is longer than 255 bytes.</exception>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context = default)
    {
        if (context.Length > MLDsaScheme.MaxContextLength)
        {
            throw new ArgumentException($"An ML-DSA context is at most {MLDsaScheme.MaxContextLength} bytes, got {context.Length}.", nameof(context));
        }

        if (signature.Length != Algorithm.SignatureSize)
        {
            return false;
        }

        MLDsaExpandedPublicKey key = Expanded;
        Span<byte> mu = stackalloc byte[64];
        MLDsaCore.ComputeMessageRepresentative(key.Tr, context, message, mu);
        return MLDsaCore.Verify(key, mu, signature);
    }

    /// <inheritdoc />
    public bool Equals(MLDsaPublicKey? other) =>
        other is not null && other.Algorithm == Algorithm && other._encoded.AsSpan().SequenceEqual(_encoded);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MLDsaPublicKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Algorithm.Id);
        hash.AddBytes(_encoded);
        return hash.ToHashCode();
    }
}
