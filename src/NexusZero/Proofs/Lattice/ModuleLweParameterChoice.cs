namespace NexusZero.Proofs.Lattice;

/// <summary>What the parameter selector chose for a Module-LWE relation proof, and why.</summary>
/// <param name="Parameters">The chosen set.</param>
/// <param name="Beta">β = τ·η, the bound c·s never exceeds.</param>
/// <param name="AcceptanceProbability">Probability that one attempt passes the rejection check, ((2(γ1 − β) − 1)/(2γ1))^(256(k + l)).</param>
/// <param name="ExpectedRepetitions">1 / acceptance probability.</param>
/// <param name="ProofSize">Proof bytes: c̃ plus z1, z2 at log2 γ1 + 1 bits per coefficient.</param>
/// <param name="ChallengeBits">log2 of the challenge space.</param>
/// <param name="SisClassicalBits">Classical core-SVP bits of the ℓ∞ Module-SIS instance for the extracted relaxed witness (estimated at bound 2γ1 ≥ 2(γ1 − β)).</param>
/// <param name="SisQuantumBits">Quantum core-SVP bits of the same instance.</param>
/// <param name="StatementClassicalBits">Classical core-SVP bits of the primal attack on the statement's own Module-LWE instance (the caller's choice of k, l, η).</param>
public sealed record ModuleLweParameterChoice(
    ModuleLweParameters Parameters,
    int Beta,
    double AcceptanceProbability,
    double ExpectedRepetitions,
    int ProofSize,
    double ChallengeBits,
    double SisClassicalBits,
    double SisQuantumBits,
    double StatementClassicalBits);
