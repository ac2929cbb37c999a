using NexusZero.Groups;
using NexusZero.Transcripts;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// The Bulletproofs inner-product argument (Bünz et al. 2018, protocol 2, with the verifier's single
/// multi-exponentiation of section 3.1): proves P = ⟨a, G⟩ + ⟨b, H'⟩ + ⟨a, b⟩·Q in 2·log₂(N) elements
/// and two scalars, where H'ᵢ = hFactorᵢ·Hᵢ. Each round halves the vectors:
/// L = ⟨a_lo, G_hi⟩ + ⟨b_hi, H_lo⟩ + ⟨a_lo, b_hi⟩·Q, R = ⟨a_hi, G_lo⟩ + ⟨b_lo, H_hi⟩ + ⟨a_hi, b_lo⟩·Q,
/// challenge u, a' = u·a_lo + u⁻¹·a_hi, b' = u⁻¹·b_lo + u·b_hi, G' = u⁻¹·G_lo + u·G_hi, H' = u·H_lo + u⁻¹·H_hi.
/// </summary>
/// <remarks>
/// The prover's vectors are l(x) and r(x) of the range proof, which the unoptimized protocol sends in
/// the clear (they are blinded by s_L, s_R), so variable-time multiplication is acceptable here.
/// </remarks>
internal static class InnerProductArgument
{
    public static ReadOnlySpan<byte> LLabel => "bp-ipa-L"u8;

    public static ReadOnlySpan<byte> RLabel => "bp-ipa-R"u8;

    public static ReadOnlySpan<byte> ChallengeLabel => "bp-ipa-u"u8;

    /// <summary>Runs the prover; returns L₁, R₁, ..., L_k, R_k and the final a, b.</summary>
    public static (List<GroupElement> L, List<GroupElement> R, GroupScalar A, GroupScalar B) Prove(
        Transcript transcript,
        IPrimeOrderGroup group,
        GroupElement q,
        ReadOnlySpan<GroupElement> gVector,
        ReadOnlySpan<GroupElement> hVector,
        ReadOnlySpan<GroupScalar> hFactors,
        GroupScalar[] a,
        GroupScalar[] b)
    {
        var n = a.Length;
        var g = gVector.ToArray();
        var h = hVector.ToArray();
        var hFactor = hFactors.ToArray();
        var lList = new List<GroupElement>();
        var rList = new List<GroupElement>();
        Span<byte> wide = stackalloc byte[64];
        while (n > 1)
        {
            var half = n / 2;
            var cL = InnerProduct(a.AsSpan(0, half), b.AsSpan(half, half), group);
            var cR = InnerProduct(a.AsSpan(half, half), b.AsSpan(0, half), group);

            var scalars = new GroupScalar[(2 * half) + 1];
            var points = new GroupElement[(2 * half) + 1];
            for (var i = 0; i < half; i++)
            {
                scalars[i] = a[i];
                points[i] = g[half + i];
                scalars[half + i] = b[half + i] * hFactor[i];
                points[half + i] = h[i];
            }

            scalars[2 * half] = cL;
            points[2 * half] = q;
            var l = group.MultiScalarMultiplyVarTime(scalars, points);

            for (var i = 0; i < half; i++)
            {
                scalars[i] = a[half + i];
                points[i] = g[i];
                scalars[half + i] = b[i] * hFactor[half + i];
                points[half + i] = h[half + i];
            }

            scalars[2 * half] = cR;
            var r = group.MultiScalarMultiplyVarTime(scalars, points);
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

            // The generators are only needed while another round follows.
            if (half > 1)
            {
                for (var i = 0; i < half; i++)
                {
                    g[i] = group.MultiScalarMultiplyVarTime([uInverse, u], [g[i], g[half + i]]);
                    h[i] = group.MultiScalarMultiplyVarTime([u * hFactor[i], uInverse * hFactor[half + i]], [h[i], h[half + i]]);
                    hFactor[i] = group.ScalarOne;
                }
            }

            n = half;
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
