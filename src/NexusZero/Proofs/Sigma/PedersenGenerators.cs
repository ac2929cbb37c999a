using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// The Pedersen commitment bases of a group: C = v·G + r·H with G the group's standard generator and
/// H = ElementFromUniformBytes(SHA-512("NexusZero/pedersen/blinding-base/v1" ‖ 0x00 ‖ group name)),
/// so nobody knows log_G H (docs/formats.md, Classical).
/// </summary>
public static class PedersenGenerators
{
    private static readonly ConcurrentDictionary<GroupId, GroupElement> BlindingBases = new();

    /// <summary>The domain-separation label hashed into H.</summary>
    public const string BlindingBaseLabel = "NexusZero/pedersen/blinding-base/v1";

    /// <summary>G: the group's standard generator (the value base).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    public static GroupElement ValueBase(IPrimeOrderGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Generator;
    }

    /// <summary>H: the blinding base, derived by hashing a domain-separated label into the group.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    public static GroupElement BlindingBase(IPrimeOrderGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return BlindingBases.GetOrAdd(group.Id, _ => Derive(group, BlindingBaseLabel));
    }

    /// <summary>C = v·G + r·H in constant time with respect to v and r.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static GroupElement Commit(GroupScalar value, GroupScalar blinding)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(blinding);
        var group = value.Group;
        return group.MultiplyBase(value) + (blinding * BlindingBase(group));
    }

    /// <summary>C = value·G + r·H for an unsigned 64-bit value (the form range proofs take), in constant time.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="blinding"/> is null.</exception>
    public static GroupElement Commit(ulong value, GroupScalar blinding)
    {
        ArgumentNullException.ThrowIfNull(blinding);
        using var scalar = RangeProofs.ConstantTimeGroupOps.ScalarFromUInt64(blinding.Group, value);
        return Commit(scalar, blinding);
    }

    /// <summary>ElementFromUniformBytes(SHA-512(label ‖ 0x00 ‖ group name)).</summary>
    internal static GroupElement Derive(IPrimeOrderGroup group, string label)
    {
        var input = Encoding.UTF8.GetBytes(label + "\0" + group.Name);
        return group.ElementFromUniformBytes(SHA512.HashData(input));
    }
}
