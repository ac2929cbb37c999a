using NexusZero.Inference.Graph;
using NexusZero.Inference.Import;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Runtime;
using NexusZero.Inference.Tests.Import;
using NexusZero.Inference.Tests.Models;

namespace NexusZero.Inference.Tests.Quantization;

/// <summary>Fixed-point quantization: error against ONNX Runtime, wrap-around refused, commitments.</summary>
public sealed class QuantizationTests
{
    [Theory]
    [InlineData("mlp", 0.03)]
    [InlineData("cnn", 0.06)]
    public void TheQuantizedModelStaysCloseToOnnxRuntime(string name, double tolerance)
    {
        var bytes = ImportTests.Model(name);
        var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(bytes));
        using var reference = new OnnxReferenceModel(bytes);
        var report = QuantizationReport.Measure(model, reference, TestModels.Inputs(100, model.Source.InputSize));
        Assert.Equal(100, report.Rows);
        Assert.True(report.ImportMaxAbsoluteError < 1e-5, $"{name}: import error {report.ImportMaxAbsoluteError}");
        Assert.True(report.MaxAbsoluteError < tolerance, $"{name}: max error {report.MaxAbsoluteError}");
        Assert.True(report.ArgMaxAgreement >= 0.95, $"{name}: argmax agreement {report.ArgMaxAgreement}");
    }

    [Fact]
    public void AFinerScaleIsMoreAccurate()
    {
        var bytes = TestModels.Mlp();
        var imported = OnnxModelImporter.Import(bytes);
        using var reference = new OnnxReferenceModel(bytes);
        var inputs = TestModels.Inputs(50, 4);
        var coarse = QuantizationReport.Measure(ModelQuantizer.Quantize(imported, new QuantizationOptions { InputScaleBits = 4, ParameterScaleBits = 4 }), reference, inputs);
        var fine = QuantizationReport.Measure(ModelQuantizer.Quantize(imported, new QuantizationOptions { InputScaleBits = 12, ParameterScaleBits = 12, InputBits = 24 }), reference, inputs);
        Assert.True(fine.MaxAbsoluteError < coarse.MaxAbsoluteError / 4, $"fine {fine.MaxAbsoluteError}, coarse {coarse.MaxAbsoluteError}");
    }

    [Theory]
    [InlineData(ActivationKind.Sigmoid, PiecewiseLinear.SigmoidMaxError)]
    [InlineData(ActivationKind.Tanh, PiecewiseLinear.TanhMaxError)]
    public void ThePiecewiseLinearApproximationsStayWithinTheirDocumentedError(ActivationKind kind, double bound)
    {
        var worst = 0.0;
        for (var x = -20.0; x <= 20.0; x += 1.0 / 1024)
        {
            worst = Math.Max(worst, Math.Abs(PiecewiseLinear.Exact(kind, x) - PiecewiseLinear.Approximate(kind, x)));
        }

        Assert.True(worst < bound, $"{kind}: {worst}");
        Assert.True(worst > bound / 3, $"{kind}: the documented bound {bound} is loose ({worst})");
    }

    [Fact]
    public void AModelWhoseValuesCouldWrapAroundIsRefused()
    {
        var bytes = new OnnxGraphBuilder("x", [1, 2]).Initializer("W", [2, 2], [3e5f, 1f, 1f, 3e5f])
            .Node("MatMul", ["x", "W"], "h").Node("MatMul", ["h", "W"], "y").Node("MatMul", ["y", "W"], "z").Build("z", [1, 2]);
        var imported = OnnxModelImporter.Import(bytes);
        var error = Assert.Throws<ArgumentException>(() => ModelQuantizer.Quantize(imported, new QuantizationOptions { InputBits = 30 }));
        Assert.Contains("wrap around", error.Message);
        Assert.Contains("matmul_1", error.Message);
    }

    [Fact]
    public void InputsOutsideTheRangeAreRefused()
    {
        var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(TestModels.Mlp()));
        Assert.Contains("Input 2", Assert.Throws<ArgumentException>(() => model.QuantizeInput([0, 0, 256, 0])).Message);
        Assert.Contains("Input 1", Assert.Throws<ArgumentException>(() => model.QuantizeInput([0, double.NaN, 0, 0])).Message);
        Assert.Equal([-32768L, 0, 32767, 1], model.QuantizeInput([-256, 0, 255.99, 1.0 / 128]));
    }

    [Fact]
    public void TheCommitmentChangesWithAnyWeightOrScale()
    {
        var imported = OnnxModelImporter.Import(TestModels.Mlp());
        var commitment = ModelQuantizer.Quantize(imported).Commitment.ToArray();
        Assert.Equal(commitment, ModelQuantizer.Quantize(OnnxModelImporter.Import(TestModels.Mlp())).Commitment.ToArray());
        Assert.NotEqual(commitment, ModelQuantizer.Quantize(imported, new QuantizationOptions { ParameterScaleBits = 8 }).Commitment.ToArray());
        Assert.NotEqual(commitment, ModelQuantizer.Quantize(OnnxModelImporter.Import(TestModels.Mlp(seed: 3))).Commitment.ToArray());
    }

    [Theory]
    [InlineData("Sigmoid", ActivationKind.Sigmoid, PiecewiseLinear.SigmoidMaxError)]
    [InlineData("Tanh", ActivationKind.Tanh, PiecewiseLinear.TanhMaxError)]
    public void EveryQuantizedInputOfAnActivationStaysWithinItsBoundAndError(string op, ActivationKind kind, double bound)
    {
        var bytes = new OnnxGraphBuilder("x", [1, 1]).Node(op, ["x"], "y").Build("y", [1, 1]);
        var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(bytes));
        var worst = 0.0;
        for (var q = -model.InputLimit; q < model.InputLimit; q++)
        {
            // Evaluate checks each value against the layer's derived bound and throws if one were exceeded.
            var y = model.Dequantize(model.Evaluate([q]).Output[0]);
            worst = Math.Max(worst, Math.Abs(y - PiecewiseLinear.Exact(kind, model.Dequantize(q))));
        }

        // Quantization adds at most a couple of output steps (2^−7) to the interpolation error.
        Assert.True(worst < bound + (2.0 / 128), $"{kind}: {worst}");
    }
}
