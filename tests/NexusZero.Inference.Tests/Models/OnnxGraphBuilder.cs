using Google.Protobuf;
using Onnx;

namespace NexusZero.Inference.Tests.Models;

/// <summary>Builds ONNX models for the tests with the classes generated from onnx.proto (opset 13, IR 8).</summary>
internal sealed class OnnxGraphBuilder
{
    private readonly GraphProto _graph = new() { Name = "test" };
    private readonly Random _random;
    private int _nodes;

    public OnnxGraphBuilder(string input, long[] shape, int seed = 1, bool symbolicBatch = false)
    {
        _random = new Random(seed);
        _graph.Input.Add(ValueInfo(input, shape, symbolicBatch));
    }

    public GraphProto Graph => _graph;

    public OnnxGraphBuilder Initializer(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(dims);
        tensor.FloatData.Add(values);
        _graph.Initializer.Add(tensor);
        return this;
    }

    public OnnxGraphBuilder Shape(string name, long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.Add(values);
        _graph.Initializer.Add(tensor);
        return this;
    }

    /// <summary>Random weights in [−scale, scale).</summary>
    public OnnxGraphBuilder Random(string name, long[] dims, double scale = 0.5)
    {
        var count = dims.Aggregate(1L, (p, d) => p * d);
        return Initializer(name, dims, [.. Enumerable.Range(0, (int)count).Select(_ => (float)(((_random.NextDouble() * 2) - 1) * scale))]);
    }

    public OnnxGraphBuilder Node(string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = $"{op.ToLowerInvariant()}_{_nodes++}" };
        node.Input.Add(inputs);
        node.Output.Add(output);
        node.Attribute.Add(attributes);
        _graph.Node.Add(node);
        return this;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.Add(values);
        return attribute;
    }

    public byte[] Build(string output, long[] shape, bool symbolicBatch = false)
    {
        _graph.Output.Add(ValueInfo(output, shape, symbolicBatch));
        var model = new ModelProto { IrVersion = 8, ProducerName = "NexusZero.Inference.Tests", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model.ToByteArray();
    }

    internal static ValueInfoProto ValueInfo(string name, long[] shape, bool symbolicBatch)
    {
        var tensorShape = new TensorShapeProto();
        for (var i = 0; i < shape.Length; i++)
        {
            tensorShape.Dim.Add(i == 0 && symbolicBatch ? new TensorShapeProto.Types.Dimension { DimParam = "N" } : new TensorShapeProto.Types.Dimension { DimValue = shape[i] });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = tensorShape } },
        };
    }
}
