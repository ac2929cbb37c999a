using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Manager;

public sealed class CompressionStrategyTests
{
    private static readonly byte[] Payload = TestInputs.TextLike(20_000, 21);

    [Theory]
    [InlineData(CompressionStrategy.Lz4, CompressionCodecId.Lz4)]
    [InlineData(CompressionStrategy.Lz4High, CompressionCodecId.Lz4High)]
    [InlineData(CompressionStrategy.Brotli, CompressionCodecId.Brotli)]
    [InlineData(CompressionStrategy.Auto, CompressionCodecId.Brotli)]
    public void EachStrategyCompressesRecordsAndRoundTrips(CompressionStrategy strategy, CompressionCodecId expected)
    {
        var manager = CompressionManager.ForStrategy(strategy);
        var outcome = manager.Compress(Payload);

        Assert.Equal(expected, outcome.Codec);
        Assert.Null(outcome.Warning);
        Assert.Equal(Payload.Length, outcome.OriginalSize);
        Assert.Equal(outcome.Output.Length, outcome.OutputSize);
        Assert.Equal((double)outcome.OutputSize / Payload.Length, outcome.Ratio, 12);
        Assert.True(outcome.Ratio < 0.5, $"{strategy}: ratio {outcome.Ratio}");
        Assert.True(outcome.Elapsed > TimeSpan.Zero);
        Assert.Equal(Payload, manager.Decompress(outcome.Codec, outcome.Output, Payload.Length));
    }

    [Fact]
    public void HighLevelBeatsFastAndAutoKeepsTheSmallest()
    {
        var fast = CompressionManager.ForStrategy(CompressionStrategy.Lz4).Compress(Payload);
        var high = CompressionManager.ForStrategy(CompressionStrategy.Lz4High).Compress(Payload);
        var brotli = CompressionManager.ForStrategy(CompressionStrategy.Brotli).Compress(Payload);
        var auto = new CompressionManager([Lz4Codec.Fast, BrotliCodec.Instance], timeBudget: null, minimumGain: 0).Compress(Payload);

        Assert.True(high.OutputSize < fast.OutputSize);
        Assert.Equal(Math.Min(fast.OutputSize, brotli.OutputSize), auto.OutputSize);
    }

    [Fact]
    public void IncompressiblePayloadStaysRawWithAWarning()
    {
        var random = TestInputs.Random(5_000, 22);
        var outcome = CompressionManager.ForStrategy(CompressionStrategy.Auto).Compress(random);

        Assert.Equal(CompressionCodecId.None, outcome.Codec);
        Assert.Equal(random, outcome.Output);
        Assert.Contains("lz4", outcome.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void GainBelowTheMinimumStaysRaw()
    {
        // About a fifth of this payload compresses away.
        byte[] payload = [.. TestInputs.Random(1_000, 23), .. new byte[300]];
        Assert.Equal(CompressionCodecId.Lz4, new CompressionManager([Lz4Codec.Fast], null, 0.1).Compress(payload).Codec);

        var outcome = new CompressionManager([Lz4Codec.Fast], null, 0.5).Compress(payload);
        Assert.Equal(CompressionCodecId.None, outcome.Codec);
        Assert.Contains("minimum gain", outcome.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeBudgetStopsFurtherCandidates()
    {
        var manager = new CompressionManager([new SlowNonShrinkingCodec(), Lz4Codec.Fast], TimeSpan.FromMilliseconds(1), 0);
        var outcome = manager.Compress(Payload);

        Assert.Equal(CompressionCodecId.None, outcome.Codec);
        Assert.Contains("slow", outcome.Warning, StringComparison.Ordinal);
        Assert.DoesNotContain("lz4", outcome.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSettingsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompressionManager([], TimeSpan.FromSeconds(-1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompressionManager([], null, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompressionManager([], null, double.NaN));
        Assert.Throws<ArgumentException>(() => new CompressionManager([Lz4Codec.Fast, new Lz4Codec(Lz4FrameOptions.Default with { BlockChecksum = true })]));
    }

    [Fact]
    public void OnlyTheConfiguredLz4EncodingIsAccepted()
    {
        var manager = CompressionManager.ForStrategy(CompressionStrategy.Lz4);
        var canonical = manager.Compress(Payload).Output;
        Assert.Equal(Payload, manager.Decompress(CompressionCodecId.Lz4, canonical, Payload.Length));

        var otherDescriptor = new Lz4Codec(Lz4FrameOptions.Default with { BlockChecksum = true }).Compress(Payload);
        Assert.Contains("Strict", Assert.Throws<FormatException>(() => manager.Decompress(CompressionCodecId.Lz4, otherDescriptor, Payload.Length)).Message, StringComparison.Ordinal);

        var otherBlocks = Lz4Codec.High.Compress(Payload);
        Assert.Contains("canonical", Assert.Throws<FormatException>(() => manager.Decompress(CompressionCodecId.Lz4, otherBlocks, Payload.Length)).Message, StringComparison.Ordinal);

        byte[] withSkippable = [.. canonical, 0x50, 0x2A, 0x4D, 0x18, 0, 0, 0, 0];
        Assert.Throws<FormatException>(() => manager.Decompress(CompressionCodecId.Lz4, withSkippable, Payload.Length));

        Assert.Throws<FormatException>(() => manager.Decompress(CompressionCodecId.Lz4, canonical, Payload.Length - 1));
    }

    private sealed class SlowNonShrinkingCodec : ICompressionCodec
    {
        public CompressionCodecId Id => CompressionCodecId.Brotli;

        public string Name => "slow";

        public int GetMaxCompressedLength(int inputLength) => inputLength;

        public bool TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
        {
            Thread.Sleep(20);
            return NoCompressionCodec.Instance.TryCompress(source, destination, out bytesWritten);
        }

        public byte[] Decompress(ReadOnlySpan<byte> source, int maxOutputLength) => NoCompressionCodec.Instance.Decompress(source, maxOutputLength);
    }
}
