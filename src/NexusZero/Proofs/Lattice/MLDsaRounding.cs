using System.Runtime.CompilerServices;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// Power2Round, Decompose, MakeHint and UseHint of FIPS 204 (Algorithms 35–40), branch-free where the
/// signer runs them on secret-dependent values.
/// </summary>
internal static class MLDsaRounding
{
    /// <summary>The number of dropped bits of t (d = 13).</summary>
    public const int D = 13;

    /// <summary>Splits a ∈ [0, q) into a1·2^d + a0 with a0 ∈ (−2^(d−1), 2^(d−1)]; returns a1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Power2Round(int a, out int a0)
    {
        int a1 = (a + (1 << (D - 1)) - 1) >> D;
        a0 = a - (a1 << D);
        return a1;
    }

    /// <summary>
    /// Decompose for a ∈ [0, q): a ≡ a1·2γ2 + a0 with a0 ∈ (−γ2, γ2], except that the top bucket wraps
    /// to a1 = 0 and a0 − 1 (FIPS 204 Algorithm 36); returns a1. Multiply-shift replaces the division.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Decompose(int a, int gamma2, out int a0)
    {
        int a1 = (a + 127) >> 7;
        if (gamma2 == (Zq.Q - 1) / 32)
        {
            a1 = ((a1 * 1025) + (1 << 21)) >> 22;
            a1 &= 15;
        }
        else
        {
            a1 = ((a1 * 11275) + (1 << 23)) >> 24;
            a1 ^= ((43 - a1) >> 31) & a1;
        }

        a0 = a - (a1 * 2 * gamma2);
        a0 -= (((Zq.Q - 1) / 2) - a0) >> 31 & Zq.Q;
        return a1;
    }

    /// <summary>
    /// The hint bit for low part <paramref name="a0"/> = w0 − c·s2 + c·t0 and high part
    /// <paramref name="a1"/> = w1: 1 when adding −c·t0 changes the high bits (equivalent to FIPS 204
    /// Algorithm 39 under the signer's norm checks). Branch-free.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MakeHint(int a0, int a1, int gamma2)
    {
        int above = (gamma2 - a0) >> 31;
        int below = (a0 + gamma2) >> 31;
        int offset = a0 + gamma2;
        int atLowerEdge = ~((offset | -offset) >> 31);
        int highNonZero = (a1 | -a1) >> 31;
        return (above | below | (atLowerEdge & highNonZero)) & 1;
    }

    /// <summary>UseHint (FIPS 204 Algorithm 40) for a ∈ [0, q); verifier-only, public inputs.</summary>
    public static int UseHint(int a, int hint, int gamma2)
    {
        int a1 = Decompose(a, gamma2, out int a0);
        if (hint == 0)
        {
            return a1;
        }

        if (gamma2 == (Zq.Q - 1) / 32)
        {
            return a0 > 0 ? (a1 + 1) & 15 : (a1 - 1) & 15;
        }

        if (a0 > 0)
        {
            return a1 == 43 ? 0 : a1 + 1;
        }

        return a1 == 0 ? 43 : a1 - 1;
    }
}
