using NexusZero.Inference.Evaluation;
using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Runtime;
using NexusZero.Pipeline;
using Xunit.Abstractions;

namespace NexusZero.Inference.Tests.Models;

/// <summary>A real model: the MLP trained on the UCI Wine table, its accuracy, quantization and one proof.</summary>
public sealed class WineMlpTests(ITestOutputHelper output)
{
    [Fact]
    public void TheDataFileIsTheDocumentedOne() => Assert.Equal(WineMlp.Sha256, WineMlp.Instance.FileHash);

    [Fact]
    public void TheTrainedModelIsAccurateAndItsQuantizationAgreesWithOnnxRuntime()
    {
        var wine = WineMlp.Instance;
        using var reference = new OnnxReferenceModel(wine.Onnx);
        var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(wine.Onnx));
        var floatCorrect = wine.TestInputs.Where((x, i) => FloatEvaluator.ArgMax(reference.Run(x)) == wine.TestLabels[i]).Count();
        var quantizedCorrect = wine.TestInputs.Where((x, i) => model.Evaluate(model.QuantizeInput(x)).ArgMax == wine.TestLabels[i]).Count();
        var all = wine.TrainInputs.Concat(wine.TestInputs).ToArray();
        var report = QuantizationReport.Measure(model, reference, all);
        var floatAccuracy = (double)floatCorrect / wine.TestLabels.Length;
        var quantizedAccuracy = (double)quantizedCorrect / wine.TestLabels.Length;
        output.WriteLine($"Wine MLP test accuracy: ONNX Runtime {floatAccuracy:P1}, quantized {quantizedAccuracy:P1} ({wine.TestLabels.Length} rows); argmax agreement {report.ArgMaxAgreement:P1}, max |Δp| {report.MaxAbsoluteError:F4} over {report.Rows} rows");
        Assert.True(floatAccuracy >= 0.9, $"float accuracy {floatAccuracy}");
        Assert.True(quantizedAccuracy >= 0.9, $"quantized accuracy {quantizedAccuracy}");
        Assert.True(report.ArgMaxAgreement >= 0.99, $"argmax agreement {report.ArgMaxAgreement}");
    }

    [Fact]
    public void AWinePredictionIsProvenAndVerified()
    {
        var wine = WineMlp.Instance;
        var keys = InferenceCircuitKeys.CreateWithLocalSetup(ModelQuantizer.Quantize(OnnxModelImporter.Import(wine.Onnx)));
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
        var proof = api.ProveInference(keys, wine.TestInputs[0]);
        Assert.True(api.Verify(proof.ToBytes(), keys.Statement(proof.Claim)).IsValid);
        Assert.Equal(wine.TestLabels[0], proof.Claim.ArgMax);
        output.WriteLine($"Wine MLP circuit: {keys.ConstraintCount} constraints; " + string.Join(", ", keys.Layers.Select(l => $"{l.Layer} {l.Constraints}")));
    }
}
