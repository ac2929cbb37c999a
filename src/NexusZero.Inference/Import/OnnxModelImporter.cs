using Google.Protobuf;
using NexusZero.Inference.Graph;
using NexusZero.IO;
using Onnx;

namespace NexusZero.Inference.Import;

/// <summary>
/// Reads an ONNX ModelProto (the official onnx.proto, ONNX 1.23.0, compiled at build time) into an
/// <see cref="ImportedModel"/>. Lengths, counts and shapes are checked against <see cref="OnnxImportLimits"/>
/// before anything is allocated for them; an unsupported operator is refused with its name and the node's.
/// </summary>
public static class OnnxModelImporter
{
    /// <summary>Imports the model file at <paramref name="path"/>, read with a size bound.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="limits">The limits; <see cref="OnnxImportLimits.Default"/> when null.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The file exceeds <see cref="OnnxImportLimits.MaxFileBytes"/> or is not a well-formed ONNX model within the limits.</exception>
    /// <exception cref="NotSupportedException">The model uses an operator, attribute or shape this importer does not support.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ImportedModel ImportFile(string path, OnnxImportLimits? limits = null)
    {
        limits ??= OnnxImportLimits.Default;
        return Import(BoundedFile.ReadAllBytes(path, limits.MaxFileBytes, "ONNX model"), limits);
    }

    /// <summary>Imports a model from its bytes.</summary>
    /// <param name="model">The ModelProto's encoding.</param>
    /// <param name="limits">The limits; <see cref="OnnxImportLimits.Default"/> when null.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The bytes are not a well-formed ONNX model within the limits.</exception>
    /// <exception cref="NotSupportedException">The model uses an operator, attribute or shape this importer does not support.</exception>
    public static ImportedModel Import(ReadOnlySpan<byte> model, OnnxImportLimits? limits = null)
    {
        limits ??= OnnxImportLimits.Default;
        if (model.Length > limits.MaxFileBytes)
        {
            throw new FormatException($"The model is {model.Length} bytes; the limit is {limits.MaxFileBytes}.");
        }

        ModelProto proto;
        try
        {
            var input = CodedInputStream.CreateWithLimits(new MemoryStream(model.ToArray(), writable: false), (int)Math.Min(int.MaxValue, limits.MaxFileBytes), limits.MaxRecursionDepth);
            proto = ModelProto.Parser.ParseFrom(input);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new FormatException($"The bytes are not an ONNX ModelProto: {e.Message}", e);
        }

        return Import(proto, limits);
    }

    internal static ImportedModel Import(ModelProto proto, OnnxImportLimits limits)
    {
        var graph = proto.Graph ?? throw new FormatException("The model has no graph.");
        if (proto.Functions.Count > 0)
        {
            throw new NotSupportedException("The model defines local functions; they are not supported.");
        }

        if (graph.Node.Count > limits.MaxNodes)
        {
            throw new FormatException($"The graph has {graph.Node.Count} nodes; the limit is {limits.MaxNodes}.");
        }

        if (graph.Initializer.Count > limits.MaxInitializers)
        {
            throw new FormatException($"The graph has {graph.Initializer.Count} initializers; the limit is {limits.MaxInitializers}.");
        }

        if (graph.SparseInitializer.Count > 0)
        {
            throw new NotSupportedException("The graph has sparse initializers; they are not supported.");
        }

        var constants = new Dictionary<string, ConstantTensor>();
        long parameters = 0;
        foreach (var initializer in graph.Initializer)
        {
            // Counted from the declared dims before the data are converted.
            parameters += initializer.Dims.Aggregate(1L, (product, d) => d <= 0 ? 0 : product > limits.MaxParameters / d ? limits.MaxParameters + 1 : product * d);
            if (parameters > limits.MaxParameters)
            {
                throw new FormatException($"The initializers hold more than {limits.MaxParameters} parameters (the limit).");
            }

            if (!constants.TryAdd(initializer.Name, OnnxTensors.Read(initializer, limits)))
            {
                throw new FormatException($"Initializer '{initializer.Name}' is defined twice.");
            }
        }

        var inputs = graph.Input.Where(i => !constants.ContainsKey(i.Name)).ToArray();
        if (inputs.Length != 1 || graph.Output.Count != 1)
        {
            throw new NotSupportedException($"The graph has {inputs.Length} inputs and {graph.Output.Count} outputs; one of each is supported.");
        }

        var assembly = new GraphAssembly(limits, constants);
        var (inputId, _) = assembly.AddInput(inputs[0].Name, InputShape(inputs[0], limits));
        var outputName = graph.Output[0].Name;
        var softmax = false;
        for (var n = 0; n < graph.Node.Count; n++)
        {
            var node = graph.Node[n];
            if (node.OpType == "Softmax" && (node.Domain.Length == 0 || node.Domain == "ai.onnx"))
            {
                softmax = CheckFinalSoftmax(node, n == graph.Node.Count - 1, outputName, assembly);
                outputName = node.Input[0];
                continue;
            }

            assembly.Lower(node);
        }

        if (!assembly.TryGetValue(outputName, out var output))
        {
            throw new FormatException($"The graph output '{graph.Output[0].Name}' is not produced by any node.");
        }

        if (output.Id == inputId)
        {
            throw new NotSupportedException("The graph output is its input; the model computes nothing.");
        }

        var layers = AffineFolding.Fold(assembly.Layers, output.Id);
        return new ImportedModel(assembly.Values, layers, inputId, output.Id, softmax, inputs[0].Name, graph.Output[0].Name);
    }

    private static bool CheckFinalSoftmax(NodeProto node, bool last, string graphOutput, GraphAssembly assembly)
    {
        if (!last || node.Output.Count != 1 || node.Output[0] != graphOutput || node.Input.Count != 1)
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)}: Softmax is supported only as the last node, producing the graph output.");
        }

        var attributes = new NodeAttributes(node, "axis");
        if (!assembly.TryGetValue(node.Input[0], out var logits))
        {
            throw new FormatException($"{NodeAttributes.Describe(node)}: input '{node.Input[0]}' is not produced by an earlier node.");
        }

        var axis = attributes.Int("axis", -1);
        var rank = logits.Shape.Length;
        if (axis < 0)
        {
            axis += rank;
        }

        if (axis < 0 || axis >= rank || logits.Shape[(int)axis] != logits.Shape.Aggregate(1, (p, d) => p * d))
        {
            throw new NotSupportedException($"{NodeAttributes.Describe(node)}: Softmax must run over the one non-unit axis of the logits.");
        }

        return true;
    }

    private static int[] InputShape(ValueInfoProto input, OnnxImportLimits limits)
    {
        var tensor = input.Type?.TensorType ?? throw new NotSupportedException($"Graph input '{input.Name}' is not a tensor.");
        if (tensor.ElemType != (int)TensorProto.Types.DataType.Float)
        {
            throw new NotSupportedException($"Graph input '{input.Name}' has element type {(TensorProto.Types.DataType)tensor.ElemType}; FLOAT is supported.");
        }

        var dims = tensor.Shape?.Dim ?? throw new NotSupportedException($"Graph input '{input.Name}' has no shape.");
        var values = new long[dims.Count];
        for (var i = 0; i < dims.Count; i++)
        {
            // A symbolic first dimension is the batch: one row here.
            values[i] = dims[i].ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? dims[i].DimValue
                : i == 0 ? 1
                : throw new NotSupportedException($"Graph input '{input.Name}' has symbolic dimension {i}; only the batch dimension may be symbolic.");
        }

        if (values.Length > 0 && values[0] != 1 && values.Length > 1)
        {
            throw new NotSupportedException($"Graph input '{input.Name}' has batch size {values[0]}; models are imported for one row at a time (batch 1 or symbolic).");
        }

        return OnnxTensors.CheckedShape(values, $"Graph input '{input.Name}'", limits);
    }
}
