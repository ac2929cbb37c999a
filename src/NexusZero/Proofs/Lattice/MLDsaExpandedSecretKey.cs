using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// A decoded secret key with the signer's precomputation: Â and NTT(s1), NTT(s2), NTT(t0).
/// Holds secrets; <see cref="Dispose"/> zeroes them.
/// </summary>
internal sealed class MLDsaExpandedSecretKey : IDisposable
{
    private MLDsaExpandedSecretKey(MLDsaParameters parameters)
    {
        Parameters = parameters;
        S1 = new PolynomialVector(parameters.L);
        S2 = new PolynomialVector(parameters.K);
        T0 = new PolynomialVector(parameters.K);
    }

    /// <summary>The parameter set.</summary>
    public MLDsaParameters Parameters { get; }

    /// <summary>ρ.</summary>
    public byte[] Rho { get; } = new byte[32];

    /// <summary>The signing seed K.</summary>
    public byte[] Key { get; } = new byte[32];

    /// <summary>tr = H(pk, 64).</summary>
    public byte[] Tr { get; } = new byte[64];

    /// <summary>s1 (coefficients in [−η, η]).</summary>
    public PolynomialVector S1 { get; }

    /// <summary>s2 (coefficients in [−η, η]).</summary>
    public PolynomialVector S2 { get; }

    /// <summary>t0.</summary>
    public PolynomialVector T0 { get; }

    /// <summary>NTT(s1).</summary>
    public PolynomialVector S1Ntt { get; private set; } = null!;

    /// <summary>NTT(s2).</summary>
    public PolynomialVector S2Ntt { get; private set; } = null!;

    /// <summary>NTT(t0).</summary>
    public PolynomialVector T0Ntt { get; private set; } = null!;

    /// <summary>Â in the NTT domain.</summary>
    public PolynomialMatrix Matrix { get; private set; } = null!;

    /// <summary>Strictly decodes (see <see cref="MLDsaEncoding.TryDecodeSecretKey"/>) and expands.</summary>
    public static bool TryCreate(MLDsaParameters parameters, ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out MLDsaExpandedSecretKey? key)
    {
        var candidate = new MLDsaExpandedSecretKey(parameters);
        if (!MLDsaEncoding.TryDecodeSecretKey(parameters, encoded, candidate.Rho, candidate.Key, candidate.Tr, candidate.S1, candidate.S2, candidate.T0))
        {
            candidate.Dispose();
            key = null;
            return false;
        }

        candidate.S1Ntt = candidate.S1.Clone();
        candidate.S1Ntt.Ntt();
        candidate.S2Ntt = candidate.S2.Clone();
        candidate.S2Ntt.Ntt();
        candidate.T0Ntt = candidate.T0.Clone();
        candidate.T0Ntt.Ntt();
        candidate.Matrix = UniformSampler.ExpandA(candidate.Rho, parameters.K, parameters.L);
        key = candidate;
        return true;
    }

    /// <summary>Zeroes every secret.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(Key);
        S1.Clear();
        S2.Clear();
        T0.Clear();
        S1Ntt?.Clear();
        S2Ntt?.Clear();
        T0Ntt?.Clear();
    }
}
