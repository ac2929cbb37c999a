using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Brotli;

public sealed class BrotliCodecTests
{
    [Fact]
    public void RoundTripsAndIsDeterministic()
    {
        foreach (var input in new[] { [], [1], TestInputs.TextLike(100_000, 1), TestInputs.Random(50_000, 2) })
        {
            var compressed = BrotliCodec.Instance.Compress(input);
            Assert.Equal(compressed, BrotliCodec.Instance.Compress(input));
            Assert.Equal(input, BrotliCodec.Instance.Decompress(compressed, input.Length));
        }
    }

    [Fact]
    public void RefusesContentOverTheLimit()
    {
        var compressed = BrotliCodec.Instance.Compress(new byte[1 << 20]);
        var error = Assert.Throws<FormatException>(() => BrotliCodec.Instance.Decompress(compressed, (1 << 20) - 1));
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsTruncatedCorruptAndTrailingInput()
    {
        var compressed = BrotliCodec.Instance.Compress(TestInputs.TextLike(10_000, 3));
        Assert.Throws<FormatException>(() => BrotliCodec.Instance.Decompress(compressed[..^3], 1 << 20));
        Assert.Throws<FormatException>(() => BrotliCodec.Instance.Decompress([.. compressed, 0], 1 << 20));
        Assert.Throws<FormatException>(() => BrotliCodec.Instance.Decompress([0xFF, 0xFF, 0xFF, 0xFF], 1 << 20));
    }

    [Fact]
    public void NoneCodecRefusesOverLimit()
    {
        Assert.Equal(new byte[] { 1, 2 }, NoCompressionCodec.Instance.Decompress([1, 2], 2));
        Assert.Throws<FormatException>(() => NoCompressionCodec.Instance.Decompress([1, 2, 3], 2));
    }
}
