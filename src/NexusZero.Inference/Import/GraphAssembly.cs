using NexusZero.Inference.Graph;
using Onnx;

namespace NexusZero.Inference.Import;

/// <summary>
/// The state of one import: the values made so far, the layers, and what each ONNX name refers to. Flatten and
/// Reshape give a name a new shape over the same value id (the data are row-major either way).
/// </summary>
internal sealed partial class GraphAssembly
{
    private readonly OnnxImportLimits _limits;
    private readonly Dictionary<string, ConstantTensor> _constants;
    private readonly Dictionary<string, (int Id, int[] Shape)> _names = [];
    private readonly List<ModelValue> _values = [];
    private readonly List<ModelLayer> _layers = [];
    private long _terms;

    public GraphAssembly(OnnxImportLimits limits, Dictionary<string, ConstantTensor> constants)
    {
        _limits = limits;
        _constants = constants;
    }

    public IReadOnlyList<ModelValue> Values => _values;

    public List<ModelLayer> Layers => _layers;

    public (int Id, int[] Shape) AddInput(string name, int[] shape)
    {
        var id = NewValue(name, shape);
        _names[name] = (id, shape);
        return (id, shape);
    }

    public bool TryGetValue(string name, out (int Id, int[] Shape) value) => _names.TryGetValue(name, out value);

    public void Lower(NodeProto node)
    {
        if (node.Domain.Length > 0 && node.Domain != "ai.onnx")
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)} is from operator domain '{node.Domain}'; only the default ONNX domain is supported.");
        }

        switch (node.OpType)
        {
            case "Gemm": Gemm(node); break;
            case "MatMul": MatMul(node); break;
            case "Add": Add(node); break;
            case "Relu": Elementwise(node, (name, input, output) => new ReluLayer(name, input, output)); break;
            case "Sigmoid": Elementwise(node, (name, input, output) => new ActivationLayer(name, input, output, ActivationKind.Sigmoid)); break;
            case "Tanh": Elementwise(node, (name, input, output) => new ActivationLayer(name, input, output, ActivationKind.Tanh)); break;
            case "Flatten": Flatten(node); break;
            case "Reshape": Reshape(node); break;
            case "Conv": Conv(node); break;
            case "MaxPool": MaxPool(node); break;
            case "AveragePool": AveragePool(node); break;
            case "BatchNormalization": BatchNormalization(node); break;
            default:
                throw new NotSupportedException($"{NodeAttributes.Describe(node)}: operator {node.OpType} is not supported (supported: Gemm, MatMul, Add, Relu, Sigmoid, Tanh, Flatten, Reshape, Conv, MaxPool, AveragePool, BatchNormalization, and Softmax as the last node).");
        }
    }

    private (int Id, int[] Shape) Activation(NodeProto node, int index)
    {
        var name = node.Input[index];
        if (_names.TryGetValue(name, out var value))
        {
            return value;
        }

        throw _constants.ContainsKey(name)
            ? new NotSupportedException($"{NodeAttributes.Describe(node)}: input {index} ('{name}') is a constant where an activation is expected; only constant weights are supported.")
            : new FormatException($"{NodeAttributes.Describe(node)}: input '{name}' is not produced by an earlier node or the graph input (nodes must be in topological order).");
    }

    private ConstantTensor Constant(NodeProto node, int index, bool integers = false)
    {
        var name = node.Input[index];
        if (!_constants.TryGetValue(name, out var constant))
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)}: input {index} ('{name}') must be an initializer (constant weights); products of two activations are not supported.");
        }

        if (integers ? constant.Integers is null : constant.Floats is null)
        {
            throw new FormatException($"{NodeAttributes.Describe(node)}: initializer '{name}' must be {(integers ? "INT64" : "FLOAT")}.");
        }

        return constant;
    }

    private static void RequireArity(NodeProto node, int minInputs, int maxInputs)
    {
        if (node.Input.Count < minInputs || node.Input.Count > maxInputs || node.Input.Take(minInputs).Any(string.IsNullOrEmpty))
        {
            throw new FormatException($"{NodeAttributes.Describe(node)} has {node.Input.Count} inputs; {minInputs} … {maxInputs} expected.");
        }

        if (node.Output.Count != 1)
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)} has {node.Output.Count} outputs; only the first output of an operator is supported, and it must be the only one.");
        }
    }

    private int NewValue(string name, int[] shape)
    {
        var elements = shape.Aggregate(1L, (product, d) => product * d);
        if (elements > _limits.MaxTensorElements)
        {
            throw new FormatException($"Value '{name}' would have {elements} elements; the limit is {_limits.MaxTensorElements}.");
        }

        _values.Add(new ModelValue(name, shape));
        return _values.Count - 1;
    }

    private int Define(NodeProto node, int[] shape)
    {
        var name = node.Output[0];
        if (_names.ContainsKey(name) || _constants.ContainsKey(name))
        {
            throw new FormatException($"{NodeAttributes.Describe(node)} writes '{name}', which is already defined.");
        }

        var id = NewValue(name, shape);
        _names[name] = (id, shape);
        return id;
    }

    private void Alias(NodeProto node, int id, int[] shape)
    {
        var name = node.Output[0];
        if (_names.ContainsKey(name) || _constants.ContainsKey(name))
        {
            throw new FormatException($"{NodeAttributes.Describe(node)} writes '{name}', which is already defined.");
        }

        _names[name] = (id, shape);
    }

    private void ReserveTerms(NodeProto node, long terms)
    {
        _terms += terms;
        if (terms > _limits.MaxTerms || _terms > _limits.MaxTerms)
        {
            throw new FormatException($"{NodeAttributes.Describe(node)} brings the model to {_terms} multiply-accumulate terms; the limit is {_limits.MaxTerms}.");
        }
    }

    private static int Size(int[] shape) => shape.Aggregate(1, (product, d) => product * d);
}
