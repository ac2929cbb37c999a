using System.Security.Cryptography;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// ML-DSA.KeyGen_internal, Sign_internal and Verify_internal of FIPS 204 (Algorithms 6–8), plus the
/// message representative μ = H(tr ‖ M′, 64) with M′ = 0 ‖ |ctx| ‖ ctx ‖ M (Algorithms 2 and 3).
/// </summary>
internal static class MLDsaCore
{
    /// <summary>
    /// FIPS 204 Appendix C lets an implementation stop after at least 814 signing iterations; the
    /// chance of reaching it with a valid key is below 2^−256 for every parameter set.
    /// </summary>
    public const int MaxSigningIterations = 814;

    /// <summary>The largest context string FIPS 204 allows.</summary>
    public const int MaxContextLength = 255;

    /// <summary>KeyGen_internal(ξ): writes pk and sk.</summary>
    public static void GenerateKey(MLDsaParameters p, ReadOnlySpan<byte> seed, Span<byte> publicKey, Span<byte> secretKey)
    {
        Span<byte> expanded = stackalloc byte[128];
        var s1 = new PolynomialVector(p.L);
        var s2 = new PolynomialVector(p.K);
        var t = new PolynomialVector(p.K);
        var t0 = new PolynomialVector(p.K);
        var s1Ntt = new PolynomialVector(p.L);
        try
        {
            using (Shake shake = Shake.Create256())
            {
                shake.Absorb(seed);
                shake.Absorb([(byte)p.K, (byte)p.L]);
                shake.Squeeze(expanded);
            }

            ReadOnlySpan<byte> rho = expanded[..32];
            ReadOnlySpan<byte> rhoPrime = expanded.Slice(32, 64);
            ReadOnlySpan<byte> key = expanded.Slice(96, 32);
            PolynomialMatrix matrix = UniformSampler.ExpandA(rho, p.K, p.L);
            for (int r = 0; r < p.L; r++)
            {
                BoundedSampler.Sample(rhoPrime, (ushort)r, p.Eta, s1[r]);
            }

            for (int r = 0; r < p.K; r++)
            {
                BoundedSampler.Sample(rhoPrime, (ushort)(r + p.L), p.Eta, s2[r]);
            }

            s1Ntt.CopyFrom(s1);
            s1Ntt.Ntt();
            matrix.MultiplyNtt(s1Ntt, t);
            t.InverseNttToMontgomery();
            t.Add(s2);
            t.ConditionalAddQ();
            Span<int> all = t.Coefficients;
            Span<int> low = t0.Coefficients;
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = MLDsaRounding.Power2Round(all[i], out low[i]);
            }

            MLDsaEncoding.EncodePublicKey(p, rho, t, publicKey);
            Span<byte> tr = stackalloc byte[64];
            Shake.HashShake256(publicKey[..p.PublicKeySize], tr);
            MLDsaEncoding.EncodeSecretKey(p, rho, key, tr, s1, s2, t0, secretKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expanded);
            s1.Clear();
            s2.Clear();
            t0.Clear();
            s1Ntt.Clear();
        }
    }

    /// <summary>μ = H(tr ‖ 0 ‖ |ctx| ‖ ctx ‖ M, 64) (pure ML-DSA's domain separation).</summary>
    public static void ComputeMessageRepresentative(ReadOnlySpan<byte> tr, ReadOnlySpan<byte> context, ReadOnlySpan<byte> message, Span<byte> mu)
    {
        using Shake shake = Shake.Create256();
        shake.Absorb(tr);
        shake.Absorb([0, (byte)context.Length]);
        shake.Absorb(context);
        shake.Absorb(message);
        shake.Squeeze(mu[..64]);
    }

    /// <summary>Sign_internal(sk, μ, rnd): writes the signature.</summary>
    /// <exception cref="NexusZeroException">The iteration bound was reached (a corrupt key; never in practice).</exception>
    public static void Sign(MLDsaExpandedSecretKey key, ReadOnlySpan<byte> mu, ReadOnlySpan<byte> randomness, Span<byte> signature)
    {
        MLDsaParameters p = key.Parameters;
        Span<byte> rhoPrime = stackalloc byte[64];
        Span<byte> commitmentHash = stackalloc byte[p.CommitmentHashSize];
        Span<byte> w1Encoded = stackalloc byte[p.K * 32 * p.W1Bits];
        Span<int> challenge = stackalloc int[Polynomial.N];
        var y = new PolynomialVector(p.L);
        var z = new PolynomialVector(p.L);
        var w1 = new PolynomialVector(p.K);
        var w0 = new PolynomialVector(p.K);
        var h = new PolynomialVector(p.K);
        int gamma2 = p.Gamma2;
        try
        {
            using (Shake shake = Shake.Create256())
            {
                shake.Absorb(key.Key);
                shake.Absorb(randomness);
                shake.Absorb(mu);
                shake.Squeeze(rhoPrime);
            }

            for (int iteration = 0; iteration < MaxSigningIterations; iteration++)
            {
                int kappa = iteration * p.L;
                for (int r = 0; r < p.L; r++)
                {
                    MaskSampler.Sample(rhoPrime, (ushort)(kappa + r), p.Gamma1Bits, y[r]);
                }

                z.CopyFrom(y);
                z.Ntt();
                key.Matrix.MultiplyNtt(z, w1);
                w1.InverseNttToMontgomery();
                w1.ConditionalAddQ();
                Span<int> high = w1.Coefficients;
                Span<int> low = w0.Coefficients;
                for (int i = 0; i < high.Length; i++)
                {
                    high[i] = MLDsaRounding.Decompose(high[i], gamma2, out low[i]);
                }

                MLDsaEncoding.EncodeW1(p, w1, w1Encoded);
                using (Shake shake = Shake.Create256())
                {
                    shake.Absorb(mu);
                    shake.Absorb(w1Encoded);
                    shake.Squeeze(commitmentHash);
                }

                ChallengeSampler.Sample(commitmentHash, p.Tau, challenge);
                Ntt.Forward(challenge);

                z.SetPointwiseMontgomery(challenge, key.S1Ntt);
                z.InverseNttToMontgomery();
                z.Add(y);
                z.Reduce();
                if (z.InfinityNormAtLeast(p.Gamma1 - p.Beta))
                {
                    continue;
                }

                h.SetPointwiseMontgomery(challenge, key.S2Ntt);
                h.InverseNttToMontgomery();
                w0.Subtract(h);
                w0.Reduce();
                if (w0.InfinityNormAtLeast(gamma2 - p.Beta))
                {
                    continue;
                }

                h.SetPointwiseMontgomery(challenge, key.T0Ntt);
                h.InverseNttToMontgomery();
                h.Reduce();
                if (h.InfinityNormAtLeast(gamma2))
                {
                    continue;
                }

                w0.Add(h);
                Span<int> hints = h.Coefficients;
                int count = 0;
                for (int i = 0; i < hints.Length; i++)
                {
                    hints[i] = MLDsaRounding.MakeHint(low[i], high[i], gamma2);
                    count += hints[i];
                }

                if (count > p.Omega)
                {
                    continue;
                }

                MLDsaEncoding.EncodeSignature(p, commitmentHash, z, h, signature);
                return;
            }

            throw new NexusZeroException(NexusZeroErrorKind.ProofGenerationFailed, $"ML-DSA signing stopped after {MaxSigningIterations} iterations (FIPS 204 Appendix C); the secret key is likely corrupt.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rhoPrime);
            CryptographicOperations.ZeroMemory(w1Encoded);
            CryptographicOperations.ZeroMemory(commitmentHash);
            challenge.Clear();
            y.Clear();
            z.Clear();
            w0.Clear();
            w1.Clear();
            h.Clear();
        }
    }

    /// <summary>Verify_internal(pk, μ, σ); verifier-only, variable time.</summary>
    public static bool Verify(MLDsaExpandedPublicKey key, ReadOnlySpan<byte> mu, ReadOnlySpan<byte> signature)
    {
        MLDsaParameters p = key.Parameters;
        Span<byte> commitmentHash = stackalloc byte[p.CommitmentHashSize];
        var z = new PolynomialVector(p.L);
        var hint = new PolynomialVector(p.K);
        if (!MLDsaEncoding.TryDecodeSignature(p, signature, commitmentHash, z, hint))
        {
            return false;
        }

        if (z.InfinityNormAtLeast(p.Gamma1 - p.Beta))
        {
            return false;
        }

        Span<int> challenge = stackalloc int[Polynomial.N];
        ChallengeSampler.Sample(commitmentHash, p.Tau, challenge);
        Ntt.Forward(challenge);
        z.Ntt();
        var w = new PolynomialVector(p.K);
        key.Matrix.MultiplyNtt(z, w);
        var ct1 = new PolynomialVector(p.K);
        ct1.SetPointwiseMontgomery(challenge, key.T1ShiftedNtt);
        w.Subtract(ct1);
        w.Reduce();
        w.InverseNttToMontgomery();
        w.ConditionalAddQ();
        Span<int> approx = w.Coefficients;
        ReadOnlySpan<int> h = hint.Coefficients;
        for (int i = 0; i < approx.Length; i++)
        {
            approx[i] = MLDsaRounding.UseHint(approx[i], h[i], p.Gamma2);
        }

        Span<byte> w1Encoded = stackalloc byte[p.K * 32 * p.W1Bits];
        MLDsaEncoding.EncodeW1(p, w, w1Encoded);
        Span<byte> recomputed = stackalloc byte[p.CommitmentHashSize];
        using (Shake shake = Shake.Create256())
        {
            shake.Absorb(mu);
            shake.Absorb(w1Encoded);
            shake.Squeeze(recomputed);
        }

        return CryptographicOperations.FixedTimeEquals(recomputed, commitmentHash);
    }
}
