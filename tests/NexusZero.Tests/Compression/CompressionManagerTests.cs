using NexusZero.Compression;
using NexusZero.Tests.TestDoubles;

namespace NexusZero.Tests.Compression;

public sealed class CompressionManagerTests
{
    private static readonly byte[] Repetitive = [.. Enumerable.Repeat((byte)7, 300), .. Enumerable.Repeat((byte)9, 40)];

    [Fact]
    public void NoCandidatesStoresRawWithoutWarning()
    {
        var outcome = CompressionManager.ForStrategy(CompressionStrategy.None).Compress(Repetitive);

        Assert.Equal(CompressionCodecId.None, outcome.Codec);
        Assert.Equal(Repetitive, outcome.Output);
        Assert.Equal(Repetitive.Length, outcome.OriginalSize);
        Assert.Equal(Repetitive.Length, outcome.OutputSize);
        Assert.Equal(1.0, outcome.Ratio);
        Assert.Null(outcome.Warning);
    }

    [Fact]
    public void ShrinkingCodecIsUsed()
    {
        var outcome = new CompressionManager([new RunLengthCodec()]).Compress(Repetitive);

        Assert.Equal(CompressionCodecId.Lz4, outcome.Codec);
        Assert.Equal(6, outcome.OutputSize);
        Assert.Equal(6.0 / Repetitive.Length, outcome.Ratio, 12);
        Assert.Null(outcome.Warning);
    }

    [Fact]
    public void ThrowingCodecKeepsRawAndWarns()
    {
        var outcome = new CompressionManager([new ThrowingCodec()]).Compress(Repetitive);

        Assert.Equal(CompressionCodecId.None, outcome.Codec);
        Assert.Equal(Repetitive, outcome.Output);
        Assert.Contains("throwing failed", outcome.Warning, StringComparison.Ordinal);
        Assert.Contains("codec exploded", outcome.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpandingCodecKeepsRawAndWarns()
    {
        var outcome = new CompressionManager([new ExpandingCodec()]).Compress(Repetitive);

        Assert.Equal(CompressionCodecId.None, outcome.Codec);
        Assert.Equal(Repetitive, outcome.Output);
        Assert.Contains("did not shrink", outcome.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void FailingCandidateDoesNotHideAWorkingOne()
    {
        var outcome = new CompressionManager([new ThrowingCodec(CompressionCodecId.Brotli), new RunLengthCodec()]).Compress(Repetitive);

        Assert.Equal(CompressionCodecId.Lz4, outcome.Codec);
        Assert.Null(outcome.Warning);
    }

    [Fact]
    public void DuplicateCodecIdsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new CompressionManager([new RunLengthCodec(), new ThrowingCodec()]));
    }

    [Fact]
    public void UndefinedStrategyIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CompressionManager.ForStrategy((CompressionStrategy)99));
    }

    [Fact]
    public void CompressedPayloadRoundTrips()
    {
        var manager = new CompressionManager([new RunLengthCodec()]);
        var outcome = manager.Compress(Repetitive);

        Assert.Equal(Repetitive, manager.Decompress(outcome.Codec, outcome.Output, 1000));
    }

    [Fact]
    public void RawPayloadRoundTrips()
    {
        var manager = new CompressionManager([]);

        Assert.Equal(Repetitive, manager.Decompress(CompressionCodecId.None, Repetitive, Repetitive.Length));
    }

    [Fact]
    public void DecompressionIsBounded()
    {
        var manager = new CompressionManager([new RunLengthCodec()]);
        var outcome = manager.Compress(Repetitive);

        Assert.Throws<FormatException>(() => manager.Decompress(outcome.Codec, outcome.Output, Repetitive.Length - 1));
        Assert.Throws<FormatException>(() => manager.Decompress(CompressionCodecId.None, Repetitive, Repetitive.Length - 1));
    }

    [Fact]
    public void UnknownCodecIsMalformed()
    {
        var error = Assert.Throws<FormatException>(() => new CompressionManager([]).Decompress((CompressionCodecId)7, [1, 2], 100));
        Assert.Contains("Unknown compression codec", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CompressionStrategy.Lz4, CompressionCodecId.Lz4)]
    [InlineData(CompressionStrategy.Lz4High, CompressionCodecId.Lz4High)]
    [InlineData(CompressionStrategy.Brotli, CompressionCodecId.Brotli)]
    public void EveryBuiltInCodecIsReadableWhateverTheStrategy(CompressionStrategy writer, CompressionCodecId codec)
    {
        var outcome = CompressionManager.ForStrategy(writer).Compress(Repetitive);
        Assert.Equal(codec, outcome.Codec);

        foreach (var reader in Enum.GetValues<CompressionStrategy>())
        {
            Assert.Equal(Repetitive, CompressionManager.ForStrategy(reader).Decompress(outcome.Codec, outcome.Output, Repetitive.Length));
        }

        Assert.Equal(Repetitive, new CompressionManager([new ThrowingCodec(CompressionCodecId.Brotli == codec ? CompressionCodecId.Lz4 : CompressionCodecId.Brotli)]).Decompress(outcome.Codec, outcome.Output, Repetitive.Length));
    }

    [Fact]
    public void NonCanonicalEncodingIsRejected()
    {
        var manager = new CompressionManager([new RunLengthCodec()]);
        // 300 sevens written as runs of 100+200 instead of the canonical 255+45.
        byte[] split = [100, 7, 200, 7, 40, 9];

        var error = Assert.Throws<FormatException>(() => manager.Decompress(CompressionCodecId.Lz4, split, 1000));
        Assert.Contains("canonical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompressedFormThatDoesNotShrinkIsRejected()
    {
        var manager = new CompressionManager([new RunLengthCodec()]);
        // Canonical RLE of two distinct bytes is four bytes: longer than the content, so it must be stored raw.
        byte[] expanding = [1, 3, 1, 4];

        var error = Assert.Throws<FormatException>(() => manager.Decompress(CompressionCodecId.Lz4, expanding, 1000));
        Assert.Contains("stored raw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyPayloadIsStoredRaw()
    {
        var outcome = new CompressionManager([new RunLengthCodec()]).Compress([]);

        Assert.Equal(CompressionCodecId.None, outcome.Codec);
        Assert.Equal(0, outcome.OutputSize);
        Assert.Equal(1.0, outcome.Ratio);
    }
}
