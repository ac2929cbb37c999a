namespace NexusZero.Lattices;

/// <summary>
/// SimpleBitPack / BitPack of FIPS 204 (Algorithms 16–19): coefficients as fixed-width little-endian bit
/// fields, coefficient i at bits [i·w, (i+1)·w) of the byte string.
/// </summary>
internal static class BitPacking
{
    /// <summary>Packs 256 values in [0, 2^<paramref name="bits"/>) into 32·bits bytes.</summary>
    public static void Pack(ReadOnlySpan<int> values, int bits, Span<byte> destination)
    {
        ulong accumulator = 0;
        int filled = 0;
        int output = 0;
        for (int i = 0; i < Polynomial.N; i++)
        {
            accumulator |= (ulong)(uint)values[i] << filled;
            filled += bits;
            while (filled >= 8)
            {
                destination[output++] = (byte)accumulator;
                accumulator >>= 8;
                filled -= 8;
            }
        }
    }

    /// <summary>Packs b − value for 256 values in [b − 2^bits + 1, b] (BitPack with upper bound b).</summary>
    public static void PackOffset(ReadOnlySpan<int> values, int upper, int bits, Span<byte> destination)
    {
        Span<int> shifted = stackalloc int[Polynomial.N];
        for (int i = 0; i < Polynomial.N; i++)
        {
            shifted[i] = upper - values[i];
        }

        Pack(shifted, bits, destination);
        shifted.Clear();
    }

    /// <summary>Unpacks 256 values of <paramref name="bits"/> bits each from 32·bits bytes.</summary>
    public static void Unpack(ReadOnlySpan<byte> source, int bits, Span<int> destination)
    {
        ulong accumulator = 0;
        int filled = 0;
        int input = 0;
        uint mask = (1u << bits) - 1;
        for (int i = 0; i < Polynomial.N; i++)
        {
            while (filled < bits)
            {
                accumulator |= (ulong)source[input++] << filled;
                filled += 8;
            }

            destination[i] = (int)((uint)accumulator & mask);
            accumulator >>= bits;
            filled -= bits;
        }
    }
}
