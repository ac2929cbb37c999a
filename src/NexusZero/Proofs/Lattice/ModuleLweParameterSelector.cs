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

    /// <summary>The security levels the selector serves, in bits.</summary>
    public static IReadOnlyList<int> SupportedLevels { get; } = [128, 192, 256];

    /// <summary>Selects parameters for a k×l statement with secrets in [−η, η] at <paramref name="securityLevel"/> bits.</summary>
    /// <exception cref="ArgumentException">The shape is out of range.</exception>
    /// <exception cref="NexusZeroException">No parameters reach the level (<see cref="NexusZeroErrorKind.OptimizationFailed"/>).</exception>
    public static ModuleLweParameterChoice Select(int k, int l, int eta, int securityLevel)
    {
        ModuleLweStatement.CheckShape(k, l, eta);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(securityLevel);
        int tau = ChallengeWeightFor(securityLevel);
        if (tau > ModuleLweParameters.MaxTau)
        {
            throw new NexusZeroException(NexusZeroErrorKind.OptimizationFailed, $"No challenge weight τ ≤ {ModuleLweParameters.MaxTau} gives a {securityLevel}-bit challenge space.");
        }

        // The Module-SIS estimate falls as γ1 grows: bisect for the largest admissible log2 γ1, then
        // compare the cost of every admissible γ1 (closed-form, no further estimates).
        int low = ModuleLweParameters.MinGamma1Bits;
        int high = ModuleLweParameters.MaxGamma1Bits;
        if (ModuleLweSecurity.RelaxedWitnessSis(k, l, low).ClassicalBits < securityLevel)
        {
            high = low - 1;
        }

        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (ModuleLweSecurity.RelaxedWitnessSis(k, l, middle).ClassicalBits >= securityLevel)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        ModuleLweParameters? best = null;
        double bestCost = double.MaxValue;
        for (int gamma1Bits = ModuleLweParameters.MinGamma1Bits; gamma1Bits <= high; gamma1Bits++)
        {
            (double acceptance, int proofSize) = Shape(k, l, gamma1Bits, tau * eta);
            double repetitions = acceptance > 0 ? 1 / acceptance : double.PositiveInfinity;
            double cost = proofSize * repetitions;
            if (repetitions <= MaxExpectedRepetitions && cost < bestCost)
            {
                bestCost = cost;
                best = ModuleLweParameters.Create(k, l, gamma1Bits, tau);
            }
        }

        return best is not null ? Evaluate(best, eta) : throw new NexusZeroException(
            NexusZeroErrorKind.OptimizationFailed,
            $"No masking range γ1 ≤ 2^{ModuleLweParameters.MaxGamma1Bits} reaches {securityLevel} bits with at most {MaxExpectedRepetitions} expected attempts for a {k}×{l} Module-LWE proof with η = {eta} (β = {tau * eta}); use a larger module.");
    }

    /// <summary>
    /// Whether <paramref name="parameters"/> is one this selector can output: its τ is the challenge weight
    /// chosen for one of <see cref="SupportedLevels"/> and its relaxed-witness Module-SIS instance reaches that
    /// level. This is the closed list a verifier accepts by default (docs/security.md, "What each verifier
    /// refuses"); every such set offers at least 128 bits on both counts.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static bool IsSelectable(ModuleLweParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (int level in SupportedLevels)
        {
            if (parameters.Tau == ChallengeWeightFor(level))
            {
                return parameters.RelaxedWitnessSisBits >= level;
            }
        }

        return false;
    }

    /// <summary>The figures of a given parameter set for a statement with bound η.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    public static ModuleLweParameterChoice Evaluate(ModuleLweParameters parameters, int eta)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int k = parameters.K;
        int l = parameters.L;
        int beta = parameters.Tau * eta;
        (double acceptance, int proofSize) = Shape(k, l, parameters.Gamma1Bits, beta);
        CoreSvpEstimate sis = ModuleLweSecurity.RelaxedWitnessSis(k, l, parameters.Gamma1Bits);
        return new ModuleLweParameterChoice(
            parameters,
            beta,
            acceptance,
            acceptance > 0 ? 1 / acceptance : double.PositiveInfinity,
            proofSize,
            parameters.ChallengeSpaceBits,
            sis.ClassicalBits,
            sis.QuantumBits,
            ModuleLweSecurity.Statement(k, l, eta).ClassicalBits);
    }

    // The smallest τ whose challenge space reaches the level (a larger τ only raises β and the abort rate);
    // MaxTau + 1 when none does.
    private static int ChallengeWeightFor(int securityLevel)
    {
        int tau = 1;
        while (tau <= ModuleLweParameters.MaxTau && ModuleLweParameters.ChallengeBits(tau) < securityLevel)
        {
            tau++;
        }

        return tau;
    }

    private static (double Acceptance, int ProofSize) Shape(int k, int l, int gamma1Bits, int beta)
    {
        double gamma1 = 1 << gamma1Bits;
        double perCoefficient = Math.Max(0, (2 * (gamma1 - beta)) - 1) / (2 * gamma1);
        return (Math.Pow(perCoefficient, Polynomial.N * (k + l)), ModuleLweParameters.CommitmentHashSize + (32 * (gamma1Bits + 1) * (k + l)));
    }
}
