using System.IO.Hashing;
using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Lz4;

public sealed class Lz4MalformedInputTests
{
    // FLG values: version 01, independent blocks (0x60), plus block checksum 0x10, content size 0x08, content checksum 0x04.
    private const byte Independent = 0x60;
    private const byte Linked = 0x40;

    public static TheoryData<string, byte[], string> Cases
    {
        get
        {
            var abc = "abcdefgh"u8.ToArray();
            var data = new TheoryData<string, byte[], string>
            {
                { "empty input", [], "empty" },
                { "bad magic", new FrameBuilder().Magic(0x184D2205).Raw(Descriptor(Independent)).End().ToArray(), "magic" },
                { "legacy magic", new FrameBuilder().Magic(0x184C2102).End().ToArray(), "Legacy" },
                { "truncated magic", [0x04, 0x22, 0x4D], "truncated" },
                { "version 00", new FrameBuilder().Header(0x20).End().ToArray(), "version" },
                { "reserved FLG bit", new FrameBuilder().Header(Independent | 0x02).End().ToArray(), "reserved FLG bit" },
                { "reserved BD bit 7", new FrameBuilder().Header(Independent, 0xC0).End().ToArray(), "reserved BD bits" },
                { "reserved BD low bits", new FrameBuilder().Header(Independent, 0x41).End().ToArray(), "reserved BD bits" },
                { "undefined block size", new FrameBuilder().Header(Independent, 0x30).End().ToArray(), "undefined" },
                { "bad header checksum", new FrameBuilder().Header(Independent, badChecksum: true).End().ToArray(), "header checksum" },
                { "truncated descriptor", new FrameBuilder().Magic().Raw(Independent | 0x08, 0x40, 1, 2).ToArray(), "truncated" },
                { "dictionary", new FrameBuilder().Header(Independent | 0x01, dictionaryId: 7).End().ToArray(), "dictionar" },
                { "block over maximum", new FrameBuilder().Header(Independent).U32(65537).Raw(new byte[65537]).End().ToArray(), "over the declared block maximum" },
                { "raw block over maximum", new FrameBuilder().Header(Independent).Block(new byte[65537], uncompressed: true).End().ToArray(), "over the declared block maximum" },
                { "offset zero", new FrameBuilder().Header(Independent).Block([0x10, 0x61, 0x00, 0x00, 0x00]).End().ToArray(), "malformed" },
                { "offset before output", new FrameBuilder().Header(Independent).Block([0x10, 0x61, 0x02, 0x00, 0x00]).End().ToArray(), "malformed" },
                { "offset into previous independent block", new FrameBuilder().Header(Independent).Block(abc, uncompressed: true).Block([0x00, 0x04, 0x00, 0x00]).End().ToArray(), "malformed" },
                { "literal length past input", new FrameBuilder().Header(Independent).Block([0xF0, 0x10, 0x61, 0x62]).End().ToArray(), "malformed" },
                { "literal extension truncated", new FrameBuilder().Header(Independent).Block([0xF0, 0xFF, 0xFF]).End().ToArray(), "malformed" },
                { "match extension truncated", new FrameBuilder().Header(Independent).Block([0x1F, 0x61, 0x01, 0x00, 0xFF]).End().ToArray(), "malformed" },
                { "offset truncated", new FrameBuilder().Header(Independent).Block([0x10, 0x61, 0x01]).End().ToArray(), "malformed" },
                { "block ends after a match", new FrameBuilder().Header(Independent).Block([0x10, 0x61, 0x01, 0x00]).End().ToArray(), "malformed" },
                // The end-of-block rule (the last 5 bytes are literals): the hand-written decoder accepted this, the reference one does not.
                { "block ends with a match", new FrameBuilder().Header(Independent).Block([0x14, 0x61, 0x01, 0x00, 0x00]).End().ToArray(), "malformed" },
                { "block over maximum when decoded", new FrameBuilder().Header(Independent).Block([0x1F, 0x61, 0x01, 0x00, .. Enumerable.Repeat((byte)255, 300), 0x00, .. LastLiterals]).End().ToArray(), "block maximum" },
                { "match past declared content size", new FrameBuilder().Header(Independent | 0x08, contentSize: 10).Block([0x1F, 0x61, 0x01, 0x00, 0x10, .. LastLiterals]).End().ToArray(), "declared content size" },
                { "raw block past declared content size", new FrameBuilder().Header(Independent | 0x08, contentSize: 4).Block(abc, uncompressed: true).End().ToArray(), "declared content size" },
                { "content size too large", new FrameBuilder().Header(Independent | 0x08, contentSize: 9).Block(abc, uncompressed: true).End().ToArray(), "content size mismatch" },
                { "content size over the limit", new FrameBuilder().Header(Independent | 0x08, contentSize: 1UL << 40).Block(abc, uncompressed: true).End().ToArray(), "over the output limit" },
                { "block checksum", new FrameBuilder().Header(Independent | 0x10).Block(abc, uncompressed: true, checksum: true, badChecksum: true).End().ToArray(), "block checksum" },
                { "content checksum", new FrameBuilder().Header(Independent | 0x04).Block(abc, uncompressed: true).End().U32(XxHash32.HashToUInt32(abc) ^ 4).ToArray(), "content checksum mismatch" },
                { "content checksum missing", new FrameBuilder().Header(Independent | 0x04).Block(abc, uncompressed: true).End().ToArray(), "content checksum" },
                { "end mark missing", new FrameBuilder().Header(Independent).Block(abc, uncompressed: true).ToArray(), "truncated" },
                { "block data truncated", new FrameBuilder().Header(Independent).U32(100).Raw(1, 2, 3).ToArray(), "truncated" },
                { "skippable size past input", new FrameBuilder().Magic(0x184D2A53).U32(100).Raw(1, 2).ToArray(), "skippable" },
                { "garbage after a frame", new FrameBuilder().Header(Linked).End().Raw(1, 2, 3, 4, 5).ToArray(), "magic" },
            };
            return data;
        }
    }

    // A block's last sequence is at least 5 literals (lz4_Block_format.md, "End of block conditions"):
    // a token announcing 5 literals, then the literals. Vectors that test a length, not the end rule, end so.
    private static readonly byte[] LastLiterals = [0x50, 1, 2, 3, 4, 5];

    private static byte[] Descriptor(byte flags) => FrameBuilder.Descriptor(flags, 0x40);

    [Theory]
    [MemberData(nameof(Cases))]
    public void OneShotDecoderNamesTheDefect(string name, byte[] frame, string fragment)
    {
        var error = Assert.Throws<FormatException>(() => Lz4Codec.Fast.Decompress(frame, 1 << 20));
        Assert.True(error.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"{name}: {error.Message}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SpanDecoderNamesTheDefect(string name, byte[] frame, string fragment)
    {
        if (fragment == "over the output limit")
        {
            // A fixed destination reports "too small" instead of refusing the input.
            Assert.False(Lz4Codec.Fast.TryDecompress(frame, new byte[1 << 20], out _));
            return;
        }

        var error = Assert.Throws<FormatException>(() => Lz4Codec.Fast.TryDecompress(frame, new byte[1 << 20], out _));
        Assert.True(error.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"{name}: {error.Message}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StreamDecoderNamesTheDefect(string name, byte[] frame, string fragment)
    {
        using var reader = new Lz4FrameReaderStream(new MemoryStream(frame), maxOutputLength: 1 << 20);
        var error = Assert.Throws<FormatException>(() => reader.CopyTo(Stream.Null));
        Assert.True(error.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"{name}: {error.Message}");
    }

    [Fact]
    public void DecompressionBombIsRefusedWithoutExpanding()
    {
        // 4 MB of zeros per ~16 KB block, 64 blocks: a 1 MB frame that expands to 256 MB.
        var options = Lz4FrameOptions.Default with { BlockMaxSize = Lz4BlockMaxSize.Max4MB, ContentSize = false, ContentChecksum = false };
        var block = new Lz4Codec(options).Compress(new byte[4 << 20]);
        var blockBody = block[7..^4];
        var builder = new FrameBuilder().Header(0x60, 0x70);
        for (var i = 0; i < 64; i++)
        {
            builder.Raw(blockBody);
        }

        var bomb = builder.End().ToArray();
        const int limit = 8 << 20;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<FormatException>(() => Lz4Codec.Fast.Decompress(bomb, limit));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("output limit", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 3L * limit, $"allocated {allocated} bytes for a limit of {limit}");

        using var reader = new Lz4FrameReaderStream(new MemoryStream(bomb), maxOutputLength: limit);
        Assert.Throws<FormatException>(() => reader.CopyTo(Stream.Null));
    }

    [Fact]
    public void ImplausibleDeclaredSizeIsRefusedBeforeAllocating()
    {
        var frame = new FrameBuilder().Header(0x68, contentSize: 50_000_000).Block([0x1F, 0x61, 0x01, 0x00, 0xFF, 0x00]).End().ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<FormatException>(() => Lz4Codec.Fast.Decompress(frame, 64 << 20));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        Assert.Contains("can encode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaximalExpansionStillDecodes()
    {
        // 64 KB of one byte, as one literal and one long match: the densest expansion LZ4 allows.
        var content = new byte[65536];
        var frame = new Lz4Codec(Lz4FrameOptions.Default).Compress(content);
        Assert.Equal(content, Lz4Codec.Fast.Decompress(frame, content.Length, strict: true));
    }

    [Fact]
    public void DefaultLimitRefusesOversizedContent()
    {
        var options = Lz4FrameOptions.Default with { BlockMaxSize = Lz4BlockMaxSize.Max4MB };
        var frame = new Lz4Codec(options).Compress(new byte[Lz4Codec.DefaultMaxOutputLength + 1]);
        Assert.Throws<FormatException>(() => Lz4Codec.Fast.Decompress(frame));
        Assert.Equal(Lz4Codec.DefaultMaxOutputLength + 1, Lz4Codec.Fast.Decompress(frame, Lz4Codec.DefaultMaxOutputLength + 1).Length);
    }
}
