using System.Buffers.Binary;
using NexusZero.Service.Models;

namespace NexusZero.Service.Requests;

/// <summary>
/// An input checked against its model before any work: the right count, every value finite and inside the
/// quantization's range. Everything downstream (proof, output, explanation) uses the quantized input, so the
/// explanation is of exactly the input the proof is about, and the canonical encoding (docs/formats.md, "Service
/// canonical input") names it with the proof's context.
/// </summary>
internal sealed class ValidatedInput
{
    public const int MaxContextBytes = 256;

    private ValidatedInput(long[] quantized, double[] real, byte[] context)
    {
        Quantized = quantized;
        Real = real;
        Context = context;
        Canonical = Encode(quantized, context);
    }

    /// <summary>The quantized input.</summary>
    public long[] Quantized { get; }

    /// <summary>The quantized input as reals (what the explainers see and the prover re-quantizes exactly).</summary>
    public double[] Real { get; }

    /// <summary>The proof's context bytes.</summary>
    public byte[] Context { get; }

    /// <summary>u16 count, i64 per value, u16 context length, context (big-endian).</summary>
    public byte[] Canonical { get; }

    /// <exception cref="ServiceException">InvalidArgument naming the value or limit that failed.</exception>
    public static ValidatedInput Validate(RegisteredModel model, IReadOnlyList<double> input, ReadOnlySpan<byte> context)
    {
        if (input.Count != model.InputCount)
        {
            throw ServiceException.InvalidArgument($"input: model '{model.Id}' takes {model.InputCount} values; got {input.Count}.");
        }

        for (var i = 0; i < input.Count; i++)
        {
            if (!double.IsFinite(input[i]))
            {
                throw ServiceException.InvalidArgument($"input[{i}]: not a finite number.");
            }
        }

        if (context.Length > MaxContextBytes)
        {
            throw ServiceException.InvalidArgument($"context: {context.Length} bytes exceeds the limit of {MaxContextBytes}.");
        }

        var quantized = new long[input.Count];
        var scale = Math.Pow(2, model.Model.Options.InputScaleBits);
        var limit = model.Model.InputLimit;
        for (var i = 0; i < input.Count; i++)
        {
            // The same rounding as QuantizedModel.QuantizeInput, checked here to name the index without echoing the value.
            var scaled = Math.Round(input[i] * scale, MidpointRounding.AwayFromZero);
            if (!(scaled >= -limit && scaled < limit))
            {
                throw ServiceException.InvalidArgument($"input[{i}]: outside the model's quantized range [−{limit / scale}, {limit / scale}).");
            }

            quantized[i] = (long)scaled;
        }

        return new ValidatedInput(quantized, [.. quantized.Select(q => q / scale)], context.ToArray());
    }

    private static byte[] Encode(long[] quantized, byte[] context)
    {
        var bytes = new byte[2 + (8 * quantized.Length) + 2 + context.Length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)quantized.Length);
        for (var i = 0; i < quantized.Length; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(2 + (8 * i)), quantized[i]);
        }

        var at = 2 + (8 * quantized.Length);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), (ushort)context.Length);
        context.CopyTo(bytes.AsSpan(at + 2));
        return bytes;
    }
}
