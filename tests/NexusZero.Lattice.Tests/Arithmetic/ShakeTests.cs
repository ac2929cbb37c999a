using System.Security.Cryptography;
using NexusZero.Lattices;

namespace NexusZero.Lattice.Tests.Arithmetic;

public sealed class ShakeTests
{
    // FIPS 202 examples: SHAKE128("") and SHAKE256("") first 32 bytes.
    [Fact]
    public void EmptyInputMatchesFips202()
    {
        Span<byte> output = stackalloc byte[32];
        using (Shake shake = Shake.Create128())
        {
            shake.Squeeze(output);
        }

        Assert.Equal("7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26", Convert.ToHexStringLower(output));
        Shake.HashShake256([], output);
        Assert.Equal("46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f", Convert.ToHexStringLower(output));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 200)]
    [InlineData(135, 136)]
    [InlineData(136, 137)]
    [InlineData(167, 168)]
    [InlineData(168, 169)]
    [InlineData(500, 1000)]
    public void MatchesPlatformShakeInChunks(int inputLength, int outputLength)
    {
        Assert.True(Shake128.IsSupported && Shake256.IsSupported, "the platform SHAKE (OpenSSL) is the independent reference here");
        byte[] input = new byte[inputLength];
        new Random(inputLength).NextBytes(input);
        byte[] expected128 = Shake128.HashData(input, outputLength);
        byte[] expected256 = Shake256.HashData(input, outputLength);
        Assert.Equal(expected128, Chunked(Shake.Create128(), input, outputLength));
        Assert.Equal(expected256, Chunked(Shake.Create256(), input, outputLength));
    }

    private static byte[] Chunked(Shake shake, byte[] input, int outputLength)
    {
        using (shake)
        {
            for (int i = 0; i < input.Length; i += 7)
            {
                shake.Absorb(input.AsSpan(i, Math.Min(7, input.Length - i)));
            }

            byte[] output = new byte[outputLength];
            for (int i = 0; i < outputLength; i += 33)
            {
                shake.Squeeze(output.AsSpan(i, Math.Min(33, outputLength - i)));
            }

            return output;
        }
    }
}
