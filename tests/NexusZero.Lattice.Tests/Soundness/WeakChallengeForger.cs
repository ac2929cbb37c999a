using NexusZero.Lattices;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;
using NexusZero.Transcripts;

namespace NexusZero.Lattice.Tests.Soundness;

/// <summary>
/// The attack of issue #12, written as an attacker would: no witness, only the statement and the
/// published verification equation. With challenge weight τ = 1 the challenge c = ±X^j takes 512 values,
/// so the forger picks short z1, z2, sets w = A·z1 + z2 − c·t for every candidate c and hashes until the
/// transcript's challenge is the candidate it started from. Each z gives 512 tries, each succeeding with
/// probability 1/512; a few z suffice.
/// </summary>
internal static class WeakChallengeForger
{
    /// <summary>A proof of <paramref name="statement"/> under <paramref name="weak"/> (τ must be 1), or throws after many tries.</summary>
    public static byte[] Forge(ModuleLweStatement statement, ModuleLweParameters weak, ReadOnlySpan<byte> context, int seed)
    {
        if (weak.Tau != 1 || weak.K != statement.K || weak.L != statement.L)
        {
            throw new ArgumentException("The forger needs τ = 1 and the statement's shape.", nameof(weak));
        }

        var random = new Random(seed);
        int bound = weak.Gamma1 - (weak.Tau * statement.Eta) - 1;
        PolynomialMatrix matrix = UniformSampler.ExpandA(statement.Seed, weak.K, weak.L);
        var z1 = new PolynomialVector(weak.L);
        var z2 = new PolynomialVector(weak.K);
        var baseW = new PolynomialVector(weak.K);
        var w = new PolynomialVector(weak.K);
        var ct = new PolynomialVector(weak.K);
        byte[] packedW = new byte[weak.K * LatticeCoefficientPacking.PolynomialBytes];
        byte[] hash = new byte[ModuleLweParameters.CommitmentHashSize];
        int[] challenge = new int[Polynomial.N];
        using Transcript prefix = ProofTranscript.Begin(ProofSystemId.ModuleLweRelation, weak, statement, context);
        for (int round = 0; round < 64; round++)
        {
            Fill(z1.Coefficients, bound, random);
            Fill(z2.Coefficients, bound, random);
            ModuleLweRelation.Evaluate(matrix, z1, z2, baseW);
            for (int j = 0; j < Polynomial.N; j++)
            {
                foreach (int sign in (ReadOnlySpan<int>)[1, -1])
                {
                    MultiplyByMonomial(statement.T, sign, j, ct);
                    w.CopyFrom(baseW);
                    w.Subtract(ct);
                    w.Reduce();
                    w.ConditionalAddQ();
                    LatticeCoefficientPacking.Pack(w, packedW);
                    using (Transcript attempt = prefix.Clone())
                    {
                        attempt.AppendMessage("w"u8, packedW);
                        attempt.ChallengeBytes("c"u8, hash);
                    }

                    ChallengeSampler.Sample(hash, 1, challenge);
                    if (challenge[j] == sign)
                    {
                        return Pack(weak, hash, z1, z2);
                    }
                }
            }
        }

        throw new InvalidOperationException("No forgery in 64·512 tries; the challenge space is larger than 512.");
    }

    private static void Fill(Span<int> coefficients, int bound, Random random)
    {
        for (int i = 0; i < coefficients.Length; i++)
        {
            coefficients[i] = random.Next(-bound, bound + 1);
        }
    }

    /// <summary>sign·X^j·t in R_q = Z_q[X]/(X^256 + 1): a negacyclic shift, coefficients in [0, q).</summary>
    private static void MultiplyByMonomial(PolynomialVector t, int sign, int j, PolynomialVector destination)
    {
        for (int p = 0; p < t.Length; p++)
        {
            Span<int> source = t[p];
            Span<int> target = destination[p];
            for (int i = 0; i < Polynomial.N; i++)
            {
                int shifted = i + j;
                int value = shifted < Polynomial.N ? source[i] : -source[i];
                value *= sign;
                target[shifted % Polynomial.N] = ((value % Zq.Q) + Zq.Q) % Zq.Q;
            }
        }
    }

    private static byte[] Pack(ModuleLweParameters set, byte[] hash, PolynomialVector z1, PolynomialVector z2)
    {
        int bits = set.Gamma1Bits + 1;
        int bytes = 32 * bits;
        byte[] proof = new byte[ModuleLweProofSystem.ProofLength(set)];
        hash.CopyTo(proof, 0);
        Span<byte> response = proof.AsSpan(ModuleLweParameters.CommitmentHashSize);
        for (int i = 0; i < set.L; i++)
        {
            BitPacking.PackOffset(z1[i], set.Gamma1, bits, response.Slice(i * bytes, bytes));
        }

        for (int i = 0; i < set.K; i++)
        {
            BitPacking.PackOffset(z2[i], set.Gamma1, bits, response.Slice((set.L + i) * bytes, bytes));
        }

        return proof;
    }
}
