using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NexusZero.Inference.Runtime;

/// <summary>
/// A model run by ONNX Runtime: the float reference that quantized outputs are measured against, and what
/// <see cref="OnnxBatchModel"/> explains. One session, shared; ONNX Runtime's Run is thread-safe.
/// </summary>
public sealed class OnnxReferenceModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly string _output;
    private readonly int[] _inputShape;

    /// <summary>Loads the model bytes into an ONNX Runtime session.</summary>
    /// <param name="model">The ONNX bytes, at most <see cref="Import.OnnxImportLimits.MaxFileBytes"/> of <paramref name="limits"/>.</param>
    /// <param name="limits">The size bound; <see cref="Import.OnnxImportLimits.Default"/> when null.</param>
    /// <param name="outputName">Which of the model's outputs to return; the first when null.</param>
    /// <exception cref="ArgumentException">The model is too large, does not have one input, or has no output of that name.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime refuses the model.</exception>
    public OnnxReferenceModel(byte[] model, Import.OnnxImportLimits? limits = null, string? outputName = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var maxBytes = (limits ?? Import.OnnxImportLimits.Default).MaxFileBytes;
        if (model.Length > maxBytes)
        {
            throw new ArgumentException($"The model is {model.Length} bytes; the limit is {maxBytes}.", nameof(model));
        }

        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
        if (_session.InputMetadata.Count != 1 || _session.OutputMetadata.Count < 1)
        {
            _session.Dispose();
            throw new ArgumentException("The model must have one input and at least one output.", nameof(model));
        }

        (_input, var meta) = _session.InputMetadata.First();
        _output = outputName ?? _session.OutputMetadata.First().Key;
        if (!_session.OutputMetadata.ContainsKey(_output))
        {
            _session.Dispose();
            throw new ArgumentException($"The model has no output '{outputName}'; its outputs are {string.Join(", ", _session.OutputMetadata.Keys)}.", nameof(outputName));
        }

        _inputShape = [.. meta.Dimensions.Select(d => d < 0 ? 1 : d)];
        InputCount = _inputShape.Skip(1).Aggregate(1, (p, d) => p * d);
        if (_inputShape.Length == 1)
        {
            InputCount = _inputShape[0];
        }

        var outShape = _session.OutputMetadata[_output].Dimensions;
        OutputCount = outShape.Skip(outShape.Length > 1 ? 1 : 0).Aggregate(1, (p, d) => p * Math.Max(d, 1));
    }

    /// <summary>Loads a model file, read with its size bounded.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="limits">The size bound; <see cref="Import.OnnxImportLimits.Default"/> when null.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The file is larger than the limit.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static OnnxReferenceModel FromFile(string path, Import.OnnxImportLimits? limits = null) =>
        new(NexusZero.IO.BoundedFile.ReadAllBytes(path, (limits ?? Import.OnnxImportLimits.Default).MaxFileBytes, "ONNX model"), limits);

    /// <summary>Values per input row.</summary>
    public int InputCount { get; }

    /// <summary>Values per output row (of the chosen output).</summary>
    public int OutputCount { get; }

    /// <summary>Runs <paramref name="rowCount"/> rows; batched in one call when the model's batch dimension is symbolic.</summary>
    /// <param name="inputs">Row-major, rowCount × <see cref="InputCount"/>.</param>
    /// <param name="rowCount">Rows.</param>
    /// <param name="outputs">Row-major destination, rowCount × <see cref="OutputCount"/>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Run(ReadOnlySpan<double> inputs, int rowCount, Span<double> outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (inputs.Length != (long)rowCount * InputCount || outputs.Length != (long)rowCount * OutputCount)
        {
            throw new ArgumentException($"{rowCount} rows need {rowCount * InputCount} inputs and {rowCount * OutputCount} outputs, not {inputs.Length} and {outputs.Length}.");
        }

        var batched = _session.InputMetadata[_input].Dimensions[0] < 0 && _inputShape.Length > 1;
        var step = batched ? Math.Max(rowCount, 1) : 1;
        for (var start = 0; start < rowCount; start += step)
        {
            var rows = Math.Min(step, rowCount - start);
            var shape = (int[])_inputShape.Clone();
            if (_inputShape.Length > 1)
            {
                shape[0] = rows;
            }

            var data = new float[rows * InputCount];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = (float)inputs[(start * InputCount) + i];
            }

            using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, new DenseTensor<float>(data, shape))], [_output]);
            var tensor = results.First().AsTensor<float>();
            var k = 0;
            foreach (var value in tensor)
            {
                outputs[(start * OutputCount) + k++] = value;
            }
        }
    }

    /// <summary>One row's output.</summary>
    /// <param name="input">The row.</param>
    /// <returns>The chosen output's values.</returns>
    public double[] Run(ReadOnlySpan<double> input)
    {
        var output = new double[OutputCount];
        Run(input, 1, output);
        return output;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
