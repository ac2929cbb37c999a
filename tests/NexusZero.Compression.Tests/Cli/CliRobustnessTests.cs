using System.Diagnostics;
using NexusZero.Cli;
using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Cli;

/// <summary>Hostile inputs and outputs for compress, decompress and verify: one line on stderr, exit 2, nothing left behind.</summary>
public sealed class CliRobustnessTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliRunner.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static void AssertOneLineError((int Exit, string Output, string Error) run)
    {
        Assert.Equal(2, run.Exit);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("lz4")]
    [InlineData("lz4-high")]
    [InlineData("brotli")]
    [InlineData("none")]
    public void Compressing_a_proc_file_that_reports_length_zero_works(string codec)
    {
        using var directory = new TempDirectory();
        // /proc files report length 0 but have content: a frame promising 0 bytes used to throw InvalidOperationException.
        var run = Run("compress", "--codec", codec, "/proc/self/status", directory.File("out"));
        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal(0, Run("decompress", directory.File("out"), directory.File("back")).Exit);
        Assert.Contains("Name:", File.ReadAllText(directory.File("back")));
    }

    [Theory]
    [InlineData("lz4")]
    [InlineData("brotli")]
    [InlineData("none")]
    public void An_endless_input_stops_at_max_input_and_leaves_nothing(string codec)
    {
        using var directory = new TempDirectory();
        var run = Run("compress", "--codec", codec, "--max-input", "1000000", "/dev/zero", directory.File("out"));
        AssertOneLineError(run);
        Assert.Contains("--max-input", run.Error);
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public void An_existing_output_is_replaced_only_with_force()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("in"), TestInputs.TextLike(10_000, 1));
        File.WriteAllText(directory.File("out"), "keep me");
        var refused = Run("compress", directory.File("in"), directory.File("out"));
        AssertOneLineError(refused);
        Assert.Contains("--force", refused.Error);
        Assert.Equal("keep me", File.ReadAllText(directory.File("out")));

        File.WriteAllText(directory.File("back"), "keep me too");
        Assert.Equal(0, Run("compress", "--force", directory.File("in"), directory.File("out")).Exit);
        AssertOneLineError(Run("decompress", directory.File("out"), directory.File("back")));
        Assert.Equal("keep me too", File.ReadAllText(directory.File("back")));
        Assert.Equal(0, Run("decompress", "--force", directory.File("out"), directory.File("back")).Exit);
        Assert.Equal(TestInputs.TextLike(10_000, 1), File.ReadAllBytes(directory.File("back")));
    }

    [Theory]
    [InlineData("lz4")]
    [InlineData("brotli")]
    public void Decompression_stops_at_max_output(string codec)
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("in"), new byte[200_000]);
        Assert.Equal(0, Run("compress", "--codec", codec, directory.File("in"), directory.File("packed")).Exit);
        var run = Run("decompress", "--max-output", "100000", directory.File("packed"), directory.File("out"));
        AssertOneLineError(run);
        Assert.False(File.Exists(directory.File("out")));
        Assert.Equal(2, Directory.GetFileSystemEntries(directory.Path).Length);

        var atLimit = Run("decompress", "--max-output", "200000", directory.File("packed"), directory.File("out"));
        Assert.True(atLimit.Exit == 0, atLimit.Error);
        Assert.Equal(200_000, new FileInfo(directory.File("out")).Length);
    }

    [Fact]
    public void A_link_planted_at_the_old_temporary_name_is_not_followed()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("in"), TestInputs.TextLike(10_000, 2));
        var victim = directory.File("victim");
        File.WriteAllText(victim, "untouched");
        File.CreateSymbolicLink(directory.File("out.partial"), victim);
        Assert.Equal(0, Run("compress", directory.File("in"), directory.File("out")).Exit);
        Assert.Equal("untouched", File.ReadAllText(victim));
    }

    [Fact]
    public async Task Verify_reads_a_pipe_without_asking_its_length()
    {
        using var directory = new TempDirectory();
        var fifo = directory.File("pipe");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var writer = Task.Run(() => File.WriteAllBytes(fifo, "not an envelope"u8.ToArray()));
        var run = Run("verify", fifo);
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        // The pipe's bytes were read and judged: a malformed envelope (exit 2), not a crash asking the pipe for its length.
        Assert.True(run.Exit == 2, run.Error);
        Assert.Contains("MalformedProof", run.Output);
        Assert.DoesNotContain("NotSupported", run.Error + run.Output);
    }
}
