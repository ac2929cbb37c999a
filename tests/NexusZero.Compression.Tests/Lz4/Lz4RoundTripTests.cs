using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Lz4;

public sealed class Lz4RoundTripTests
{
    public static TheoryData<string> InputKinds => new() { "empty", "one", "random", "repetitive", "text", "mixed", "short13", "short12" };

    internal static byte[] Input(string kind) => kind switch
    {
        "empty" => [],
        "one" => [0x42],
        "random" => TestInputs.Random(300_000, 1),
        "repetitive" => TestInputs.Repetitive(300_000),
        "text" => TestInputs.TextLike(300_000, 2),
        "mixed" => TestInputs.Mixed(300_000, 3),
        "short13" => TestInputs.Repetitive(13),
        "short12" => TestInputs.Repetitive(12),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IEnumerable<Lz4FrameOptions> OptionGrid()
    {
        foreach (var level in new[] { Lz4CompressionLevel.Fast, Lz4CompressionLevel.High })
        {
            foreach (var size in Enum.GetValues<Lz4BlockMaxSize>())
            {
                foreach (var linked in new[] { false, true })
                {
                    yield return new Lz4FrameOptions { Level = level, BlockMaxSize = size, LinkedBlocks = linked, BlockChecksum = linked, ContentChecksum = !linked, ContentSize = size != Lz4BlockMaxSize.Max256KB };
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(InputKinds))]
    public void EveryOptionCombinationRoundTrips(string kind)
    {
        var input = Input(kind);
        foreach (var options in OptionGrid())
        {
            var codec = new Lz4Codec(options);
            var frame = codec.Compress(input);
            Assert.True(frame.Length <= codec.GetMaxCompressedLength(input.Length));
            Assert.Equal(input, codec.Decompress(frame));
            Assert.Equal(input, codec.Decompress(frame, input.Length, strict: true));

            var destination = new byte[input.Length];
            Assert.True(codec.TryDecompress(frame, destination, out var written));
            Assert.Equal(input.Length, written);
            Assert.Equal(input, destination);
        }
    }

    [Theory]
    [MemberData(nameof(InputKinds))]
    public void StreamsProduceTheOneShotBytesAndReadThemBack(string kind)
    {
        var input = Input(kind);
        foreach (var options in OptionGrid())
        {
            var oneShot = new Lz4Codec(options).Compress(input);
            using var compressed = new MemoryStream();
            using (var writer = new Lz4FrameWriterStream(compressed, options, input.Length, leaveOpen: true))
            {
                // Odd write sizes cross block boundaries at every offset.
                for (var at = 0; at < input.Length;)
                {
                    var n = Math.Min(input.Length - at, 7919 + (at % 13));
                    writer.Write(input, at, n);
                    at += n;
                }
            }

            Assert.Equal(oneShot, compressed.ToArray());

            compressed.Position = 0;
            using var reader = new Lz4FrameReaderStream(compressed, leaveOpen: true);
            using var decoded = new MemoryStream();
            var buffer = new byte[5003];
            int got;
            while ((got = reader.Read(buffer)) > 0)
            {
                decoded.Write(buffer, 0, got);
            }

            Assert.Equal(input, decoded.ToArray());
        }
    }

    [Fact]
    public void CompressionIsDeterministicAndShrinksCompressibleData()
    {
        var text = Input("text");
        foreach (var codec in new[] { Lz4Codec.Fast, Lz4Codec.High })
        {
            var first = codec.Compress(text);
            Assert.Equal(first, codec.Compress(text));
            Assert.True(first.Length < text.Length / 2, $"{codec.Name}: {first.Length} of {text.Length}");
        }

        Assert.True(Lz4Codec.High.Compress(text).Length < Lz4Codec.Fast.Compress(text).Length);
    }

    [Fact]
    public void IncompressibleBlocksAreStoredRaw()
    {
        var input = TestInputs.Random(200_000, 9);
        var frame = Lz4Codec.Fast.Compress(input);
        Assert.True(frame.Length <= Lz4Codec.Fast.GetMaxCompressedLength(input.Length));

        // Default descriptor: magic, FLG, BD, 8-byte size, HC; then the first block's header has the high bit set.
        var firstBlock = BitConverter.ToUInt32(frame, 4 + 11);
        Assert.Equal(0x8000_0000u | 65536u, firstBlock);
    }

    [Fact]
    public void ConcatenatedAndSkippableFramesDecodeInOrder()
    {
        var a = Input("text")[..1000];
        var b = Input("mixed")[..5000];
        byte[] skippable = [0x5A, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 1, 2, 3];
        byte[] emptySkippable = [0x50, 0x2A, 0x4D, 0x18, 0, 0, 0, 0];
        var stream = skippable.Concat(Lz4Codec.Fast.Compress(a)).Concat(emptySkippable).Concat(Lz4Codec.High.Compress(b)).Concat(skippable).ToArray();
        var expected = a.Concat(b).ToArray();

        Assert.Equal(expected, Lz4Codec.Fast.Decompress(stream));
        using var reader = new Lz4FrameReaderStream(new MemoryStream(stream));
        using var decoded = new MemoryStream();
        reader.CopyTo(decoded);
        Assert.Equal(expected, decoded.ToArray());

        Assert.Throws<FormatException>(() => Lz4Codec.Fast.Decompress(stream, 1 << 20, strict: true));
    }

    [Fact]
    public void TryCompressReportsATooSmallDestination()
    {
        var input = Input("text");
        var frame = Lz4Codec.Fast.Compress(input);
        for (var length = 0; length < frame.Length; length += Math.Max(1, frame.Length / 50))
        {
            Assert.False(Lz4Codec.Fast.TryCompress(input, new byte[length], out _));
        }

        var exact = new byte[frame.Length];
        Assert.True(Lz4Codec.Fast.TryCompress(input, exact, out var written));
        Assert.Equal(frame.Length, written);
        Assert.Equal(frame, exact);
    }

    [Fact]
    public void TryDecompressReportsATooSmallDestination()
    {
        // Linked blocks without a content size reach the decoder's dictionary path: a block that runs past
        // a full destination must still read as "too small", not as malformed.
        var linked = Lz4FrameOptions.Default with { ContentSize = false, LinkedBlocks = true };
        foreach (var options in new[] { Lz4FrameOptions.Default, Lz4FrameOptions.Default with { ContentSize = false }, linked })
        {
            foreach (var kind in new[] { "mixed", "text", "repetitive" })
            {
                var input = Input(kind);
                var frame = new Lz4Codec(options).Compress(input);
                foreach (var length in new[] { input.Length - 1, 100, 70_000, 200_000 })
                {
                    Assert.False(Lz4Codec.Fast.TryDecompress(frame, new byte[length], out _));
                }

                using var reader = new Lz4FrameReaderStream(new MemoryStream(frame), maxOutputLength: 200_000);
                var error = Assert.Throws<FormatException>(() => reader.CopyTo(Stream.Null));
                Assert.Contains("output limit", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void StrictDecodingAcceptsOnlyTheDescriptorTheseOptionsWrite()
    {
        var input = Input("text")[..10_000];
        var frame = Lz4Codec.Fast.Compress(input);
        Assert.Equal(input, Lz4Codec.Fast.Decompress(frame, 1 << 20, strict: true));

        var variants = new[]
        {
            Lz4FrameOptions.Default with { BlockChecksum = true },
            Lz4FrameOptions.Default with { ContentChecksum = false },
            Lz4FrameOptions.Default with { ContentSize = false },
            Lz4FrameOptions.Default with { LinkedBlocks = true },
            Lz4FrameOptions.Default with { BlockMaxSize = Lz4BlockMaxSize.Max4MB },
        };
        foreach (var variant in variants)
        {
            var other = new Lz4Codec(variant).Compress(input);
            Assert.Equal(input, Lz4Codec.Fast.Decompress(other));
            var error = Assert.Throws<FormatException>(() => Lz4Codec.Fast.Decompress(other, 1 << 20, strict: true));
            Assert.Contains("Strict", error.Message, StringComparison.Ordinal);
        }

        var twice = frame.Concat(frame).ToArray();
        Assert.Equal(input.Concat(input), Lz4Codec.Fast.Decompress(twice));
        Assert.Throws<FormatException>(() => Lz4Codec.Fast.Decompress(twice, 1 << 20, strict: true));
    }

    [Fact]
    public void HighLevelStrictDecodingAcceptsFastFramesBecauseTheDescriptorIsTheSame()
    {
        // The level changes only the blocks, never the descriptor; byte equality of a re-compression is the pipeline's job.
        var input = Input("text")[..10_000];
        Assert.Equal(input, Lz4Codec.High.Decompress(Lz4Codec.Fast.Compress(input), 1 << 20, strict: true));
    }
}
