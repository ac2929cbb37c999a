using System.Collections.Concurrent;
using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// Cached core-SVP figures for Module-LWE relation proofs, so parameter sets and the selector share one
/// estimate per shape: the ℓ∞ Module-SIS instance of the extracted relaxed witness (k equations,
/// l + k + 1 columns, bound 2γ1 ≥ 2(γ1 − β), so the figure never exceeds the exact one) and the primal
/// attack on the statement's own Module-LWE instance.
/// </summary>
internal static class ModuleLweSecurity
{
    private static readonly ConcurrentDictionary<(int K, int L, int Gamma1Bits), CoreSvpEstimate> Sis = new();
    private static readonly ConcurrentDictionary<(int K, int L, int Eta), CoreSvpEstimate> Statements = new();

    /// <summary>The relaxed-witness Module-SIS estimate.</summary>
    public static CoreSvpEstimate RelaxedWitnessSis(int k, int l, int gamma1Bits) =>
        Sis.GetOrAdd((k, l, gamma1Bits), key => LatticeSecurityEstimator.ModuleSisInfinity(key.K, key.K + key.L + 1, 2.0 * (1 << key.Gamma1Bits)));

    /// <summary>The primal estimate of the statement's Module-LWE instance.</summary>
    public static CoreSvpEstimate Statement(int k, int l, int eta) =>
        Statements.GetOrAdd((k, l, eta), key => LatticeSecurityEstimator.ModuleLwePrimal(key.K, key.L, key.Eta));
}
