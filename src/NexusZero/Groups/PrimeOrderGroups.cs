using System.Diagnostics.CodeAnalysis;

namespace NexusZero.Groups;

/// <summary>Looks up the group implementation for a <see cref="GroupId"/> read from a proof.</summary>
public static class PrimeOrderGroups
{
    /// <summary>The group with the given id.</summary>
    /// <exception cref="ArgumentException">The id names no group this build ships.</exception>
    public static IPrimeOrderGroup Get(GroupId id) =>
        TryGet(id, out var group) ? group : throw new ArgumentException($"Unknown group id {(byte)id}.", nameof(id));

    /// <summary>The group with the given id; false when the id names no group this build ships.</summary>
    public static bool TryGet(GroupId id, [NotNullWhen(true)] out IPrimeOrderGroup? group)
    {
        group = id switch
        {
            GroupId.Ristretto255 => Ristretto255.Ristretto255Group.Instance,
            GroupId.Secp256k1 => Secp256k1.Secp256k1Group.Instance,
            _ => null,
        };
        return group is not null;
    }
}
