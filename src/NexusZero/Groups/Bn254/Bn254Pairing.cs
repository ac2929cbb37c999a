namespace NexusZero.Groups.Bn254;

/// <summary>
/// The optimal ate pairing e: G1 × G2 → GT ⊂ Fp12 and the product of pairings with one shared Miller
/// loop and one final exponentiation, which verifiers use to check ∏ e(Pᵢ, Qᵢ) = 1 (EIP-197).
/// Inputs are decoded, validated points; the computation is variable-time (public inputs only).
/// </summary>
internal static class Bn254Pairing
{
    public static Fp12 Pair(in G1Point p, in G2Point q) => MultiPair([(p, q)]);

    /// <summary>∏ e(Pᵢ, Qᵢ).</summary>
    public static Fp12 MultiPair(ReadOnlySpan<(G1Point P, G2Point Q)> pairs)
    {
        var affine = new (AffinePoint<Fp> P, AffinePoint<Fp2> Q)[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            affine[i] = (pairs[i].P.ToAffine(), pairs[i].Q.ToAffine());
        }

        return FinalExponentiation.Apply(MillerLoop.Evaluate(affine));
    }

    /// <summary>True when ∏ e(Pᵢ, Qᵢ) = 1; true for no pairs, as EIP-197 defines.</summary>
    public static bool Check(ReadOnlySpan<(G1Point P, G2Point Q)> pairs) => MultiPair(pairs).IsOne;
}
