using System.Text;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Tests.Models;

/// <summary>An over-limit model is refused after a cheap scan, not after building it (issue #12).</summary>
public sealed class ModelSizeLimitTests
{
    [Fact]
    public void OverLimitModelIsRefusedWithinASmallMultipleOfItsFileSize()
    {
        // 1000 × 4096 = 4,096,000 weights, just over the 4,000,000 limit, written as short numbers.
        string row = "[" + string.Join(",", Enumerable.Repeat("0", 4096)) + "]";
        string json = "{\"format\":\"nexuszero.dense-model\",\"version\":1,\"kind\":\"mlp\",\"layers\":[{\"activation\":\"relu\",\"weights\":["
            + string.Join(",", Enumerable.Repeat(row, 1000)) + "],\"bias\":[0]}]}";
        string path = Path.Combine(Path.GetTempPath(), $"nz-big-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json, new UTF8Encoding(false));
        try
        {
            long size = new FileInfo(path).Length;
            long before = GC.GetAllocatedBytesForCurrentThread();
            var ex = Assert.Throws<FormatException>(() => DenseModelJson.Load(path));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Contains("4000000 weights", ex.Message, StringComparison.Ordinal);

            // Reading the bounded file costs a few times its size; the old tree parse cost tens of times more.
            Assert.True(allocated < 4 * size, $"allocated {allocated} bytes for a {size}-byte file");

            var bytes = File.ReadAllBytes(path);
            before = GC.GetAllocatedBytesForCurrentThread();
            Assert.Throws<FormatException>(() => DenseModelJson.Parse(bytes.AsSpan()));
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "parsing the bytes should allocate under 1 MiB");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WithinLimitModelLoadsIdentically()
    {
        var model = TestModels.Mlp(9, 33, 3, Activation.Tanh, Activation.Softmax, seed: 8);
        var again = DenseModelJson.Parse(DenseModelJson.Serialize(model));
        Assert.Equal(model.Layers.Count, again.Layers.Count);
        for (int l = 0; l < model.Layers.Count; l++)
        {
            var a = model.Layers[l];
            var b = again.Layers[l];
            Assert.Equal(a.Activation, b.Activation);
            Assert.Equal(a.RowMajor, b.RowMajor);
            Assert.Equal(a.Transposed, b.Transposed);
            Assert.Equal(a.Bias, b.Bias);
        }

        Assert.Equal(DenseModelJson.Serialize(model), DenseModelJson.Serialize(again));
    }
}
