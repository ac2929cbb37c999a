using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NexusZero.Groups;

namespace NexusZero.Proofs.RangeProofs;

/// <summary>
/// The vector generators of Bulletproofs, derived deterministically so nobody knows a relation between
/// them: Gᵢ = ElementFromUniformBytes(SHA-512("NexusZero/bulletproofs/v1/G" ‖ 0x00 ‖ group name ‖ 0x00 ‖
/// i as 4 bytes big-endian)), and Hᵢ the same with label ".../H". The value base is the group's
/// generator and the blinding base the Pedersen H (docs/formats.md, Classical). Public data, cached
/// per group up to <see cref="MaxCount"/> of each.
/// </summary>
internal static class BulletproofGenerators
{
    /// <summary>64 bits × 16 values.</summary>
    public const int MaxCount = 1024;

    private static readonly ConcurrentDictionary<(GroupId, char), GroupElement[]> Cache = new();

    /// <summary>G₀..G_{count−1}.</summary>
    public static ReadOnlySpan<GroupElement> G(IPrimeOrderGroup group, int count) => Vector(group, 'G').AsSpan(0, count);

    /// <summary>H₀..H_{count−1}.</summary>
    public static ReadOnlySpan<GroupElement> H(IPrimeOrderGroup group, int count) => Vector(group, 'H').AsSpan(0, count);

    private static GroupElement[] Vector(IPrimeOrderGroup group, char name) =>
        Cache.GetOrAdd((group.Id, name), _ => Derive(group, name));

    private static GroupElement[] Derive(IPrimeOrderGroup group, char name)
    {
        var prefix = Encoding.UTF8.GetBytes($"NexusZero/bulletproofs/v1/{name}\0{group.Name}\0");
        var input = new byte[prefix.Length + 4];
        prefix.CopyTo(input, 0);
        var result = new GroupElement[MaxCount];
        for (var i = 0; i < MaxCount; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(prefix.Length), (uint)i);
            result[i] = group.ElementFromUniformBytes(SHA512.HashData(input));
        }

        return result;
    }
}
