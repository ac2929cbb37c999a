using NexusZero.Groups;
using NexusZero.Proofs.RangeProofs;
using NexusZero.Transcripts;

namespace NexusZero.Classical.Tests.RangeProofs;

/// <summary>
/// TEST ONLY: the textbook inner-product prover that folds the generators every round
/// (G' = u⁻¹·G_lo + u·G_hi, H' = u·H_lo + u⁻¹·H_hi), as the library did before it switched to
/// multi-scalar multiplications over the original generators. The reference for equality tests.
/// </summary>
internal static class FoldingInnerProductReference
{
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
            var cL = InnerProductArgument.InnerProduct(a.AsSpan(0, half), b.AsSpan(half, half), group);
            var cR = InnerProductArgument.InnerProduct(a.AsSpan(half, half), b.AsSpan(0, half), group);
            var scalars = new GroupScalar[(2 * half) + 1];
            var points = new GroupElement[(2 * half) + 1];
            for (var i = 0; i < half; i++)
            {
                (scalars[i], points[i]) = (a[i], g[half + i]);
                (scalars[half + i], points[half + i]) = (b[half + i] * hFactor[i], h[i]);
            }

            (scalars[2 * half], points[2 * half]) = (cL, q);
            var l = group.MultiScalarMultiplyVarTime(scalars, points);
            for (var i = 0; i < half; i++)
            {
                (scalars[i], points[i]) = (a[half + i], g[i]);
                (scalars[half + i], points[half + i]) = (b[i] * hFactor[half + i], h[half + i]);
            }

            scalars[2 * half] = cR;
            var r = group.MultiScalarMultiplyVarTime(scalars, points);
            lList.Add(l);
            rList.Add(r);
            transcript.AppendMessage(InnerProductArgument.LLabel, l.ToBytes());
            transcript.AppendMessage(InnerProductArgument.RLabel, r.ToBytes());
            transcript.ChallengeBytes(InnerProductArgument.ChallengeLabel, wide);
            var u = group.ScalarFromUniformBytes(wide);
            var uInverse = u.Invert();
            for (var i = 0; i < half; i++)
            {
                a[i] = (a[i] * u) + (a[half + i] * uInverse);
                b[i] = (b[i] * uInverse) + (b[half + i] * u);
            }

            for (var i = 0; i < half; i++)
            {
                g[i] = (uInverse * g[i]) + (u * g[half + i]);
                h[i] = (u * hFactor[i] * h[i]) + (uInverse * hFactor[half + i] * h[half + i]);
                hFactor[i] = group.ScalarOne;
            }

            n = half;
        }

        return (lList, rList, a[0], b[0]);
    }
}
