using System.Security.Cryptography;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>The arithmetic of t = A·s1 + s2 shared by the instance generator, the prover and the verifier.</summary>
internal static class ModuleLweRelation
{
    /// <summary>result = A·x1 + x2 mod q, coefficients in [0, q); x1 and x2 in the normal domain, small or reduced.</summary>
    public static void Evaluate(PolynomialMatrix matrix, PolynomialVector x1, PolynomialVector x2, PolynomialVector result)
    {
        var x1Ntt = x1.Clone();
        try
        {
            x1Ntt.Reduce();
            x1Ntt.Ntt();
            matrix.MultiplyNtt(x1Ntt, result);
            result.InverseNttToMontgomery();
            result.Add(x2);
            result.Reduce();
            result.ConditionalAddQ();
        }
        finally
        {
            x1Ntt.Clear();
        }
    }

    /// <summary>True when every coefficient of <paramref name="vector"/> lies in [−η, η] (constant-time scan).</summary>
    public static bool IsShort(PolynomialVector vector, int eta) => !vector.InfinityNormAtLeast(eta + 1);

    /// <summary>
    /// Samples a vector with coefficients uniform in [−η, η] from SHAKE256(seed ‖ domain ‖ index), by
    /// rejecting bytes at or above the largest multiple of 2η + 1 below 256. The reduction modulo 2η + 1
    /// is a multiply-shift (exact for bytes), so no division runs on secret bytes.
    /// </summary>
    public static void SampleShort(ReadOnlySpan<byte> seed, byte domain, int eta, PolynomialVector destination)
    {
        int modulus = (2 * eta) + 1;
        int limit = 256 - (256 % modulus);
        int reciprocal = (1 << 16) / modulus + 1;
        Span<byte> block = stackalloc byte[Shake.Shake256Rate];
        try
        {
            for (int p = 0; p < destination.Length; p++)
            {
                using Shake shake = Shake.Create256();
                shake.Absorb(seed);
                shake.Absorb([domain, (byte)p]);
                Span<int> target = destination[p];
                int count = 0;
                while (count < Polynomial.N)
                {
                    shake.Squeeze(block);
                    for (int i = 0; i < block.Length && count < Polynomial.N; i++)
                    {
                        int b = block[i];
                        if (b < limit)
                        {
                            int quotient = (b * reciprocal) >> 16;
                            target[count++] = eta - (b - (quotient * modulus));
                        }
                    }
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(block);
        }
    }
}
