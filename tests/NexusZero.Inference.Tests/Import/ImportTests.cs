using Google.Protobuf;
using NexusZero.Inference.Evaluation;
using NexusZero.Inference.Import;
using NexusZero.Inference.Runtime;
using NexusZero.Inference.Tests.Models;
using Onnx;

namespace NexusZero.Inference.Tests.Import;

/// <summary>Import: every supported operator, checked against ONNX Runtime; refusals name what is wrong.</summary>
public sealed class ImportTests
{
    public static TheoryData<string> ModelNames => ["mlp", "cnn"];

    internal static byte[] Model(string name) => name == "mlp" ? TestModels.Mlp() : TestModels.Cnn();

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void TheFloatEvaluationOfTheImportedGraphMatchesOnnxRuntime(string name)
    {
        var bytes = Model(name);
        var model = OnnxModelImporter.Import(bytes);
        using var reference = new OnnxReferenceModel(bytes);
        Assert.Equal(model.InputSize, reference.InputCount);
        foreach (var input in TestModels.Inputs(20, model.InputSize))
        {
            var expected = reference.Run(input);
            var actual = FloatEvaluator.Evaluate(model, input);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5, $"{name} output {i}: ONNX Runtime {expected[i]}, ours {actual[i]}");
            }
        }
    }

    [Fact]
    public void BatchNormalizationAndBiasesAreFoldedIntoTheLayerBefore()
    {
        var model = OnnxModelImporter.Import(TestModels.Cnn());

        // Conv+BN, Conv, AveragePool, MatMul+Add, Gemm, Gemm: six affine layers; Relu, MaxPool, Sum, Sigmoid, Tanh.
        Assert.Equal(6, model.Layers.Count(l => l is Graph.AffineLayer));
        Assert.Equal(11, model.Layers.Count);
        Assert.True(model.SoftmaxAtOutput);
        Assert.Equal(3, model.OutputSize);
    }

    [Fact]
    public void AnUnsupportedOperatorIsRefusedByNameAndNode()
    {
        var bytes = new OnnxGraphBuilder("x", [1, 2]).Node("Exp", ["x"], "y").Build("y", [1, 2]);
        var error = Assert.Throws<NotSupportedException>(() => OnnxModelImporter.Import(bytes));
        Assert.Contains("Exp", error.Message);
        Assert.Contains("exp_0", error.Message);
    }

    [Fact]
    public void SoftmaxAnywhereButTheEndIsRefused()
    {
        var bytes = new OnnxGraphBuilder("x", [1, 2]).Random("W", [2, 2])
            .Node("Softmax", ["x"], "s").Node("MatMul", ["s", "W"], "y").Build("y", [1, 2]);
        Assert.Contains("last node", Assert.Throws<NotSupportedException>(() => OnnxModelImporter.Import(bytes)).Message);
    }

    [Fact]
    public void AProductOfTwoActivationsIsRefused()
    {
        var bytes = new OnnxGraphBuilder("x", [1, 2]).Node("MatMul", ["x", "x"], "y").Build("y", [1, 2]);
        Assert.Contains("must be an initializer", Assert.Throws<NotSupportedException>(() => OnnxModelImporter.Import(bytes)).Message);
    }

    [Fact]
    public void LimitsAreCheckedBeforeAllocation()
    {
        var bytes = TestModels.Mlp();
        Assert.Contains("limit is 100", Assert.Throws<FormatException>(() => OnnxModelImporter.Import(bytes, new OnnxImportLimits { MaxFileBytes = 100 })).Message);
        Assert.Contains("nodes", Assert.Throws<FormatException>(() => OnnxModelImporter.Import(bytes, new OnnxImportLimits { MaxNodes = 3 })).Message);
        Assert.Contains("parameters", Assert.Throws<FormatException>(() => OnnxModelImporter.Import(bytes, new OnnxImportLimits { MaxParameters = 40 })).Message);

        // A tensor that declares a billion elements is refused from its dims, before its data are read.
        var huge = new OnnxGraphBuilder("x", [1, 2]).Initializer("W", [1 << 15, 1 << 15], [1f]).Node("MatMul", ["x", "W"], "y").Build("y", [1, 2]);
        Assert.Contains("parameters", Assert.Throws<FormatException>(() => OnnxModelImporter.Import(huge)).Message);
        Assert.Contains("elements", Assert.Throws<FormatException>(() => OnnxModelImporter.Import(huge, new OnnxImportLimits { MaxParameters = long.MaxValue })).Message);

        var short_ = new OnnxGraphBuilder("x", [1, 2]).Initializer("W", [2, 2], [1f, 2f, 3f]).Node("MatMul", ["x", "W"], "y").Build("y", [1, 2]);
        Assert.Contains("holds 3 floats", Assert.Throws<FormatException>(() => OnnxModelImporter.Import(short_)).Message);
    }

    [Fact]
    public void TruncatedOrGarbageBytesAreAFormatError()
    {
        var bytes = TestModels.Mlp();
        for (var cut = 1; cut < bytes.Length; cut += 37)
        {
            var error = Record.Exception(() => OnnxModelImporter.Import(bytes.AsSpan(0, cut)));
            Assert.True(error is FormatException or NotSupportedException, $"cut at {cut}: {error?.GetType().Name}: {error?.Message}");
        }

        Assert.Throws<FormatException>(() => OnnxModelImporter.Import([0xff, 0xff, 0xff, 0xff]));
    }

    [Fact]
    public void AFileIsReadWithItsSizeBound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nexuszero-inference-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, TestModels.Mlp());
        try
        {
            Assert.Equal(3, OnnxModelImporter.ImportFile(path).OutputSize);
            Assert.Contains("limit of 64 bytes", Assert.Throws<FormatException>(() => OnnxModelImporter.ImportFile(path, new OnnxImportLimits { MaxFileBytes = 64 })).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ExternalDataAndForeignDomainsAreRefused()
    {
        var graph = new OnnxGraphBuilder("x", [1, 2]).Random("W", [2, 2]).Node("MatMul", ["x", "W"], "y");
        graph.Graph.Initializer[0].DataLocation = TensorProto.Types.DataLocation.External;
        Assert.Contains("external", Assert.Throws<FormatException>(() => OnnxModelImporter.Import(graph.Build("y", [1, 2]))).Message);

        var foreign = ModelProto.Parser.ParseFrom(new OnnxGraphBuilder("x", [1, 2]).Node("Relu", ["x"], "y").Build("y", [1, 2]));
        foreign.Graph.Node[0].Domain = "com.microsoft";
        Assert.Contains("com.microsoft", Assert.Throws<NotSupportedException>(() => OnnxModelImporter.Import(foreign.ToByteArray())).Message);
    }
}
