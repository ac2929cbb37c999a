using System.Collections.Concurrent;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// Chooses γ1 and τ for a Module-LWE relation proof at a requested security level λ: τ is the smallest
/// weight whose challenge space reaches λ bits (a smaller τ only lowers β = τ·η and the abort rate),
/// and γ1 = 2^b ranges over the powers of two whose relaxed-witness Module-SIS instance (bound
/// at most 2γ1) still costs λ classical core-SVP bits; among those expecting at most <see cref="MaxExpectedRepetitions"/> attempts it takes the one
/// minimising expected proof size × expected repetitions. Estimates are cached per shape, so repeated selections are
/// table lookups.
/// </summary>
public static class ModuleLweParameterSelector
{
    /// <summary>
    /// Candidates expecting more attempts than this are not offered: proving time would be unpredictable,
    /// and a module too small to keep Module-SIS hard at a usable γ1 is better refused than slow.
    /// </summary>
    public const double MaxExpectedRepetitions = 100;

    private static readonly ConcurrentDictionary<(int K, int L, int Gamma1Bits), (double Classical, double Quantum)> SisCache = new();
    private static readonly ConcurrentDictionary<(int K, int L, int Eta), double> StatementCache = new();

    /// <summary>Selects parameters for a k×l statement with secrets in [−η, η] at <paramref name="securityLevel"/> bits.</summary>
    /// <exception cref="ArgumentException">The shape is out of range.</exception>
    /// <exception cref="NexusZeroException">No parameters reach the level (<see cref="NexusZeroErrorKind.OptimizationFailed"/>).</exception>
    public static ModuleLweParameterChoice Select(int k, int l, int eta, int securityLevel)
    {
        ModuleLweStatement.CheckShape(k, l, eta);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(securityLevel);
        int tau = 1;
        while (tau <= ModuleLweParameters.MaxTau && ModuleLweParameters.ChallengeBits(tau) < securityLevel)
        {
            tau++;
        }

        if (tau > ModuleLweParameters.MaxTau)
        {
            throw new NexusZeroException(NexusZeroErrorKind.OptimizationFailed, $"No challenge weight τ ≤ {ModuleLweParameters.MaxTau} gives a {securityLevel}-bit challenge space.");
        }

        ModuleLweParameterChoice? best = null;
        double bestCost = double.MaxValue;
        for (int gamma1Bits = ModuleLweParameters.MinGamma1Bits; gamma1Bits <= ModuleLweParameters.MaxGamma1Bits; gamma1Bits++)
        {
            ModuleLweParameterChoice candidate = Evaluate(ModuleLweParameters.Create(k, l, gamma1Bits, tau), eta);
            if (candidate.SisClassicalBits < securityLevel)
            {
                break;
            }

            double cost = candidate.ProofSize * candidate.ExpectedRepetitions;
            if (candidate.ExpectedRepetitions <= MaxExpectedRepetitions && cost < bestCost)
            {
                bestCost = cost;
                best = candidate;
            }
        }

        return best ?? throw new NexusZeroException(
            NexusZeroErrorKind.OptimizationFailed,
            $"No masking range γ1 ≤ 2^{ModuleLweParameters.MaxGamma1Bits} reaches {securityLevel} bits with at most {MaxExpectedRepetitions} expected attempts for a {k}×{l} Module-LWE proof with η = {eta} (β = {tau * eta}); use a larger module.");
    }

    /// <summary>The figures of a given parameter set for a statement with bound η.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static ModuleLweParameterChoice Evaluate(ModuleLweParameters parameters, int eta)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int k = parameters.K;
        int l = parameters.L;
        int beta = parameters.Tau * eta;
        double gamma1 = parameters.Gamma1;
        double perCoefficient = Math.Max(0, (2 * (gamma1 - beta)) - 1) / (2 * gamma1);
        double acceptance = Math.Pow(perCoefficient, Polynomial.N * (k + l));
        int proofSize = ModuleLweParameters.CommitmentHashSize + (32 * (parameters.Gamma1Bits + 1) * (k + l));
        (double sisClassical, double sisQuantum) = SisCache.GetOrAdd((k, l, parameters.Gamma1Bits), key =>
        {
            // The extracted witness has ‖s̄‖∞ < 2(γ1 − β) ≤ 2γ1; estimating at 2γ1 keeps the figure
            // independent of η and never above the exact one.
            CoreSvpEstimate estimate = LatticeSecurityEstimator.ModuleSisInfinity(key.K, key.K + key.L + 1, 2.0 * (1 << key.Gamma1Bits));
            return (estimate.ClassicalBits, estimate.QuantumBits);
        });
        double statementBits = StatementCache.GetOrAdd((k, l, eta), key => LatticeSecurityEstimator.ModuleLwePrimal(key.K, key.L, key.Eta).ClassicalBits);
        return new ModuleLweParameterChoice(
            parameters,
            beta,
            acceptance,
            acceptance > 0 ? 1 / acceptance : double.PositiveInfinity,
            proofSize,
            parameters.ChallengeSpaceBits,
            sisClassical,
            sisQuantum,
            statementBits);
    }
}
