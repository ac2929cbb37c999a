using NexusZero.Groups;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// The Bulletproofs inner-product argument (Bünz et al. 2018, protocol 2, with the verifier's single
/// multi-exponentiation of section 3.1): proves P = ⟨a, G⟩ + ⟨b, H'⟩ + ⟨a, b⟩·Q in 2·log₂(N) elements
/// and two scalars, where H'ᵢ = hFactorᵢ·Hᵢ and Q = w·B. Each round halves the vectors:
/// L = ⟨a_lo, G_hi⟩ + ⟨b_hi, H_lo⟩ + ⟨a_lo, b_hi⟩·Q, R = ⟨a_hi, G_lo⟩ + ⟨b_lo, H_hi⟩ + ⟨a_hi, b_lo⟩·Q,
/// challenge u, a' = u·a_lo + u⁻¹·a_hi, b' = u⁻¹·b_lo + u·b_hi, G' = u⁻¹·G_lo + u·G_hi, H' = u·H_lo + u⁻¹·H_hi.
/// </summary>
/// <remarks>
/// <para>The prover never computes the folded generators G', H'. After j rounds the folded generator at
/// position p is Σ over the original Gₖ with k ≡ p (mod N/2^j) of c(t)·Gₖ, where t = k ≫ (log₂N − j)
/// is k's top j bits and c(t) the product, over the rounds so far, of u where the round's bit of k is
/// set and u⁻¹ where it is clear (for H the other way round, times hFactorₖ). So L and R are each one
/// multi-scalar multiplication over N of the original generators plus Q, in which every original
/// generator appears in exactly one of the two; on ristretto255 the generators' precomputed tables
/// (<see cref="BulletproofGeneratorTables"/>) apply. That costs N terms per round, so every three
/// rounds, while at least three more remain, the folded generators of that point are computed once (one
/// multi-scalar multiplication each) and the following rounds run the same way on them
/// (<see cref="InnerProductBasis"/>). The outputs equal those of the folding prover.</para>
/// <para>The prover's vectors are l(x) and r(x) of the range proof, which the unoptimized protocol sends in
/// the clear (they are blinded by s_L, s_R), so variable-time multiplication is acceptable here.</para>
/// </remarks>
internal static class InnerProductArgument
{
    public static ReadOnlySpan<byte> LLabel => "bp-ipa-L"u8;

    public static ReadOnlySpan<byte> RLabel => "bp-ipa-R"u8;

    public static ReadOnlySpan<byte> ChallengeLabel => "bp-ipa-u"u8;

    /// <summary>Rounds run on one basis before the folded generators replace it (best by measurement and operation counts for N = 64..1024).</summary>
    private const int FoldAfterRounds = 3;

    /// <summary>Fold only when at least three rounds (vectors of length 8) remain; fewer do not repay the folded points' doubling chains.</summary>
    private const int MinFoldedLength = 8;

    /// <summary>
    /// Runs the prover over the first N = a.Length Bulletproofs generators of <paramref name="group"/>
    /// and Q = <paramref name="w"/>·B; returns L₁, R₁, ..., L_k, R_k and the final a, b. Overwrites
    /// <paramref name="a"/> and <paramref name="b"/>.
    /// </summary>
    public static (List<GroupElement> L, List<GroupElement> R, GroupScalar A, GroupScalar B) Prove(
        Transcript transcript,
        IPrimeOrderGroup group,
        GroupScalar w,
        ReadOnlySpan<GroupScalar> hFactors,
        GroupScalar[] a,
        GroupScalar[] b)
    {
        var bigN = a.Length;
        var bases = InnerProductBasis.Generators(group, w, bigN);
        var lList = new List<GroupElement>();
        var rList = new List<GroupElement>();

        // gCoefficient[t]: the product of challenges for prefix t; hWeight[k] = hFactorₖ·(the H product for k's prefix).
        var gCoefficient = new GroupScalar[bigN];
        gCoefficient[0] = group.ScalarOne;
        var hWeight = hFactors.ToArray();
        var lScalars = new GroupScalar[bigN];
        var rScalars = new GroupScalar[bigN];
        var lIndexes = new int[bigN];
        var rIndexes = new int[bigN];
        Span<byte> wide = stackalloc byte[64];
        var n = bigN;
        var blocks = 1;
        while (n > 1)
        {
            // Every round costs one term per base, so once few rounds remain on many bases, the folded
            // generators are computed (one MSM per folded point) and become the bases.
            if (blocks == 1 << FoldAfterRounds && n >= MinFoldedLength)
            {
                bases = bases.Fold(n, gCoefficient.AsSpan(0, blocks), hWeight.AsSpan(0, bases.Size));
                gCoefficient[0] = group.ScalarOne;
                hWeight.AsSpan(0, n).Fill(group.ScalarOne);
                blocks = 1;
            }

            var half = n / 2;
            var cL = InnerProduct(a.AsSpan(0, half), b.AsSpan(half, half), group);
            var cR = InnerProduct(a.AsSpan(half, half), b.AsSpan(0, half), group);

            // Block t holds the base indexes t·n .. t·n + n − 1; its low half feeds R's G and L's H terms.
            var at = 0;
            for (var t = 0; t < blocks; t++)
            {
                var start = t * n;
                for (var i = 0; i < half; i++)
                {
                    var lo = start + i;
                    var hi = lo + half;
                    lScalars[at] = a[i] * gCoefficient[t];
                    lIndexes[at] = hi;
                    rScalars[at] = a[half + i] * gCoefficient[t];
                    rIndexes[at] = lo;
                    at++;
                    lScalars[at] = b[half + i] * hWeight[lo];
                    lIndexes[at] = bases.Size + lo;
                    rScalars[at] = b[i] * hWeight[hi];
                    rIndexes[at] = bases.Size + hi;
                    at++;
                }
            }

            var l = bases.Multiply(cL, lScalars.AsSpan(0, at), lIndexes.AsSpan(0, at));
            var r = bases.Multiply(cR, rScalars.AsSpan(0, at), rIndexes.AsSpan(0, at));
            lList.Add(l);
            rList.Add(r);

            transcript.AppendMessage(LLabel, l.ToBytes());
            transcript.AppendMessage(RLabel, r.ToBytes());
            transcript.ChallengeBytes(ChallengeLabel, wide);
            var u = group.ScalarFromUniformBytes(wide);
            if (u.IsZero)
            {
                throw new NexusZeroException(NexusZeroErrorKind.ProofGenerationFailed, "The inner-product challenge was zero; retry with fresh randomness.");
            }

            var uInverse = u.Invert();
            for (var i = 0; i < half; i++)
            {
                a[i] = (a[i] * u) + (a[half + i] * uInverse);
                b[i] = (b[i] * uInverse) + (b[half + i] * u);
            }

            // The coefficients are only needed while another round follows. Prefix t splits into 2t
            // (low half: G' takes u⁻¹, H' takes u) and 2t + 1 (high half: G' takes u, H' takes u⁻¹).
            if (half > 1)
            {
                for (var t = blocks - 1; t >= 0; t--)
                {
                    gCoefficient[(2 * t) + 1] = gCoefficient[t] * u;
                    gCoefficient[2 * t] = gCoefficient[t] * uInverse;
                    var start = t * n;
                    for (var i = 0; i < half; i++)
                    {
                        hWeight[start + i] *= u;
                        hWeight[start + half + i] *= uInverse;
                    }
                }
            }

            n = half;
            blocks *= 2;
        }

        return (lList, rList, a[0], b[0]);
    }

    /// <summary>
    /// Replays the verifier's challenges u₁..u_k from L and R and returns them with sᵢ = Π u_j^(±1)
    /// (+1 where bit k−j of i is set). False when a challenge is zero.
    /// </summary>
    public static bool TryVerificationScalars(
        Transcript transcript,
        IPrimeOrderGroup group,
        IReadOnlyList<GroupElement> l,
        IReadOnlyList<GroupElement> r,
        int n,
        out GroupScalar[] challenges,
        out GroupScalar[] inverseChallenges,
        out GroupScalar[] s)
    {
        var rounds = l.Count;
        challenges = new GroupScalar[rounds];
        inverseChallenges = new GroupScalar[rounds];
        s = new GroupScalar[n];
        Span<byte> wide = stackalloc byte[64];
        for (var j = 0; j < rounds; j++)
        {
            transcript.AppendMessage(LLabel, l[j].ToBytes());
            transcript.AppendMessage(RLabel, r[j].ToBytes());
            transcript.ChallengeBytes(ChallengeLabel, wide);
            challenges[j] = group.ScalarFromUniformBytes(wide);
            if (challenges[j].IsZero)
            {
                return false;
            }

            inverseChallenges[j] = challenges[j].Invert();
        }

        var first = group.ScalarOne;
        foreach (var inverse in inverseChallenges)
        {
            first *= inverse;
        }

        s[0] = first;
        for (var i = 1; i < n; i++)
        {
            var log = 31 - int.LeadingZeroCount(i);
            var u = challenges[rounds - 1 - log];
            s[i] = s[i - (1 << log)] * u * u;
        }

        return true;
    }

    /// <summary>⟨a, b⟩.</summary>
    public static GroupScalar InnerProduct(ReadOnlySpan<GroupScalar> a, ReadOnlySpan<GroupScalar> b, IPrimeOrderGroup group)
    {
        var sum = group.ScalarZero;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
