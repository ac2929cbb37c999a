using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16;

/// <summary>
/// A verifying key's fixed pairing work: f(α, β), the Miller loop of e(α, β) before the final exponentiation
/// (a constant factor of every check), and γ, δ with their lines prepared. A check then runs the Miller loop
/// for −A, B alone and the Fp12 work for IC and C: three loops instead of four, two without G2 arithmetic.
/// </summary>
internal sealed class Groth16PreparedKey
{
    public Groth16PreparedKey(in G1Point alpha, in G2Point beta, in G2Point gamma, in G2Point delta)
    {
        AlphaBeta = MillerLoop.Evaluate([(alpha.ToAffine(), beta.ToAffine())]);
        Gamma = PreparedG2.From(gamma);
        Delta = PreparedG2.From(delta);
    }

    /// <summary>The Miller loop value of (α, β).</summary>
    public Fp12 AlphaBeta { get; }

    public PreparedG2 Gamma { get; }

    public PreparedG2 Delta { get; }
}
