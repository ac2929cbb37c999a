namespace NexusZero.Inference.Quantization;

/// <summary>
/// Fixed-point parameters: a real v becomes round(v·2^s). The defaults, 2^7 for inputs and parameters, are
/// EZKL's. Activations stay at the input scale: each product of an activation and a weight is rescaled by
/// 2^ParameterScaleBits with a range-checked truncation (docs/architecture.md, "Quantization").
/// </summary>
public sealed record QuantizationOptions
{
    /// <summary>The defaults.</summary>
    public static QuantizationOptions Default { get; } = new();

    /// <summary>s for inputs and activations, 1 … 24 (default 7).</summary>
    public int InputScaleBits { get; init; } = 7;

    /// <summary>s for weights, 1 … 24 (default 7); biases use InputScaleBits + ParameterScaleBits.</summary>
    public int ParameterScaleBits { get; init; } = 7;

    /// <summary>
    /// Width of a quantized input as a signed integer, 2 … 40 (default 16: |x| &lt; 2^15 / 2^7 = 256 at the default
    /// scale). Inputs are range-checked to it in the circuit, and every bound of the model follows from it.
    /// </summary>
    public int InputBits { get; init; } = 16;

    /// <summary>Checks the ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(InputScaleBits, 1, nameof(InputScaleBits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(InputScaleBits, 24, nameof(InputScaleBits));
        ArgumentOutOfRangeException.ThrowIfLessThan(ParameterScaleBits, 1, nameof(ParameterScaleBits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ParameterScaleBits, 24, nameof(ParameterScaleBits));
        ArgumentOutOfRangeException.ThrowIfLessThan(InputBits, 2, nameof(InputBits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(InputBits, 40, nameof(InputBits));
    }
}
