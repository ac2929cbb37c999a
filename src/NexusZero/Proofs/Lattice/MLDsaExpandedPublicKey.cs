using System.Diagnostics.CodeAnalysis;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// A decoded public key with what verification precomputes from it: Â = ExpandA(ρ), NTT(t1·2^d) and
/// tr = H(pk, 64). Public data only.
/// </summary>
internal sealed class MLDsaExpandedPublicKey
{
    private MLDsaExpandedPublicKey(MLDsaParameters parameters, byte[] encoded, byte[] rho, PolynomialVector t1)
    {
        Parameters = parameters;
        Encoded = encoded;
        Rho = rho;
        Matrix = UniformSampler.ExpandA(rho, parameters.K, parameters.L);
        T1ShiftedNtt = t1.Clone();
        for (int i = 0; i < parameters.K; i++)
        {
            Polynomial.ShiftLeft(T1ShiftedNtt[i], MLDsaRounding.D);
        }

        T1ShiftedNtt.Ntt();
        Tr = new byte[64];
        Shake.HashShake256(encoded, Tr);
    }

    /// <summary>The parameter set.</summary>
    public MLDsaParameters Parameters { get; }

    /// <summary>pk bytes.</summary>
    public byte[] Encoded { get; }

    /// <summary>ρ.</summary>
    public byte[] Rho { get; }

    /// <summary>Â in the NTT domain.</summary>
    public PolynomialMatrix Matrix { get; }

    /// <summary>NTT(t1·2^d).</summary>
    public PolynomialVector T1ShiftedNtt { get; }

    /// <summary>tr = H(pk, 64).</summary>
    public byte[] Tr { get; }

    /// <summary>Decodes and expands; false for a wrong length.</summary>
    public static bool TryCreate(MLDsaParameters parameters, ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out MLDsaExpandedPublicKey? key)
    {
        key = null;
        if (!MLDsaEncoding.TryDecodePublicKey(parameters, encoded, out byte[] rho, out PolynomialVector t1))
        {
            return false;
        }

        key = new MLDsaExpandedPublicKey(parameters, encoded.ToArray(), rho, t1);
        return true;
    }
}
