using Google.Protobuf;

namespace NexusZero.Optimization.Onnx;

/// <summary>
/// Writes the one graph shape the cost model needs, costs = Exp(features · W + B), as an ONNX ModelProto
/// (ir_version 8, opset 13). Only the handful of onnx.proto messages that graph uses are encoded; the field
/// numbers are those of onnx.proto. Tests also use it to build models with wrong shapes.
/// </summary>
internal static class OnnxModelWriter
{
    private const int FloatType = 1; // TensorProto.DataType.FLOAT

    /// <summary>The model bytes.</summary>
    /// <param name="weights">W, features × outputs.</param>
    /// <param name="bias">B, one per output.</param>
    /// <param name="exp">Whether an Exp node follows the Add (the shipped model predicts logarithms).</param>
    /// <param name="inputName">The graph input's name.</param>
    /// <param name="outputName">The graph output's name.</param>
    public static byte[] LinearModel(float[,] weights, float[] bias, bool exp = true, string inputName = "features", string outputName = "costs")
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        int features = weights.GetLength(0);
        int outputs = weights.GetLength(1);
        float[] flat = new float[features * outputs];
        Buffer.BlockCopy(weights, 0, flat, 0, flat.Length * sizeof(float));

        string linear = exp ? "log_costs" : outputName;
        var graph = new List<(int Field, byte[] Body)>
        {
            (1, Node("MatMul", [inputName, "W"], ["product"], "matmul")),
            (1, Node("Add", ["product", "B"], [linear], "add")),
        };
        if (exp)
        {
            graph.Add((1, Node("Exp", [linear], [outputName], "exp")));
        }

        graph.Add((5, Tensor("W", [features, outputs], flat)));
        graph.Add((5, Tensor("B", [outputs], bias)));
        graph.Add((11, ValueInfo(inputName, features)));
        graph.Add((12, ValueInfo(outputName, outputs)));

        return Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.Varint);
            w.WriteInt64(8); // ir_version
            WriteString(w, 2, "NexusZero");
            WriteMessage(w, 7, Message(g =>
            {
                WriteString(g, 2, "nexuszero_cost_model");
                foreach ((int field, byte[] body) in graph)
                {
                    WriteMessage(g, field, body);
                }
            }));
            WriteMessage(w, 8, Message(o =>
            {
                WriteString(o, 1, string.Empty);
                o.WriteTag(2, WireFormat.WireType.Varint);
                o.WriteInt64(13);
            }));
        });
    }

    // NodeProto: input 1, output 2, name 3, op_type 4.
    private static byte[] Node(string op, string[] inputs, string[] outputs, string name) => Message(w =>
    {
        foreach (string input in inputs)
        {
            WriteString(w, 1, input);
        }

        foreach (string output in outputs)
        {
            WriteString(w, 2, output);
        }

        WriteString(w, 3, name);
        WriteString(w, 4, op);
    });

    // TensorProto: dims 1, data_type 2, float_data 4 (packed), name 8.
    private static byte[] Tensor(string name, long[] dims, float[] values) => Message(w =>
    {
        foreach (long dim in dims)
        {
            w.WriteTag(1, WireFormat.WireType.Varint);
            w.WriteInt64(dim);
        }

        w.WriteTag(2, WireFormat.WireType.Varint);
        w.WriteInt32(FloatType);
        w.WriteTag(4, WireFormat.WireType.LengthDelimited);
        w.WriteLength(values.Length * sizeof(float));
        foreach (float value in values)
        {
            w.WriteFloat(value);
        }

        WriteString(w, 8, name);
    });

    // ValueInfoProto{name 1, type 2: TypeProto{tensor_type 1: {elem_type 1, shape 2: TensorShapeProto{dim 1: {dim_value 1 | dim_param 2}}}}}.
    private static byte[] ValueInfo(string name, int width) => Message(w =>
    {
        WriteString(w, 1, name);
        byte[] rows = Message(d => WriteString(d, 2, "N"));
        byte[] columns = Message(d =>
        {
            d.WriteTag(1, WireFormat.WireType.Varint);
            d.WriteInt64(width);
        });
        byte[] shape = Message(s =>
        {
            WriteMessage(s, 1, rows);
            WriteMessage(s, 1, columns);
        });
        byte[] tensorType = Message(t =>
        {
            t.WriteTag(1, WireFormat.WireType.Varint);
            t.WriteInt32(FloatType);
            WriteMessage(t, 2, shape);
        });
        WriteMessage(w, 2, Message(t => WriteMessage(t, 1, tensorType)));
    });

    private static void WriteString(CodedOutputStream w, int field, string value)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteString(value);
    }

    private static void WriteMessage(CodedOutputStream w, int field, byte[] body)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteBytes(ByteString.CopyFrom(body));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return buffer.ToArray();
    }
}
