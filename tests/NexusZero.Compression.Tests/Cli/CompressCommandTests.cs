using NexusZero.Cli;
using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Cli;

public sealed class CompressCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliRunner.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("lz4")]
    [InlineData("lz4-high")]
    [InlineData("brotli")]
    [InlineData("none")]
    public void CompressThenDecompressRestoresTheFile(string codec)
    {
        using var directory = new TempDirectory();
        var input = TestInputs.TextLike(200_000, 3);
        File.WriteAllBytes(directory.File("in"), input);

        var compress = Run("compress", "--codec", codec, directory.File("in"), directory.File("packed"));
        Assert.True(compress.Exit == 0, compress.Error);
        var decompress = Run("decompress", directory.File("packed"), directory.File("out"));
        Assert.True(decompress.Exit == 0, decompress.Error);
        Assert.Equal(input, File.ReadAllBytes(directory.File("out")));

        var packed = File.ReadAllBytes(directory.File("packed"));
        if (codec.StartsWith("lz4", StringComparison.Ordinal))
        {
            Assert.Equal(input, Lz4Codec.Fast.Decompress(packed, 1 << 20, strict: true));
        }
        else
        {
            Assert.Equal("NZC1"u8.ToArray(), packed[..4]);
        }
    }

    [Fact]
    public void LzFourOutputIsAStandardFrameAndToolFramesDecompress()
    {
        using var directory = new TempDirectory();
        var input = TestInputs.Mixed(300_000, 4);
        File.WriteAllBytes(directory.File("in"), input);
        Assert.Equal(0, Run("compress", directory.File("in"), directory.File("ours.lz4")).Exit);
        var tool = ExternalTool.Run("lz4", ["-d", "-q", "-f", directory.File("ours.lz4"), directory.File("tool.out")]);
        Assert.True(tool.ExitCode == 0, tool.StandardError);
        Assert.Equal(input, File.ReadAllBytes(directory.File("tool.out")));

        tool = ExternalTool.Run("lz4", ["-9", "-BD", "-q", "-f", directory.File("in"), directory.File("tool.lz4")]);
        Assert.True(tool.ExitCode == 0, tool.StandardError);
        Assert.Equal(0, Run("decompress", directory.File("tool.lz4"), directory.File("ours.out")).Exit);
        Assert.Equal(input, File.ReadAllBytes(directory.File("ours.out")));
    }

    public static TheoryData<string, byte[]> Malformed => new()
    {
        { "unknown magic", "hello world"u8.ToArray() },
        { "too short", [1, 2] },
        { "truncated container", "NZC1"u8.ToArray() },
        { "unknown container codec", [.. "NZC1"u8, 7, 1, 2] },
        { "corrupt brotli", [.. "NZC1"u8, 2, 0xFF, 0xFF, 0xFF, 0xFF] },
        { "truncated lz4", [0x04, 0x22, 0x4D, 0x18, 0x64, 0x40] },
        { "lz4 bad header checksum", [0x04, 0x22, 0x4D, 0x18, 0x64, 0x40, 0x00, 0, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedInputExitsWithTwoAndOneLine(string name, byte[] content)
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("bad"), content);
        var result = Run("decompress", directory.File("bad"), directory.File("out"));
        Assert.True(result.Exit == 2, $"{name}: exit {result.Exit}");
        Assert.Single(result.Error.TrimEnd('\n', '\r').Split('\n'));
        Assert.StartsWith("nexuszero: ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("out")), $"{name}: a partial output was left behind");
    }

    [Fact]
    public void UnknownCodecIsAUsageError()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("in"), [1, 2, 3]);
        var result = Run("compress", "--codec", "zip", directory.File("in"), directory.File("out"));
        Assert.Equal(2, result.Exit);
    }

    [Fact]
    public void MissingInputExitsWithTwo()
    {
        using var directory = new TempDirectory();
        var result = Run("decompress", directory.File("absent"), directory.File("out"));
        Assert.Equal(2, result.Exit);
        Assert.StartsWith("nexuszero: ", result.Error, StringComparison.Ordinal);
    }
}
