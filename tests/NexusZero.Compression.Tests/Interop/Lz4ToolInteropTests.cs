using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Interop;

/// <summary>Both directions against the reference <c>lz4</c> tool (Debian package lz4; .ci/deps/lz4.sh).</summary>
public sealed class Lz4ToolInteropTests
{
    private static readonly byte[] MultiBlock = TestInputs.Mixed(600_000, 11);

    public static TheoryData<Lz4BlockMaxSize, bool> BlockLayouts()
    {
        var data = new TheoryData<Lz4BlockMaxSize, bool>();
        foreach (var size in Enum.GetValues<Lz4BlockMaxSize>())
        {
            data.Add(size, false);
            data.Add(size, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BlockLayouts))]
    public void OurFramesDecodeWithTheTool(Lz4BlockMaxSize size, bool linked)
    {
        using var directory = new TempDirectory();
        var flags = 0;
        foreach (var level in new[] { Lz4CompressionLevel.Fast, Lz4CompressionLevel.High })
        {
            // Each layout tries all eight checksum/content-size combinations across the two levels' inputs.
            for (var combination = 0; combination < 8; combination++, flags++)
            {
                var options = new Lz4FrameOptions
                {
                    Level = level,
                    BlockMaxSize = size,
                    LinkedBlocks = linked,
                    BlockChecksum = (combination & 1) != 0,
                    ContentChecksum = (combination & 2) != 0,
                    ContentSize = (combination & 4) != 0,
                };
                var input = level == Lz4CompressionLevel.Fast ? MultiBlock : MultiBlock[..200_000];
                AssertToolDecodes(directory, new Lz4Codec(options).Compress(input), input, $"{options}");
            }
        }
    }

    public static TheoryData<string> Shapes => new() { "empty", "one", "random", "repetitive", "text" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void OurFramesOfEveryShapeDecodeWithTheTool(string shape)
    {
        var input = shape switch
        {
            "empty" => [],
            "one" => [0x7F],
            "random" => TestInputs.Random(300_000, 5),
            "repetitive" => TestInputs.Repetitive(300_000),
            _ => TestInputs.TextLike(300_000, 6),
        };
        using var directory = new TempDirectory();
        foreach (var options in new[] { Lz4FrameOptions.Default, Lz4FrameOptions.High, Lz4FrameOptions.Default with { ContentSize = false, LinkedBlocks = true, BlockChecksum = true } })
        {
            AssertToolDecodes(directory, new Lz4Codec(options).Compress(input), input, $"{shape} {options}");
        }
    }

    [Fact]
    public void OurStreamedFrameOver16MBDecodesWithTheTool()
    {
        var input = TestInputs.Mixed(17 << 20, 17);
        using var directory = new TempDirectory();
        var path = directory.File("big.lz4");
        var options = Lz4FrameOptions.Default with { BlockMaxSize = Lz4BlockMaxSize.Max4MB, LinkedBlocks = true, BlockChecksum = true };
        using (var file = File.Create(path))
        using (var writer = new Lz4FrameWriterStream(file, options, input.Length))
        {
            writer.Write(input);
        }

        var output = directory.File("big.out");
        var result = ExternalTool.Run("lz4", ["-d", "-q", "-f", path, output]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.True(input.AsSpan().SequenceEqual(File.ReadAllBytes(output)), "lz4 -d output differs");
    }

    public static TheoryData<string[]> ToolSettings => new()
    {
        new[] { "-1" },
        new[] { "-9" },
        new[] { "-12" },
        new[] { "-1", "--content-size" },
        new[] { "-9", "--content-size", "-BD" },
        new[] { "-1", "-BD" },
        new[] { "-1", "-BX" },
        new[] { "-12", "-BD", "-BX", "--content-size" },
        new[] { "-1", "--no-frame-crc" },
        new[] { "-9", "--no-frame-crc", "-BX", "-BD" },
        new[] { "-1", "-B4" },
        new[] { "-1", "-B5", "-BD" },
        new[] { "-9", "-B6", "--content-size" },
        new[] { "-1", "-B7", "-BX" },
    };

    [Theory]
    [MemberData(nameof(ToolSettings))]
    public void ToolFramesDecodeWithOurs(string[] settings)
    {
        using var directory = new TempDirectory();
        foreach (var (name, input) in new[] { ("mixed", MultiBlock), ("text", TestInputs.TextLike(300_000, 8)), ("empty", Array.Empty<byte>()), ("one", new byte[] { 1 }) })
        {
            var source = directory.File(name);
            File.WriteAllBytes(source, input);
            var frame = directory.File(name + ".lz4");
            var result = ExternalTool.Run("lz4", [.. settings, "-q", "-f", source, frame]);
            Assert.True(result.ExitCode == 0, result.StandardError);
            var bytes = File.ReadAllBytes(frame);

            Assert.True(input.AsSpan().SequenceEqual(Lz4Codec.Fast.Decompress(bytes)), $"{name} {string.Join(' ', settings)}: one-shot decode differs");
            using var reader = new Lz4FrameReaderStream(new MemoryStream(bytes));
            using var decoded = new MemoryStream();
            reader.CopyTo(decoded);
            Assert.True(input.AsSpan().SequenceEqual(decoded.ToArray()), $"{name} {string.Join(' ', settings)}: stream decode differs");
        }
    }

    [Fact]
    public void FastLevelBlocksAreByteIdenticalToTheToolsLevelOne()
    {
        // Same algorithm, same table sizes: the tool's level-1 block is an independent oracle for the
        // fast compressor. Each input fits in one 4 MB block (across blocks lz4's frame code may reuse its
        // hash table, which changes match choices, not validity). Only the 7-byte header may differ:
        // lz4 lowers BD to fit a small input.
        using var directory = new TempDirectory();
        var options = Lz4FrameOptions.Default with { BlockMaxSize = Lz4BlockMaxSize.Max4MB, ContentSize = false, ContentChecksum = false };
        foreach (var (name, input) in new[] { ("text", TestInputs.TextLike(300_000, 31)), ("mixed", MultiBlock), ("repetitive", TestInputs.Repetitive(100_000)), ("small", TestInputs.TextLike(5_000, 32)) })
        {
            var source = directory.File(name);
            File.WriteAllBytes(source, input);
            var result = ExternalTool.Run("lz4", ["-1", "-B7", "-BI", "--no-frame-crc", "-q", "-f", source, source + ".lz4"]);
            Assert.True(result.ExitCode == 0, result.StandardError);
            var tool = File.ReadAllBytes(source + ".lz4");
            var ours = new Lz4Codec(options).Compress(input);
            Assert.True(tool.AsSpan(7).SequenceEqual(ours.AsSpan(7)), $"{name}: our block differs from lz4 -1 ({ours.Length} vs {tool.Length} bytes)");
        }
    }

    private static void AssertToolDecodes(TempDirectory directory, byte[] frame, byte[] expected, string what)
    {
        var path = directory.File("ours.lz4");
        var output = directory.File("ours.out");
        File.WriteAllBytes(path, frame);
        var result = ExternalTool.Run("lz4", ["-d", "-q", "-f", path, output]);
        Assert.True(result.ExitCode == 0, $"lz4 -d rejected our frame ({what}): {result.StandardError}");
        Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(output)), $"lz4 -d output differs ({what})");
    }
}
