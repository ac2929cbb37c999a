using System.IO.Hashing;
using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Lz4;

/// <summary>
/// The streaming decoder's strict mode refuses exactly what the one-shot strict path refuses; each
/// refused input is also shown to decode without strict mode, so the refusal is strictness at work.
/// </summary>
public sealed class Lz4StrictStreamTests
{
    private static readonly byte[] Content = TestInputs.TextLike(150_000, 7);

    public static TheoryData<string, byte[], string> Refused
    {
        get
        {
            var frame = Lz4Codec.Fast.Compress(Content);
            var data = new TheoryData<string, byte[], string>
            {
                { "block checksum flag", Compress(Lz4FrameOptions.Default with { BlockChecksum = true }), "Strict" },
                { "no content checksum", Compress(Lz4FrameOptions.Default with { ContentChecksum = false }), "Strict" },
                { "no content size", Compress(Lz4FrameOptions.Default with { ContentSize = false }), "Strict" },
                { "linked blocks", Compress(Lz4FrameOptions.Default with { LinkedBlocks = true }), "Strict" },
                { "other block size id", Compress(Lz4FrameOptions.Default with { BlockMaxSize = Lz4BlockMaxSize.Max256KB }), "Strict" },
                { "two frames", [.. frame, .. frame], "one frame" },
                { "skippable frame first", [.. new FrameBuilder().Magic(0x184D2A50).U32(3).Raw(1, 2, 3).ToArray(), .. frame], "skippable" },
                { "skippable frame after", [.. frame, .. new FrameBuilder().Magic(0x184D2A51).U32(0).ToArray()], "one frame" },
            };
            return data;
        }
    }

    [Fact]
    public void StrictStreamNamesTrailingBytes()
    {
        // The lenient stream refuses these too, but as a truncated next frame; strict names the rule.
        var frame = Lz4Codec.Fast.Compress(Content);
        using var strict = Strict([.. frame, 0x00]);
        var error = Assert.Throws<FormatException>(() => ReadAll(strict));
        Assert.Contains("one frame", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Malformed frames that both modes refuse; strict mode keeps every check of the lenient one.</summary>
    public static TheoryData<string, byte[], string> Malformed
    {
        get
        {
            var abc = "abcdefgh"u8.ToArray();
            const byte strictFlags = 0x6C; // version 01, independent blocks, content size, content checksum
            return new TheoryData<string, byte[], string>
            {
                { "reserved FLG bit", new FrameBuilder().Header(strictFlags | 0x02, contentSize: 8).End().ToArray(), "reserved FLG bit" },
                { "undefined block size id", new FrameBuilder().Header(strictFlags, 0x30, contentSize: 8).End().ToArray(), "undefined" },
                { "content checksum", new FrameBuilder().Header(strictFlags, contentSize: 8).Block(abc, uncompressed: true).End().U32(XxHash32.HashToUInt32(abc) ^ 1).ToArray(), "content checksum mismatch" },
                { "content size mismatch", new FrameBuilder().Header(strictFlags, contentSize: 9).Block(abc, uncompressed: true).End().U32(XxHash32.HashToUInt32(abc)).ToArray(), "content size mismatch" },
                { "content size over the limit", new FrameBuilder().Header(strictFlags, contentSize: 1UL << 40).Block(abc, uncompressed: true).End().ToArray(), "over the output limit" },
            };
        }
    }

    [Fact]
    public void StrictStreamDecodesTheFrameTheOptionsWrite()
    {
        using var reader = Strict(Lz4Codec.Fast.Compress(Content));
        Assert.Equal(Content, ReadAll(reader));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void StrictStreamRefusesWhatTheOneShotStrictPathRefuses(string name, byte[] input, string fragment)
    {
        Assert.Throws<FormatException>(() => Lz4Codec.Fast.Decompress(input, 1 << 20, strict: true));

        using var strict = Strict(input);
        var error = Assert.Throws<FormatException>(() => ReadAll(strict));
        Assert.True(error.Message.Contains(fragment, StringComparison.Ordinal), $"{name}: {error.Message}");

        using var lenient = new Lz4FrameReaderStream(new MemoryStream(input), maxOutputLength: 1 << 20);
        Assert.Equal(Content, ReadAll(lenient).AsSpan(0, Content.Length).ToArray());
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void StrictStreamKeepsTheLenientChecks(string name, byte[] input, string fragment)
    {
        using var strict = Strict(input);
        var error = Assert.Throws<FormatException>(() => ReadAll(strict));
        Assert.True(error.Message.Contains(fragment, StringComparison.Ordinal), $"{name}: {error.Message}");
    }

    [Fact]
    public void StrictStreamStopsAtTheOutputLimit()
    {
        // The limit holds without a declared size to check it against up front.
        var options = Lz4FrameOptions.Default with { ContentSize = false };
        using var writer = new MemoryStream();
        using (var frameWriter = new Lz4FrameWriterStream(writer, options, leaveOpen: true))
        {
            frameWriter.Write(Content);
        }

        using var reader = new Lz4FrameReaderStream(new MemoryStream(writer.ToArray()), maxOutputLength: 100_000, strict: options);
        var error = Assert.Throws<FormatException>(() => ReadAll(reader));
        Assert.Contains("output limit", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Compress(Lz4FrameOptions options) => new Lz4Codec(options).Compress(Content);

    private static Lz4FrameReaderStream Strict(byte[] input) =>
        new(new MemoryStream(input), maxOutputLength: 1 << 20, strict: Lz4FrameOptions.Default);

    private static byte[] ReadAll(Stream stream)
    {
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
