using NexusZero.Groups.Bn254;

namespace NexusZero.Circuits;

/// <summary>
/// Bit access and shifts on canonical 256-bit values, for witness hints (bit decomposition, truncation).
/// Bit positions are public circuit parameters; the limb values may be secret, so nothing here branches on them.
/// </summary>
internal static class LimbBits
{
    /// <summary>Bit <paramref name="position"/> (0 = least significant) as 0 or 1.</summary>
    public static ulong Bit(in Limbs256 value, int position) => (value[position >> 6] >> (position & 63)) & 1;

    /// <summary>The value with bit <paramref name="position"/> set.</summary>
    public static Limbs256 SetBit(in Limbs256 value, int position)
    {
        var bit = 1UL << (position & 63);
        return (position >> 6) switch
        {
            0 => new Limbs256(value.L0 | bit, value.L1, value.L2, value.L3),
            1 => new Limbs256(value.L0, value.L1 | bit, value.L2, value.L3),
            2 => new Limbs256(value.L0, value.L1, value.L2 | bit, value.L3),
            _ => new Limbs256(value.L0, value.L1, value.L2, value.L3 | bit),
        };
    }

    /// <summary>value >> shift for 0 ≤ shift &lt; 256.</summary>
    public static Limbs256 ShiftRight(in Limbs256 value, int shift)
    {
        Span<ulong> source = [value.L0, value.L1, value.L2, value.L3];
        Span<ulong> result = stackalloc ulong[4];
        var words = shift >> 6;
        var bits = shift & 63;
        for (var i = 0; i < 4; i++)
        {
            var low = i + words < 4 ? source[i + words] : 0;
            var high = i + words + 1 < 4 ? source[i + words + 1] : 0;
            result[i] = bits == 0 ? low : (low >> bits) | (high << (64 - bits));
        }

        return new Limbs256(result[0], result[1], result[2], result[3]);
    }

    /// <summary>The low <paramref name="count"/> bits of the value (0 ≤ count ≤ 256).</summary>
    public static Limbs256 LowBits(in Limbs256 value, int count)
    {
        Span<ulong> words = [value.L0, value.L1, value.L2, value.L3];
        for (var i = 0; i < 4; i++)
        {
            var keep = Math.Clamp(count - (64 * i), 0, 64);
            words[i] &= keep == 64 ? ulong.MaxValue : (1UL << keep) - 1;
        }

        return new Limbs256(words[0], words[1], words[2], words[3]);
    }

    /// <summary>True when the value is below 2^<paramref name="count"/> (for tests and public checks).</summary>
    public static bool FitsInBits(in Limbs256 value, int count)
    {
        var low = LowBits(value, count);
        return Limbs256.EqualMask(low, value) != 0;
    }
}
