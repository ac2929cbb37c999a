using System.Buffers.Binary;
using Google.Protobuf;
using Onnx;

namespace NexusZero.Inference.Import;

/// <summary>A constant tensor of the graph (an initializer), as doubles, or as integers for shape inputs.</summary>
internal sealed record ConstantTensor(string Name, int[] Shape, double[]? Floats, long[]? Integers)
{
    public long Size => Shape.Aggregate(1L, (product, d) => product * d);
}

/// <summary>Decodes initializers and attributes with every length checked against the limits first.</summary>
internal static class OnnxTensors
{
    private const int FloatType = (int)TensorProto.Types.DataType.Float;
    private const int Int64Type = (int)TensorProto.Types.DataType.Int64;

    public static int[] CheckedShape(IReadOnlyList<long> dims, string what, OnnxImportLimits limits)
    {
        if (dims.Count > limits.MaxRank)
        {
            throw new FormatException($"{what} has {dims.Count} dimensions; the limit is {limits.MaxRank}.");
        }

        var shape = new int[dims.Count];
        long elements = 1;
        for (var i = 0; i < dims.Count; i++)
        {
            if (dims[i] < 1 || dims[i] > limits.MaxDimension)
            {
                throw new FormatException($"{what} has dimension {i} = {dims[i]}; dimensions must be 1 … {limits.MaxDimension}.");
            }

            shape[i] = (int)dims[i];
            elements *= dims[i];
            if (elements > limits.MaxTensorElements)
            {
                throw new FormatException($"{what} has more than {limits.MaxTensorElements} elements (the limit).");
            }
        }

        return shape;
    }

    public static ConstantTensor Read(TensorProto tensor, OnnxImportLimits limits)
    {
        var what = $"Initializer '{tensor.Name}'";
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            throw new FormatException($"{what} keeps its data in an external file; only models with embedded data are read.");
        }

        if (tensor.Segment is not null)
        {
            throw new FormatException($"{what} is a segment of a larger tensor; segmented tensors are not supported.");
        }

        var shape = CheckedShape(tensor.Dims, what, limits);
        var size = shape.Aggregate(1, (product, d) => product * d);
        switch (tensor.DataType)
        {
            case FloatType:
                return new ConstantTensor(tensor.Name, shape, ReadFloats(tensor, size, what), null);
            case Int64Type:
                return new ConstantTensor(tensor.Name, shape, null, ReadInt64s(tensor, size, what));
            default:
                throw new NotSupportedException($"{what} has data type {(TensorProto.Types.DataType)tensor.DataType}; only FLOAT (and INT64 shapes) are supported.");
        }
    }

    private static double[] ReadFloats(TensorProto tensor, int size, string what)
    {
        var raw = tensor.RawData;
        if (raw.Length > 0)
        {
            CheckLength(raw, size, sizeof(float), what);
            var values = new double[size];
            var span = raw.Span;
            for (var i = 0; i < size; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(i * sizeof(float))..]);
            }

            return CheckFinite(values, what);
        }

        if (tensor.FloatData.Count != size)
        {
            throw new FormatException($"{what} declares {size} elements but holds {tensor.FloatData.Count} floats.");
        }

        return CheckFinite(tensor.FloatData.Select(v => (double)v).ToArray(), what);
    }

    private static long[] ReadInt64s(TensorProto tensor, int size, string what)
    {
        var raw = tensor.RawData;
        if (raw.Length > 0)
        {
            CheckLength(raw, size, sizeof(long), what);
            var values = new long[size];
            for (var i = 0; i < size; i++)
            {
                values[i] = BinaryPrimitives.ReadInt64LittleEndian(raw.Span[(i * sizeof(long))..]);
            }

            return values;
        }

        if (tensor.Int64Data.Count != size)
        {
            throw new FormatException($"{what} declares {size} elements but holds {tensor.Int64Data.Count} integers.");
        }

        return [.. tensor.Int64Data];
    }

    private static void CheckLength(ByteString raw, int size, int width, string what)
    {
        if (raw.Length != (long)size * width)
        {
            throw new FormatException($"{what} declares {size} elements ({(long)size * width} bytes of raw data) but holds {raw.Length} bytes.");
        }
    }

    private static double[] CheckFinite(double[] values, string what)
    {
        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new FormatException($"{what} holds a NaN or infinite value.");
        }

        return values;
    }
}
