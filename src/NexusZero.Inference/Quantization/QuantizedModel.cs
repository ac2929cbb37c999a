using NexusZero.Inference.Graph;

namespace NexusZero.Inference.Quantization;

/// <summary>
/// A model in fixed point: what the circuit computes, evaluated here on 64-bit integers. Its
/// <see cref="Commitment"/> is the SHA-256 digest of its canonical encoding (docs/formats.md, "Model
/// commitment"), which the inference statement carries.
/// </summary>
public sealed class QuantizedModel
{
    private readonly byte[] _commitment;

    internal QuantizedModel(ImportedModel source, QuantizationOptions options, IReadOnlyList<QuantizedLayer> layers)
    {
        Source = source;
        Options = options;
        Layers = layers;
        _commitment = QuantizedModelEncoding.Commitment(this);
    }

    /// <summary>The imported model.</summary>
    public ImportedModel Source { get; }

    /// <summary>The scales and input width.</summary>
    public QuantizationOptions Options { get; }

    /// <summary>The integer layers, in evaluation order.</summary>
    public IReadOnlyList<QuantizedLayer> Layers { get; }

    /// <summary>SHA-256 of the canonical encoding: names the quantized weights, scales and structure.</summary>
    public ReadOnlyMemory<byte> Commitment => _commitment;

    /// <summary>The inclusive bound on |quantized input|: inputs must lie in [−2^(InputBits−1), 2^(InputBits−1)).</summary>
    public long InputLimit => 1L << (Options.InputBits - 1);

    /// <summary>round(x·2^s) for each input value.</summary>
    /// <param name="input">The input row.</param>
    /// <returns>The quantized input.</returns>
    /// <exception cref="ArgumentException">The input has the wrong length, or a value is not finite or outside the input range.</exception>
    public long[] QuantizeInput(ReadOnlySpan<double> input)
    {
        if (input.Length != Source.InputSize)
        {
            throw new ArgumentException($"The model takes {Source.InputSize} inputs, not {input.Length}.", nameof(input));
        }

        var quantized = new long[input.Length];
        var limit = InputLimit / Math.Pow(2, Options.InputScaleBits);
        for (var i = 0; i < input.Length; i++)
        {
            var scaled = double.IsFinite(input[i]) ? Math.Round(input[i] * Math.Pow(2, Options.InputScaleBits), MidpointRounding.AwayFromZero) : double.NaN;
            if (!(scaled >= -InputLimit && scaled < InputLimit))
            {
                throw new ArgumentException($"Input {i} = {input[i]} is outside the quantized input range [−{limit}, {limit}) (QuantizationOptions.InputBits = {Options.InputBits}).", nameof(input));
            }

            quantized[i] = (long)scaled;
        }

        return quantized;
    }

    /// <summary>Evaluates on quantized inputs: every value of every layer, as the circuit's witness has them.</summary>
    /// <param name="input">The quantized input.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="ArgumentException">The input has the wrong length or a value outside the input range.</exception>
    public QuantizedTrace Evaluate(ReadOnlySpan<long> input) => QuantizedEvaluator.Evaluate(this, input);

    /// <summary>A quantized value as a real: q / 2^s.</summary>
    /// <param name="value">The quantized value.</param>
    /// <returns>The real.</returns>
    public double Dequantize(long value) => value / Math.Pow(2, Options.InputScaleBits);
}
