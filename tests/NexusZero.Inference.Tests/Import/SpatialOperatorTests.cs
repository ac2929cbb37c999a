using NexusZero.Inference.Evaluation;
using NexusZero.Inference.Import;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Runtime;
using NexusZero.Inference.Tests.Models;
using Onnx;
using static NexusZero.Inference.Tests.Models.OnnxGraphBuilder;

namespace NexusZero.Inference.Tests.Import;

/// <summary>Convolution and pooling variants against ONNX Runtime: strides, pads, SAME/VALID, dilations, padding counts.</summary>
public sealed class SpatialOperatorTests
{
    public static TheoryData<string> Variants => ["conv-same-upper", "conv-same-lower", "conv-valid-stride", "conv-dilated", "conv-asymmetric-pads", "avg-include-pad", "max-overlapping", "max-padded"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void EachVariantMatchesOnnxRuntime(string variant)
    {
        var bytes = Build(variant);
        var model = OnnxModelImporter.Import(bytes);
        using var reference = new OnnxReferenceModel(bytes);
        Assert.Equal(reference.OutputCount, model.OutputSize);
        foreach (var input in TestModels.Inputs(5, model.InputSize, seed: 31))
        {
            var expected = reference.Run(input);
            var actual = FloatEvaluator.Evaluate(model, input);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5, $"{variant} output {i}: ONNX Runtime {expected[i]}, ours {actual[i]}");
            }

            // And the quantized model's circuit values are close too.
            var quantized = ModelQuantizer.Quantize(model);
            var trace = quantized.Evaluate(quantized.QuantizeInput(input));
            Assert.All(trace.Output.Select((q, i) => Math.Abs(quantized.Dequantize(q) - expected[i])), e => Assert.True(e < 0.1, $"{variant}: {e}"));
        }
    }

    [Fact]
    public void GroupedConvolutionAndCeilModeAreRefusedByName()
    {
        var grouped = Image().Random("K", [2, 1, 3, 3]).Node("Conv", ["x", "K"], "y", Int("group", 2)).Build("y", [1, 2, 5, 5]);
        Assert.Contains("group", Assert.Throws<NotSupportedException>(() => OnnxModelImporter.Import(grouped)).Message);
        var ceil = Image().Node("MaxPool", ["x"], "y", Ints("kernel_shape", 2, 2), Int("ceil_mode", 1)).Build("y", [1, 2, 3, 3]);
        Assert.Contains("ceil_mode", Assert.Throws<NotSupportedException>(() => OnnxModelImporter.Import(ceil)).Message);
    }

    private static OnnxGraphBuilder Image() => new("x", [1, 2, 5, 5], seed: 4);

    private static AttributeProto AutoPad(string value) => new() { Name = "auto_pad", Type = AttributeProto.Types.AttributeType.String, S = Google.Protobuf.ByteString.CopyFromUtf8(value) };

    private static byte[] Build(string variant)
    {
        var graph = Image().Random("K", [3, 2, 3, 3]).Random("B", [3], 0.1);
        graph = variant switch
        {
            "conv-same-upper" => graph.Node("Conv", ["x", "K", "B"], "y", AutoPad("SAME_UPPER"), Ints("strides", 2, 2)),
            "conv-same-lower" => graph.Node("Conv", ["x", "K", "B"], "y", AutoPad("SAME_LOWER"), Ints("strides", 2, 2)),
            "conv-valid-stride" => graph.Node("Conv", ["x", "K"], "y", AutoPad("VALID"), Ints("strides", 2, 1)),
            "conv-dilated" => graph.Node("Conv", ["x", "K", "B"], "y", Ints("dilations", 2, 2), Ints("pads", 1, 1, 1, 1)),
            "conv-asymmetric-pads" => graph.Node("Conv", ["x", "K", "B"], "y", Ints("pads", 0, 2, 1, 0), Ints("strides", 1, 2)),
            "avg-include-pad" => graph.Node("AveragePool", ["x"], "y", Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1), Int("count_include_pad", 1), Ints("strides", 2, 2)),
            "max-overlapping" => graph.Node("MaxPool", ["x"], "y", Ints("kernel_shape", 3, 3), Ints("strides", 1, 1)),
            "max-padded" => graph.Node("MaxPool", ["x"], "y", Ints("kernel_shape", 2, 2), Ints("pads", 1, 1, 1, 1), Ints("strides", 2, 2)),
            _ => throw new ArgumentException(variant),
        };
        var shape = FloatEvaluatorShape(graph);
        return graph.Build("y", shape);
    }

    // The output shape ONNX Runtime checks against: taken from our own import of a model without a declared shape.
    private static long[] FloatEvaluatorShape(OnnxGraphBuilder graph)
    {
        var copy = graph.Graph.Clone();
        copy.Output.Clear();
        copy.Output.Add(new ValueInfoProto { Name = "y" });
        var model = new ModelProto { IrVersion = 8, Graph = copy };
        model.OpsetImport.Add(new OperatorSetIdProto { Version = 13 });
        var imported = OnnxModelImporter.Import(Google.Protobuf.MessageExtensions.ToByteArray(model));
        return [.. imported.Values[imported.Output].Shape.Select(d => (long)d)];
    }
}
