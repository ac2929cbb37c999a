using NexusZero.Explainability.Data;
using NexusZero.Explainability.Quality;
using NexusZero.Explainability.Shap;
using NexusZero.Inference.Import;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Receipts;
using NexusZero.Inference.Runtime;

namespace ServiceLoad;

/// <summary>
/// What an uncached explanation-level request computes, called as a library without the service: the input quantized
/// as the service does it, the quantized evaluation (for the predicted output), Kernel SHAP of that output on the
/// float model with the service's options (seed, budget, no bootstrap, feature names, the same background), the
/// efficiency residual and the receipt form of the explanation. The "explanation direct" phase runs this with the
/// service phase's inputs and concurrency, so the ratio of the two is the service's overhead.
/// </summary>
internal sealed class DirectExplainer : IDisposable
{
    private readonly OnnxBatchModel _floatModel;
    private readonly BackgroundData _background;
    private readonly IReadOnlyList<string> _names;
    private readonly int _budget;

    public DirectExplainer(string data, int budget)
    {
        var onnx = File.ReadAllBytes(Path.Combine(data, "wine-mlp.onnx"));
        Quantized = ModelQuantizer.Quantize(OnnxModelImporter.Import(onnx));
        var csv = TabularCsv.Load(Path.Combine(data, "wine-background.csv"));
        _background = BackgroundData.FromRows(csv.Rows);
        _names = csv.Columns;
        _floatModel = new OnnxBatchModel(onnx);
        _budget = budget;
    }

    /// <summary>The quantized model (the fault phase uses its input quantization to check receipts' subjects).</summary>
    public QuantizedModel Quantized { get; }

    public ReceiptExplanation Explain(IReadOnlyList<double> input, int seed, CancellationToken cancellationToken)
    {
        var quantized = Quantized.QuantizeInput([.. input]);
        var scale = Math.Pow(2, Quantized.Options.InputScaleBits);
        var real = quantized.Select(q => q / scale).ToArray();
        var output = Quantized.Evaluate(quantized).ArgMax ?? 0;
        var shap = new KernelShapExplainer(_floatModel, _background, new KernelShapOptions
        {
            Seed = seed,
            Budget = _budget,
            BootstrapReplicates = 0,
            FeatureNames = _names,
        });
        var explanation = shap.Explain([real], cancellationToken);
        var score = 1 - Math.Min(1, ExplanationQuality.EfficiencyResidual(explanation, _floatModel));
        return ReceiptExplanation.From(explanation, row: 0, output: output, new Dictionary<string, double> { ["efficiency"] = score });
    }

    public void Dispose() => _floatModel.Dispose();
}
