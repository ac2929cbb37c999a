using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Proofs;

/// <summary>
/// Maps a <see cref="ProofSystemId"/> read from an envelope to the <see cref="IProofSystem"/> that
/// verifies it. Immutable and safe to share across threads; <see cref="With"/> returns a new registry.
/// </summary>
public sealed class ProofSystemRegistry
{
    private readonly FrozenDictionary<ProofSystemId, IProofSystem> _systems;

    /// <summary>Creates a registry of <paramref name="systems"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="systems"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">Two systems share an id.</exception>
    public ProofSystemRegistry(IEnumerable<IProofSystem> systems)
    {
        ArgumentNullException.ThrowIfNull(systems);
        var map = new Dictionary<ProofSystemId, IProofSystem>();
        foreach (var system in systems)
        {
            ArgumentNullException.ThrowIfNull(system, nameof(systems));
            if (!map.TryAdd(system.Id, system))
            {
                throw new ArgumentException($"Two proof systems share the id {system.Id} (0x{(ushort)system.Id:x4}).", nameof(systems));
            }
        }

        _systems = map.ToFrozenDictionary();
        Systems = [.. _systems.Values.OrderBy(s => s.Id)];
    }

    /// <summary>The registry of every proof system NexusZero ships. Add a new system with one line here.</summary>
    public static ProofSystemRegistry Default { get; } = new(
    [
        SchnorrProofSystem.Instance,
        DiscreteLogEqualityProofSystem.Instance,
        PedersenOpeningProofSystem.Instance,
        LinearRelationProofSystem.Instance,
        SigmaCompositionProofSystem.Instance,
        RangeProofs.BulletproofsRangeProofSystem.Instance,
        Lattice.LatticeKeyPossessionProofSystem.Instance,
        Lattice.ModuleLweProofSystem.Instance,
        Circuits.Groth16ProofSystem.Instance,
        Circuits.LigeroProofSystem.Instance,
    ]);

    /// <summary>The registered systems, ordered by id.</summary>
    public IReadOnlyList<IProofSystem> Systems { get; }

    /// <summary>Looks up the system with <paramref name="id"/>.</summary>
    public bool TryGet(ProofSystemId id, [NotNullWhen(true)] out IProofSystem? system) => _systems.TryGetValue(id, out system);

    /// <summary>A new registry with <paramref name="system"/> added, replacing any system with the same id.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    public ProofSystemRegistry With(IProofSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new ProofSystemRegistry(_systems.Values.Where(s => s.Id != system.Id).Append(system));
    }
}
