using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NexusZero.Inference.Quantization;

/// <summary>
/// The canonical encoding of a quantized model that <see cref="QuantizedModel.Commitment"/> hashes
/// (docs/formats.md, "Model commitment"): a tag, the scales, the value sizes and every layer's integers,
/// all big-endian. Two models with the same commitment compute the same integer function.
/// </summary>
internal static class QuantizedModelEncoding
{
    public static ReadOnlySpan<byte> Tag => "NexusZero.Inference.Model.v1"u8;

    public static byte[] Commitment(QuantizedModel model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new Writer(hash);
        writer.Bytes(Tag);
        writer.U32(model.Options.InputScaleBits);
        writer.U32(model.Options.ParameterScaleBits);
        writer.U32(model.Options.InputBits);
        writer.U32(model.Source.Values.Count);
        foreach (var value in model.Source.Values)
        {
            writer.U32(value.Size);
        }

        writer.U32(model.Source.Input);
        writer.U32(model.Source.Output);
        writer.U32(model.Source.SoftmaxAtOutput ? 1 : 0);
        writer.U32(model.Layers.Count);
        foreach (var layer in model.Layers)
        {
            switch (layer)
            {
                case QuantizedAffine a:
                    writer.Layer(1, [a.Input], a.Output, a.Shift);
                    writer.Ints(a.RowStart);
                    writer.Ints(a.Columns);
                    writer.Longs(a.Weights);
                    writer.Longs(a.Bias);
                    break;
                case QuantizedRelu r:
                    writer.Layer(2, [r.Input], r.Output, 0);
                    break;
                case QuantizedMax m:
                    writer.Layer(3, [m.Input], m.Output, 0);
                    writer.Ints(m.RowStart);
                    writer.Ints(m.Columns);
                    break;
                case QuantizedSum s:
                    writer.Layer(4, [s.Left, s.Right], s.Output, 0);
                    writer.Ints(s.LeftIndex);
                    writer.Ints(s.RightIndex);
                    break;
                case QuantizedPiecewise p:
                    writer.Layer(5, [p.Input], p.Output, p.Shift);
                    writer.Longs(p.Knots);
                    writer.Longs(p.SlopeChanges);
                    writer.Longs([p.Offset]);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown layer {layer.GetType().Name}.");
            }
        }

        return hash.GetHashAndReset();
    }

    private readonly struct Writer(IncrementalHash hash)
    {
        public void Bytes(ReadOnlySpan<byte> bytes) => hash.AppendData(bytes);

        public void U32(int value)
        {
            Span<byte> buffer = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(buffer, checked((uint)value));
            hash.AppendData(buffer);
        }

        public void Layer(int kind, int[] inputs, int output, int shift)
        {
            U32(kind);
            U32(inputs.Length);
            foreach (var input in inputs)
            {
                U32(input);
            }

            U32(output);
            U32(shift);
        }

        public void Ints(int[] values)
        {
            U32(values.Length);
            foreach (var value in values)
            {
                U32(value);
            }
        }

        public void Longs(long[] values)
        {
            U32(values.Length);
            Span<byte> buffer = stackalloc byte[8];
            foreach (var value in values)
            {
                BinaryPrimitives.WriteInt64BigEndian(buffer, value);
                hash.AppendData(buffer);
            }
        }
    }
}
