namespace NexusZero.Circuits.Gadgets;

/// <summary>
/// SHA-256 (FIPS 180-4) over a message of a length fixed when the circuit is built, padded in-circuit with constants.
/// Bits go in and come out most significant first within each byte, as circomlib's <c>Sha256(nBits)</c> takes and
/// returns them, so the digest bits are the standard digest bytes read bit by bit.
/// </summary>
/// <remarks>
/// Cost per 512-bit block: about 27,000 constraints (circomlib: about 29,600). A bit is a linear combination that is
/// provably 0 or 1 given boolean inputs: XOR is a + b − 2ab (one product), Ch(e, f, g) = g + e·(f − g) (one),
/// Maj(a, b, c) = ab + c·(a + b − 2ab) (two); additions mod 2^32 of k words sum them linearly and decompose the sum
/// into 32 + ⌈log₂ k⌉ boolean bits, keeping the low 32. Products with a constant bit are folded away, so the padding
/// and the initial state cost nothing. The caller must constrain the message bits to be boolean (see
/// <see cref="MessageBits"/>).
/// </remarks>
public static class Sha256Gadget
{
    /// <summary>Longest message accepted, in bytes (so a circuit stays within a few million constraints).</summary>
    public const int MaxMessageBytes = 4096;

    private static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] InitialState =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    /// <summary>Allocates the bits of a private message, each constrained boolean, most significant bit of each byte first.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="message">The message (only read when the builder computes a witness).</param>
    /// <param name="length">The message length in bytes, fixed by the circuit.</param>
    /// <returns>8 · <paramref name="length"/> bits.</returns>
    /// <exception cref="ArgumentException">The message does not have <paramref name="length"/> bytes.</exception>
    public static LinearCombination[] MessageBits(this CircuitBuilder builder, ReadOnlyMemory<byte> message, int length)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxMessageBytes);
        if (builder.ComputesWitness && message.Length != length)
        {
            throw new ArgumentException($"The message has {message.Length} bytes; the circuit is for {length}.", nameof(message));
        }

        var bits = new LinearCombination[8 * length];
        for (var i = 0; i < bits.Length; i++)
        {
            var index = i;
            bits[i] = builder.BooleanWitness(() => ((message.Span[index / 8] >> (7 - (index % 8))) & 1) == 1);
        }

        return bits;
    }

    /// <summary>The digest bits of SHA-256 over <paramref name="messageBits"/> (a whole number of bytes, MSB first per byte).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="messageBits">Boolean message bits, 8 per byte, most significant first.</param>
    /// <returns>256 digest bits, most significant bit of the first digest byte first.</returns>
    /// <exception cref="ArgumentException">The bit count is not a multiple of 8 or exceeds <see cref="MaxMessageBytes"/> bytes.</exception>
    public static LinearCombination[] Sha256(this CircuitBuilder builder, ReadOnlySpan<LinearCombination> messageBits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (messageBits.Length % 8 != 0 || messageBits.Length > 8 * MaxMessageBytes)
        {
            throw new ArgumentException($"SHA-256 here takes whole bytes, at most {MaxMessageBytes}; got {messageBits.Length} bits.", nameof(messageBits));
        }

        var padded = Pad(messageBits);
        var state = new Sha256Word[8];
        for (var i = 0; i < 8; i++)
        {
            state[i] = Sha256Word.Constant(InitialState[i]);
        }

        var circuit = new Sha256Circuit(builder);
        for (var block = 0; block < padded.Length / 512; block++)
        {
            var words = new Sha256Word[16];
            for (var w = 0; w < 16; w++)
            {
                words[w] = Sha256Word.FromBigEndianBits(padded.AsSpan((block * 512) + (w * 32), 32));
            }

            state = Compress(circuit, state, words);
        }

        var digest = new LinearCombination[256];
        for (var w = 0; w < 8; w++)
        {
            state[w].WriteBigEndianBits(digest.AsSpan(w * 32, 32));
        }

        return digest;
    }

    /// <summary>The digest as two field elements: the first 16 bytes and the last 16 bytes, each read big-endian.</summary>
    /// <param name="digestBits">The 256 bits <see cref="Sha256"/> returns.</param>
    /// <returns>(high, low), each below 2^128.</returns>
    public static (LinearCombination High, LinearCombination Low) Pack(ReadOnlySpan<LinearCombination> digestBits)
    {
        if (digestBits.Length != 256)
        {
            throw new ArgumentException($"A SHA-256 digest has 256 bits, not {digestBits.Length}.", nameof(digestBits));
        }

        var high = LinearCombination.Zero;
        var low = LinearCombination.Zero;
        for (var i = 0; i < 128; i++)
        {
            high += digestBits[i] * FieldElement.PowerOfTwo(127 - i);
            low += digestBits[128 + i] * FieldElement.PowerOfTwo(127 - i);
        }

        return (high, low);
    }

    /// <summary>The message, a 1 bit, zeros, and the 64-bit big-endian bit length: a whole number of 512-bit blocks.</summary>
    private static FoldedBit[] Pad(ReadOnlySpan<LinearCombination> messageBits)
    {
        var length = messageBits.Length;
        var blocks = (length + 1 + 64 + 511) / 512;
        var padded = new FoldedBit[blocks * 512];
        for (var i = 0; i < length; i++)
        {
            padded[i] = FoldedBit.Of(messageBits[i]);
        }

        for (var i = length; i < padded.Length; i++)
        {
            padded[i] = FoldedBit.Zero;
        }

        padded[length] = FoldedBit.One;
        var bitLength = (ulong)length;
        for (var i = 0; i < 64; i++)
        {
            padded[padded.Length - 1 - i] = ((bitLength >> i) & 1) == 1 ? FoldedBit.One : FoldedBit.Zero;
        }

        return padded;
    }

    private static Sha256Word[] Compress(Sha256Circuit c, Sha256Word[] state, Sha256Word[] block)
    {
        var w = new Sha256Word[64];
        block.CopyTo(w, 0);
        for (var t = 16; t < 64; t++)
        {
            var s0 = c.Xor(c.Xor(w[t - 15].RotateRight(7), w[t - 15].RotateRight(18)), w[t - 15].ShiftRight(3));
            var s1 = c.Xor(c.Xor(w[t - 2].RotateRight(17), w[t - 2].RotateRight(19)), w[t - 2].ShiftRight(10));
            w[t] = c.Add([w[t - 16], s0, w[t - 7], s1], 0);
        }

        var (a, b, cc, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]);
        for (var t = 0; t < 64; t++)
        {
            var sigma1 = c.Xor(c.Xor(e.RotateRight(6), e.RotateRight(11)), e.RotateRight(25));
            var choose = c.Choose(e, f, g);
            var sigma0 = c.Xor(c.Xor(a.RotateRight(2), a.RotateRight(13)), a.RotateRight(22));
            var majority = c.Majority(a, b, cc);

            // a' = T1 + T2 and e' = d + T1, each as one multi-word sum and one decomposition.
            var newA = c.Add([h, sigma1, choose, w[t], sigma0, majority], RoundConstants[t]);
            var newE = c.Add([d, h, sigma1, choose, w[t]], RoundConstants[t]);
            (h, g, f, e, d, cc, b, a) = (g, f, e, newE, cc, b, a, newA);
        }

        return
        [
            c.Add([state[0], a], 0), c.Add([state[1], b], 0), c.Add([state[2], cc], 0), c.Add([state[3], d], 0),
            c.Add([state[4], e], 0), c.Add([state[5], f], 0), c.Add([state[6], g], 0), c.Add([state[7], h], 0),
        ];
    }
}
