namespace NexusZero.Inference.Tests.Models;

/// <summary>The verifiable-inference sample ships the Wine MLP as a file; it must be the model these tests train.</summary>
public sealed class SampleWineModelTests
{
    [Fact]
    public void TheSamplesModelPredictsAsTheTrainedWineMlp()
    {
        var wine = WineMlp.Instance;
        using var shipped = new NexusZero.Inference.Runtime.OnnxBatchModel(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "sample-wine-mlp.onnx")));
        using var trained = new NexusZero.Inference.Runtime.OnnxBatchModel(wine.Onnx);
        var inputs = wine.TestInputs.SelectMany(r => r).ToArray();
        var (a, b) = (new double[wine.TestInputs.Length * 3], new double[wine.TestInputs.Length * 3]);
        shipped.Predict(inputs, wine.TestInputs.Length, a);
        trained.Predict(inputs, wine.TestInputs.Length, b);
        Assert.True(a.Zip(b, (x, y) => Math.Abs(x - y)).Max() < 1e-5);
    }
}
