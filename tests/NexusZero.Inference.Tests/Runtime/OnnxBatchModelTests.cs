using NexusZero.Explainability.Data;
using NexusZero.Explainability.Lime;
using NexusZero.Explainability.Shap;
using NexusZero.Inference.Runtime;
using NexusZero.Inference.Tests.Models;

namespace NexusZero.Inference.Tests.Runtime;

/// <summary>The ONNX Runtime adapter: batched, thread-safe, and explained by the existing explainers.</summary>
public sealed class OnnxBatchModelTests
{
    [Fact]
    public void ExactShapExplainsAnOnnxModelAndItsValuesAddUpToTheOutput()
    {
        using var model = new OnnxBatchModel(TestModels.Mlp());
        Assert.Equal((4, 3), (model.InputCount, model.OutputCount));
        var background = BackgroundData.FromRows(TestModels.Inputs(16, 4, seed: 21));
        var instances = TestModels.Inputs(3, 4, seed: 22);
        var explanation = new ExactShapExplainer(model, background).Explain(instances);
        var outputs = new double[3 * 3];
        model.Predict(instances.SelectMany(r => r).ToArray(), 3, outputs);
        for (var row = 0; row < 3; row++)
        {
            for (var output = 0; output < 3; output++)
            {
                // Shapley efficiency: base value plus the attributions is the model's output.
                Assert.Equal(outputs[(row * 3) + output], explanation.GetReconstructedOutput(row, output), 5);
            }
        }

        Assert.Equal(3, new LimeTabularExplainer(model, background).Explain(instances).RowCount);
    }

    [Fact]
    public void BatchedParallelCallsAgreeWithSingleRows()
    {
        foreach (var bytes in new[] { TestModels.Mlp(), TestModels.Cnn() })
        {
            using var model = new OnnxBatchModel(bytes);
            var rows = TestModels.Inputs(32, model.InputCount, seed: 23);
            var flat = rows.SelectMany(r => r).ToArray();
            var expected = new double[rows.Length * model.OutputCount];
            model.Predict(flat, rows.Length, expected);
            Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            {
                var single = new double[model.OutputCount];
                model.Predict(rows[i], 1, single);
                Assert.Equal(expected.AsSpan(i * model.OutputCount, model.OutputCount).ToArray(), single);
            });
            Assert.Throws<ArgumentException>(() => model.Predict(flat, rows.Length + 1, expected));
        }
    }

    [Fact]
    public void TheSizeBoundHoldsForBytesAndFiles()
    {
        var bytes = TestModels.Mlp();
        Assert.Contains("limit", Assert.Throws<ArgumentException>(() => new OnnxBatchModel(bytes, new NexusZero.Inference.Import.OnnxImportLimits { MaxFileBytes = 100 })).Message);
        var path = Path.Combine(Path.GetTempPath(), $"nexuszero-batch-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, bytes);
        try
        {
            using var model = OnnxBatchModel.FromFile(path);
            Assert.Equal(4, model.InputCount);
            Assert.Throws<FormatException>(() => OnnxBatchModel.FromFile(path, new NexusZero.Inference.Import.OnnxImportLimits { MaxFileBytes = 100 }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnyNamedOutputOfAModelWithSeveralCanBeExplained()
    {
        var graph = new OnnxGraphBuilder("x", [1, 2], symbolicBatch: true).Random("W", [2, 3]).Node("MatMul", ["x", "W"], "h").Node("Relu", ["h"], "y");
        graph.Graph.Output.Add(OnnxGraphBuilder.ValueInfo("h", [1, 3], symbolicBatch: true));
        var bytes = graph.Build("y", [1, 3], symbolicBatch: true);
        using var hidden = new OnnxBatchModel(bytes, outputName: "h");
        using var relu = new OnnxBatchModel(bytes, outputName: "y");
        var (h, y) = (new double[6], new double[6]);
        hidden.Predict([1, -1, -0.5, 2], 2, h);
        relu.Predict([1, -1, -0.5, 2], 2, y);
        Assert.Equal(h.Select(v => Math.Max(v, 0)), y);
        Assert.Contains("'z'", Assert.Throws<ArgumentException>(() => new OnnxBatchModel(bytes, outputName: "z")).Message);
    }
}
