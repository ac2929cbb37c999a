using System.Buffers.Binary;
using NexusZero.Circuits;

namespace NexusZero.Cli.Commands;

/// <summary>
/// Reads a public field element as the small signed integer a circuit meant by it: fixed-point values (an inference's
/// input and output, an argmax) are encoded as v or p − |v|, which print as 64 hex digits that say nothing to a reader.
/// </summary>
internal static class SignedFieldValue
{
    /// <summary>The value as a signed integer when it or its negation is below 2^63.</summary>
    public static bool TryGetInt64(FieldElement value, out long result)
    {
        if (TryGetSmall(value, out var positive))
        {
            result = positive;
            return true;
        }

        if (TryGetSmall(-value, out var negated))
        {
            result = -negated;
            return true;
        }

        result = 0;
        return false;
    }

    private static bool TryGetSmall(FieldElement value, out long result)
    {
        Span<byte> bytes = stackalloc byte[FieldElement.ByteLength];
        value.WriteBigEndian(bytes);
        var low = BinaryPrimitives.ReadUInt64BigEndian(bytes[^8..]);
        result = (long)low;
        return !bytes[..^8].ContainsAnyExcept((byte)0) && low <= long.MaxValue;
    }
}
