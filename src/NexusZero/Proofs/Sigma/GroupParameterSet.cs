using System.Buffers.Binary;
using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// The parameters of a sigma protocol over one prime-order group: the group itself. Its envelope id is
/// the <see cref="GroupId"/> value, so one set exists per group.
/// </summary>
public sealed record GroupParameterSet : ParameterSet
{
    /// <summary>Creates the parameter set for <paramref name="group"/> at 128-bit security (ristretto255 and secp256k1 both offer about 2^128 against discrete logarithms).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    public GroupParameterSet(IPrimeOrderGroup group)
        : base((ushort)(group ?? throw new ArgumentNullException(nameof(group))).Id, group.Name, 128)
    {
        Group = group;
    }

    /// <summary>The group the protocol runs in.</summary>
    public IPrimeOrderGroup Group { get; }

    /// <summary>
    /// Group id (1 byte), scalar length and element length (2 bytes each, big-endian), then the canonical
    /// encoding of the group's standard generator.
    /// </summary>
    public override byte[] ToCanonicalBytes()
    {
        var bytes = new byte[5 + Group.ElementLength];
        bytes[0] = (byte)Group.Id;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(1), (ushort)Group.ScalarLength);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(3), (ushort)Group.ElementLength);
        Group.Generator.Encode(bytes.AsSpan(5));
        return bytes;
    }
}
