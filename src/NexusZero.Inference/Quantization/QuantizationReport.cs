using NexusZero.Inference.Runtime;

namespace NexusZero.Inference.Quantization;

/// <summary>
/// How far the quantized model is from the float model over a set of rows: the largest absolute difference of any
/// output value (probabilities, when the model ends in Softmax: the quantized logits go through a float Softmax
/// first), and how often the two agree on the argmax. The float model is ONNX Runtime's output, or the imported
/// graph's own float evaluation where no session is at hand (<see cref="Reference"/>).
/// </summary>
/// <param name="Rows">Rows measured.</param>
/// <param name="MaxAbsoluteError">max |quantized − float reference| over every output value of every row.</param>
/// <param name="ArgMaxAgreement">Fraction of rows whose argmax is the same, 0 … 1.</param>
/// <param name="ImportMaxAbsoluteError">
/// max |float evaluation of the imported graph − ONNX Runtime|: how faithfully the import lowered the operators
/// (about 1e-6 for float32 models); a large value means the model is not the one ONNX Runtime runs. 0, not measured,
/// when <see cref="Reference"/> is <see cref="QuantizationReference.ImportedModel"/>.
/// </param>
public sealed record QuantizationReport(int Rows, double MaxAbsoluteError, double ArgMaxAgreement, double ImportMaxAbsoluteError)
{
    /// <summary>What the quantized output was compared with.</summary>
    public QuantizationReference Reference { get; init; }

    /// <summary>Measures <paramref name="model"/> against <paramref name="reference"/> on <paramref name="inputs"/>.</summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="reference">ONNX Runtime on the same ONNX bytes.</param>
    /// <param name="inputs">The rows (at least one).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">No rows, or a row does not fit the model's input.</exception>
    public static QuantizationReport Measure(QuantizedModel model, OnnxReferenceModel reference, IEnumerable<double[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(inputs);
        var (rows, agree, maxError, importError) = (0, 0, 0.0, 0.0);
        foreach (var input in inputs)
        {
            var row = MeasureRow(model, model.Evaluate(model.QuantizeInput(input)), input, reference);
            (maxError, importError) = (Math.Max(maxError, row.MaxAbsoluteError), Math.Max(importError, row.ImportMaxAbsoluteError));
            agree += row.ArgMaxAgreement == 1 ? 1 : 0;
            rows++;
        }

        if (rows == 0)
        {
            throw new ArgumentException("At least one row is needed.", nameof(inputs));
        }

        return new QuantizationReport(rows, maxError, (double)agree / rows, importError);
    }

    /// <summary>
    /// Measures <paramref name="model"/> against the imported graph's float evaluation on <paramref name="inputs"/>, for a
    /// caller without an ONNX Runtime session (<see cref="QuantizationReference.ImportedModel"/>).
    /// </summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="inputs">The rows (at least one).</param>
    /// <returns>The report; <see cref="ImportMaxAbsoluteError"/> is 0 (not measured).</returns>
    /// <exception cref="ArgumentException">No rows, or a row does not fit the model's input.</exception>
    public static QuantizationReport Measure(QuantizedModel model, IEnumerable<double[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        var (rows, agree, maxError) = (0, 0, 0.0);
        foreach (var input in inputs)
        {
            var row = MeasureRow(model, model.Evaluate(model.QuantizeInput(input)), input, null);
            maxError = Math.Max(maxError, row.MaxAbsoluteError);
            agree += row.ArgMaxAgreement == 1 ? 1 : 0;
            rows++;
        }

        if (rows == 0)
        {
            throw new ArgumentException("At least one row is needed.", nameof(inputs));
        }

        return new QuantizationReport(rows, maxError, (double)agree / rows, 0) { Reference = QuantizationReference.ImportedModel };
    }

    /// <summary>
    /// The report of one row whose quantized evaluation is <paramref name="trace"/>: against <paramref name="reference"/>
    /// when given, otherwise against the imported graph's float evaluation of <paramref name="input"/>.
    /// </summary>
    internal static QuantizationReport MeasureRow(QuantizedModel model, QuantizedTrace trace, ReadOnlySpan<double> input, OnnxReferenceModel? reference)
    {
        var actual = Dequantized(model, trace);
        var imported = Evaluation.FloatEvaluator.Evaluate(model.Source, input);
        var expected = reference is null ? imported : reference.Run(input);
        if (expected.Length != actual.Length)
        {
            throw new ArgumentException($"ONNX Runtime returns {expected.Length} values, the quantized model {actual.Length}.", nameof(reference));
        }

        var (maxError, importError) = (0.0, 0.0);
        for (var i = 0; i < actual.Length; i++)
        {
            maxError = Math.Max(maxError, Math.Abs(actual[i] - expected[i]));
            importError = Math.Max(importError, Math.Abs(imported[i] - expected[i]));
        }

        var agrees = Evaluation.FloatEvaluator.ArgMax(actual) == Evaluation.FloatEvaluator.ArgMax(expected);
        return new QuantizationReport(1, maxError, agrees ? 1 : 0, importError)
        {
            Reference = reference is null ? QuantizationReference.ImportedModel : QuantizationReference.OnnxRuntime,
        };
    }

    /// <summary>The trace's output as reals (through Softmax when the model ends in one).</summary>
    internal static double[] Dequantized(QuantizedModel model, QuantizedTrace trace)
    {
        var values = trace.Output.Select(model.Dequantize).ToArray();
        if (!model.Source.SoftmaxAtOutput)
        {
            return values;
        }

        var max = values.Max();
        var exp = values.Select(v => Math.Exp(v - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(v => v / sum)];
    }
}
