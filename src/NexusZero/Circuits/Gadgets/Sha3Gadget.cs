namespace NexusZero.Circuits.Gadgets;

/// <summary>
/// SHA3-256 (FIPS 202) over a message of a length fixed when the circuit is built: the sponge over Keccak-f[1600]
/// with rate 1088 bits, the 0x06 domain suffix and pad10*1 as constants. Message and digest bits are taken and
/// returned most significant first within each byte, as <see cref="Sha256Gadget"/> takes and returns them (so
/// <see cref="Sha256Gadget.MessageBits"/> and <see cref="Sha256Gadget.Pack"/> serve both); inside, FIPS 202 reads
/// bytes least significant bit first, and the gadget reorders.
/// </summary>
/// <remarks>
/// Cost: about 150,000 constraints per 136-byte block (one permutation; see <see cref="KeccakCircuit"/>), the last
/// round computing only the four lanes the digest reads. The caller must constrain the message bits to be boolean.
/// </remarks>
public static class Sha3Gadget
{
    /// <summary>Longest message accepted, in bytes (31 permutations, under 5 million constraints).</summary>
    public const int MaxMessageBytes = 4096;

    /// <summary>The sponge's rate in bytes: 1600 − 2·256 bits.</summary>
    public const int RateBytes = 136;

    private const int DigestLanes = 4;

    /// <summary>The digest bits of SHA3-256 over <paramref name="messageBits"/> (a whole number of bytes, MSB first per byte).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="messageBits">Boolean message bits, 8 per byte, most significant first.</param>
    /// <returns>256 digest bits, most significant bit of the first digest byte first.</returns>
    /// <exception cref="ArgumentException">The bit count is not a multiple of 8 or exceeds <see cref="MaxMessageBytes"/> bytes.</exception>
    public static LinearCombination[] Sha3_256(this CircuitBuilder builder, ReadOnlySpan<LinearCombination> messageBits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (messageBits.Length % 8 != 0 || messageBits.Length > 8 * MaxMessageBytes)
        {
            throw new ArgumentException($"SHA3-256 here takes whole bytes, at most {MaxMessageBytes}; got {messageBits.Length} bits.", nameof(messageBits));
        }

        var padded = Pad(messageBits);
        var keccak = new KeccakCircuit(builder);
        var state = new FoldedBit[KeccakCircuit.StateBits];
        Array.Fill(state, FoldedBit.Zero);
        var blocks = padded.Length / (8 * RateBytes);
        for (var block = 0; block < blocks; block++)
        {
            for (var i = 0; i < 8 * RateBytes; i++)
            {
                state[i] = keccak.Xor(state[i], padded[(block * 8 * RateBytes) + i]);
            }

            state = keccak.Permute(state, block == blocks - 1 ? DigestLanes : 25);
        }

        // Digest byte j is state byte j; its bit k (LSB first in FIPS 202) goes out at position 8j + 7 − k.
        var digest = new LinearCombination[256];
        for (var j = 0; j < 32; j++)
        {
            for (var k = 0; k < 8; k++)
            {
                digest[(8 * j) + 7 - k] = state[(8 * j) + k].Value;
            }
        }

        return digest;
    }

    /// <summary>
    /// The message in FIPS 202 bit order (bit k of byte j at 8j + k), then the suffix bits 0, 1 (the 0x06 byte's
    /// "01" domain bits and pad10*1's first 1), zeros, and the final 1 at the last bit of a block.
    /// </summary>
    private static FoldedBit[] Pad(ReadOnlySpan<LinearCombination> messageBits)
    {
        var messageBytes = messageBits.Length / 8;
        var blocks = (messageBytes / RateBytes) + 1;
        var padded = new FoldedBit[blocks * 8 * RateBytes];
        Array.Fill(padded, FoldedBit.Zero);
        for (var j = 0; j < messageBytes; j++)
        {
            for (var k = 0; k < 8; k++)
            {
                padded[(8 * j) + k] = FoldedBit.Of(messageBits[(8 * j) + 7 - k]);
            }
        }

        // 0x06 at byte messageBytes sets its bits 1 and 2; 0x80 at the block's last byte sets bit 7.
        padded[(8 * messageBytes) + 1] = FoldedBit.One;
        padded[(8 * messageBytes) + 2] = FoldedBit.One;
        padded[^1] = FoldedBit.One;
        return padded;
    }
}
