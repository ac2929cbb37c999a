using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NexusZero.Proofs;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Optimization.Onnx;

/// <summary>
/// The parameter sets the cost model may choose among for a Module-LWE statement: every (γ1, τ) the proof system
/// accepts (the selector's closed list plus registered sets) whose <see cref="ParameterSet.SecurityBits"/> reach the
/// requested level and whose expected repetitions stay within <see cref="ModuleLweParameterSelector.MaxExpectedRepetitions"/>.
/// The floor is applied here, before the model sees anything, so no prediction can bring a weaker set back.
/// Lists are cached per proof-system instance and shape, so repeated selections are lookups.
/// </summary>
internal static class CostCandidates
{
    private static readonly ConditionalWeakTable<IProofSystem, ConcurrentDictionary<(int K, int L, int Eta, int Level), Entry>> Cache = new();

    /// <summary>The candidates and their feature rows.</summary>
    public static Entry ModuleLwe(ModuleLweProofSystem system, ModuleLweStatement statement, int securityLevel)
    {
        var perSystem = Cache.GetValue(system, _ => new ConcurrentDictionary<(int, int, int, int), Entry>());
        return perSystem.GetOrAdd((statement.K, statement.L, statement.Eta, securityLevel), key => Build(system, key.K, key.L, key.Eta, key.Level));
    }

    private static Entry Build(ModuleLweProofSystem system, int k, int l, int eta, int securityLevel)
    {
        var sets = new List<ModuleLweParameters>();
        for (int tau = 1; tau <= ModuleLweParameters.MaxTau; tau++)
        {
            for (int gamma1Bits = ModuleLweParameters.MinGamma1Bits; gamma1Bits <= ModuleLweParameters.MaxGamma1Bits; gamma1Bits++)
            {
                ModuleLweParameters set = ModuleLweParameters.Create(k, l, gamma1Bits, tau);
                if (set.SecurityBits < securityLevel || tau * eta >= set.Gamma1 || !system.TryGetParameterSet(set.Id, out ParameterSet? known) || !known.Equals(set))
                {
                    continue;
                }

                if (ModuleLweParameterSelector.Evaluate(set, eta).ExpectedRepetitions <= ModuleLweParameterSelector.MaxExpectedRepetitions)
                {
                    sets.Add(set);
                }
            }
        }

        float[] features = new float[sets.Count * CostFeatures.Count];
        for (int i = 0; i < sets.Count; i++)
        {
            CostFeatures.ModuleLwe(sets[i], eta, features.AsSpan(i * CostFeatures.Count, CostFeatures.Count));
        }

        return new Entry([.. sets], features);
    }

    /// <summary>Candidates (all at or above the floor) and their rows, row i for candidate i.</summary>
    /// <param name="Sets">The candidates.</param>
    /// <param name="Features">Sets.Length × <see cref="CostFeatures.Count"/> model inputs; shared, never written after construction.</param>
    internal sealed record Entry(ModuleLweParameters[] Sets, float[] Features);
}
