using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Evaluation;
using NexusZero.Inference.Import;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Runtime;
using Xunit.Abstractions;

namespace NexusZero.Inference.Tests.Models;

/// <summary>A real CNN: the 8×8 digits, its accuracy, quantization agreement and its circuit (not proven here: the key's setup is the slow part).</summary>
public sealed class DigitsCnnTests(ITestOutputHelper output)
{
    [Fact]
    public void TheDataFileIsTheDocumentedOne() => Assert.Equal(DigitsCnn.Sha256, DigitsCnn.Instance.FileHash);

    [Fact]
    public void TheTrainedCnnIsAccurateAndItsQuantizationAgreesWithOnnxRuntime()
    {
        var digits = DigitsCnn.Instance;
        using var reference = new OnnxReferenceModel(digits.Onnx);
        var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(digits.Onnx));
        var n = digits.TestLabels.Length;
        var floatCorrect = digits.TestInputs.Where((x, i) => FloatEvaluator.ArgMax(reference.Run(x)) == digits.TestLabels[i]).Count();
        var quantizedCorrect = digits.TestInputs.Where((x, i) => model.Evaluate(model.QuantizeInput(x)).ArgMax == digits.TestLabels[i]).Count();
        var report = QuantizationReport.Measure(model, reference, digits.TestInputs);
        output.WriteLine($"Digits CNN test accuracy: ONNX Runtime {(double)floatCorrect / n:P1}, quantized {(double)quantizedCorrect / n:P1} ({n} rows); argmax agreement {report.ArgMaxAgreement:P1}, max |Δp| {report.MaxAbsoluteError:F4}");
        Assert.True(floatCorrect >= 0.9 * n, $"float accuracy {floatCorrect}/{n}");
        Assert.True(quantizedCorrect >= 0.9 * n, $"quantized accuracy {quantizedCorrect}/{n}");
        Assert.True(report.ArgMaxAgreement >= 0.98, $"argmax agreement {report.ArgMaxAgreement}");
    }

    [Fact]
    public void ItsCircuitIsSatisfiedByAnHonestTrace()
    {
        var digits = DigitsCnn.Instance;
        var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(digits.Onnx));
        var trace = model.Evaluate(model.QuantizeInput(digits.TestInputs[0]));
        var (circuit, layers) = InferenceCircuit.Build(CircuitBuilder.ForProving(), model, trace);
        Assert.True(circuit.System.IsSatisfied(circuit.Witness).IsSatisfied);
        output.WriteLine($"Digits CNN circuit: {circuit.System.ConstraintCount} constraints; " + string.Join(", ", layers.Select(l => $"{l.Layer} {l.Constraints}")));
    }
}
