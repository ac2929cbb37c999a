namespace NexusZero.Inference.Quantization;

/// <summary>Every value of one quantized evaluation, by value id; the circuit's witness is computed from it.</summary>
public sealed class QuantizedTrace
{
    internal QuantizedTrace(long[][] values, int input, int output, int? argMax)
    {
        Values = values;
        Input = values[input];
        Output = values[output];
        ArgMax = argMax;
    }

    /// <summary>The values, by id (internal: tests change one to show that a wrong witness cannot be proven).</summary>
    internal long[][] Values { get; }

    /// <summary>The quantized input.</summary>
    public IReadOnlyList<long> Input { get; }

    /// <summary>The quantized output (logits when the model ends in Softmax).</summary>
    public IReadOnlyList<long> Output { get; }

    /// <summary>The first index of the largest output, when the model ends in Softmax; otherwise null.</summary>
    public int? ArgMax { get; }
}
