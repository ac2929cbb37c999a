using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Tests.Models;

/// <summary>The model and CSV loaders stop at their byte limit whatever the file claims to be (issue #12).</summary>
public sealed class LoaderBoundsTests
{
    [Fact]
    public void ModelFromDevZeroIsRefusedAtTheLimit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var ex = Assert.Throws<FormatException>(() => DenseModelJson.Load("/dev/zero"));
        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvFromDevZeroIsRefusedAtTheLimit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var ex = Assert.Throws<FormatException>(() => TabularCsv.Load("/dev/zero"));
        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvFromAnEndlessFifoIsRefusedAtTheLimit()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = Path.Combine(Path.GetTempPath(), $"nz-fifo-{Guid.NewGuid():N}");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mk.WaitForExit();
            Assert.Equal(0, mk.ExitCode);
        }

        try
        {
            // The writer never ends on its own: only the reader's limit (and closing the pipe) stops it.
            var writer = Task.Run(() =>
            {
                try
                {
                    using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                    var line = "1,2,3\n"u8.ToArray();
                    while (true)
                    {
                        stream.Write(line);
                    }
                }
                catch (IOException)
                {
                    // The reader closed the pipe after refusing the content.
                }
            });
            var ex = Assert.Throws<FormatException>(() => TabularCsv.Load(fifo));
            Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
            await writer.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Theory]
    [InlineData("""{ "format": "nexuszero.dense-model", "format": "x", "version": 1 }""", "format")]
    [InlineData("""{ "format": "nexuszero.dense-model", "version": 1, "kind": "mlp", "inputs": ["a"], "outputs": ["y"], "layers": [], "layers": [] }""", "layers")]
    [InlineData("""{ "format": "nexuszero.dense-model", "version": 1, "kind": "mlp", "inputs": ["a"], "outputs": ["y"], "layers": [ { "activation": "identity", "weights": [[1]], "bias": [0], "bias": [1] } ] }""", "bias")]
    public void DuplicateKeysAreRefusedAtEveryLevel(string json, string key)
    {
        var ex = Assert.Throws<FormatException>(() => DenseModelJson.Parse(json));
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains("uplicate", ex.Message, StringComparison.Ordinal);
    }
}
