using NexusZero.Hashing;
using NexusZero.Transcripts;
using Org.BouncyCastle.Crypto.Digests;

namespace NexusZero.Tests.Transcripts;

public sealed class KeccakF1600Tests
{
    // XKCP, KeccakF-1600-IntermediateValues.txt: the all-zero state after one permutation, lane (x, y) at x + 5y.
    private static readonly ulong[] ZeroStatePermuted =
    [
        0xF1258F7940E1DDE7, 0x84D5CCF933C0478A, 0xD598261EA65AA9EE, 0xBD1547306F80494D, 0x8B284E056253D057,
        0xFF97A42D7F8E6FD4, 0x90FEE5A0A44647C4, 0x8C5BDA0CD6192E76, 0xAD30A6F71B19059C, 0x30935AB7D08FFC64,
        0xEB5AA93F2317D635, 0xA9A6E6260D712103, 0x81A57C16DBCF555F, 0x43B831CD0347C826, 0x01F22F1A11A5569F,
        0x05E5635A21D9AE61, 0x64BEFEF28CC970F2, 0x613670957BC46611, 0xB87C5A554FD00ECB, 0x8C3EE88A1CCF32C8,
        0x940C7922AE3A2614, 0x1841F924A2C509E4, 0x16F53526E70465C2, 0x75F644E97F30A13B, 0xEAF1FF7B5CECA249,
    ];

    [Fact]
    public void Zero_state_permutes_to_the_published_lanes()
    {
        var lanes = new ulong[25];
        KeccakF1600.Permute(lanes);
        Assert.Equal(ZeroStatePermuted, lanes);
    }

    [Fact]
    public void Byte_state_uses_little_endian_lanes()
    {
        var state = new byte[KeccakF1600.StateBytes];
        KeccakF1600.Permute(state);
        Assert.Equal(new byte[] { 0xE7, 0xDD, 0xE1, 0x40, 0x79, 0x8F, 0x25, 0xF1 }, state[..8]);
        Assert.Equal(new byte[] { 0x49, 0xA2, 0xEC, 0x5C, 0x7B, 0xFF, 0xF1, 0xEA }, state[192..]);
    }

    [Fact]
    public void Wrong_state_length_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => KeccakF1600.Permute(new byte[199]));
        Assert.Throws<ArgumentException>(() => KeccakF1600.Permute(new ulong[24]));
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(1, 32)]
    [InlineData(167, 64)]
    [InlineData(168, 200)]
    [InlineData(169, 337)]
    [InlineData(1000, 500)]
    public void Shake128_built_on_the_permutation_matches_BouncyCastle(int inputLength, int outputLength)
    {
        var input = new byte[inputLength];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (byte)(i * 31 + 7);
        }

        var expected = new byte[outputLength];
        var shake = new ShakeDigest(128);
        shake.BlockUpdate(input, 0, input.Length);
        shake.OutputFinal(expected, 0, expected.Length);

        Assert.Equal(expected, Shake128(input, outputLength));
    }

    // SHAKE128 (FIPS 202): rate 168 bytes, domain padding 0x1F ... 0x80.
    private static byte[] Shake128(byte[] input, int outputLength)
    {
        const int rate = 168;
        var state = new byte[KeccakF1600.StateBytes];
        var offset = 0;
        for (; input.Length - offset >= rate; offset += rate)
        {
            for (var i = 0; i < rate; i++)
            {
                state[i] ^= input[offset + i];
            }

            KeccakF1600.Permute(state);
        }

        var tail = input.Length - offset;
        for (var i = 0; i < tail; i++)
        {
            state[i] ^= input[offset + i];
        }

        state[tail] ^= 0x1F;
        state[rate - 1] ^= 0x80;
        KeccakF1600.Permute(state);

        var output = new byte[outputLength];
        for (var written = 0; written < outputLength;)
        {
            var n = Math.Min(rate, outputLength - written);
            Array.Copy(state, 0, output, written, n);
            written += n;
            if (written < outputLength)
            {
                KeccakF1600.Permute(state);
            }
        }

        return output;
    }
}
