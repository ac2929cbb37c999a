using System.Security.Cryptography;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// An ML-DSA secret key (sk of FIPS 204) with its public key. Dispose it to zero the secrets.
/// Signing is hedged by default (fresh 32-byte rnd from <see cref="RandomNumberGenerator"/>);
/// <see cref="SignDeterministic"/> uses rnd = 0^32 as FIPS 204 allows.
/// </summary>
public sealed class MLDsaPrivateKey : IDisposable
{
    private readonly MLDsaExpandedSecretKey _expanded;
    private bool _disposed;

    internal MLDsaPrivateKey(MLDsaScheme algorithm, MLDsaExpandedSecretKey expanded, MLDsaPublicKey publicKey)
    {
        Algorithm = algorithm;
        _expanded = expanded;
        PublicKey = publicKey;
    }

    /// <summary>The parameter set.</summary>
    public MLDsaScheme Algorithm { get; }

    /// <summary>The matching public key.</summary>
    public MLDsaPublicKey PublicKey { get; }

    internal MLDsaExpandedSecretKey Expanded
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _expanded;
        }
    }

    /// <summary>The FIPS 204 secret key encoding (skEncode). The caller owns and must zero the copy.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] ExportSecretKey()
    {
        MLDsaExpandedSecretKey key = Expanded;
        MLDsaParameters p = key.Parameters;
        byte[] encoded = new byte[p.SecretKeySize];
        MLDsaEncoding.EncodeSecretKey(p, key.Rho, key.Key, key.Tr, key.S1, key.S2, key.T0, encoded);
        return encoded;
    }

    /// <summary>Hedged ML-DSA.Sign(sk, M, ctx).</summary>
    /// <exception cref="ArgumentException"><paramref name="context"/> is longer than 255 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> context = default)
    {
        byte[] signature = new byte[Algorithm.SignatureSize];
        Span<byte> randomness = stackalloc byte[MLDsaScheme.RandomnessSize];
        RandomNumberGenerator.Fill(randomness);
        SignCore(message, context, randomness, signature);
        return signature;
    }

    /// <summary>Deterministic ML-DSA.Sign (rnd = 0^32): the same message and context always give the same signature.</summary>
    /// <exception cref="ArgumentException"><paramref name="context"/> is longer than 255 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] SignDeterministic(ReadOnlySpan<byte> message, ReadOnlySpan<byte> context = default)
    {
        byte[] signature = new byte[Algorithm.SignatureSize];
        SignCore(message, context, stackalloc byte[MLDsaScheme.RandomnessSize], signature);
        return signature;
    }

    /// <summary>Signs into <paramref name="destination"/>; false when it is shorter than the signature size.</summary>
    /// <exception cref="ArgumentException"><paramref name="context"/> is longer than 255 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool TrySign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, Span<byte> destination, bool deterministic, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < Algorithm.SignatureSize)
        {
            return false;
        }

        Span<byte> randomness = stackalloc byte[MLDsaScheme.RandomnessSize];
        if (!deterministic)
        {
            RandomNumberGenerator.Fill(randomness);
        }

        SignCore(message, context, randomness, destination[..Algorithm.SignatureSize]);
        bytesWritten = Algorithm.SignatureSize;
        return true;
    }

    /// <summary>Zeroes the secret key material.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _expanded.Dispose();
            _disposed = true;
        }
    }

    /// <summary>Sign with caller-chosen rnd (tests, known-answer vectors).</summary>
    internal void SignCore(ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, ReadOnlySpan<byte> randomness, Span<byte> signature)
    {
        if (context.Length > MLDsaScheme.MaxContextLength)
        {
            throw new ArgumentException($"An ML-DSA context is at most {MLDsaScheme.MaxContextLength} bytes, got {context.Length}.", nameof(context));
        }

        MLDsaExpandedSecretKey key = Expanded;
        Span<byte> mu = stackalloc byte[64];
        MLDsaCore.ComputeMessageRepresentative(key.Tr, context, message, mu);
        MLDsaCore.Sign(key, mu, randomness, signature);
    }

    /// <summary>pk recomputed from a decoded secret key: t = NTT^−1(Â·NTT(s1)) + s2, rounded to t1.</summary>
    internal static byte[] DerivePublicKey(MLDsaExpandedSecretKey key)
    {
        MLDsaParameters p = key.Parameters;
        var t = new PolynomialVector(p.K);
        key.Matrix.MultiplyNtt(key.S1Ntt, t);
        t.InverseNttToMontgomery();
        t.Add(key.S2);
        t.ConditionalAddQ();
        Span<int> all = t.Coefficients;
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = MLDsaRounding.Power2Round(all[i], out _);
        }

        byte[] publicKey = new byte[p.PublicKeySize];
        MLDsaEncoding.EncodePublicKey(p, key.Rho, t, publicKey);
        t.Clear();
        return publicKey;
    }
}
