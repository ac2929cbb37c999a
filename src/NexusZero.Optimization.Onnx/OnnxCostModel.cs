using System.Diagnostics.CodeAnalysis;
using Microsoft.ML.OnnxRuntime;

namespace NexusZero.Optimization.Onnx;

/// <summary>
/// A loaded cost model: one ONNX Runtime session whose single float input is [N, <see cref="CostFeatures.Count"/>]
/// and single float output is [N, <see cref="CostFeatures.Outputs"/>] (proving µs, verification µs, proof bytes).
/// The shapes are checked once at load; every prediction is range-checked, so a model that answers NaN, a
/// negative or an absurd figure is reported, never used. Run is thread-safe on one session.
/// </summary>
internal sealed class OnnxCostModel : IDisposable
{
    /// <summary>The largest model file accepted: the shipped one is a few hundred bytes.</summary>
    public const int MaxModelBytes = 1 << 20;

    /// <summary>The largest predicted time accepted (100 s): anything above is a broken model, not a slow proof.</summary>
    public const double MaxMicroseconds = 1e8;

    /// <summary>The largest predicted proof size accepted (16 MiB, far above any shipped system).</summary>
    public const double MaxProofBytes = 16 << 20;

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string _inputName;
    private readonly string _outputName;

    private OnnxCostModel(InferenceSession session, string inputName, string outputName)
    {
        _session = session;
        _inputName = inputName;
        _outputName = outputName;
    }

    /// <summary>
    /// Loads and shape-checks a model. <paramref name="sessionFactory"/> replaces ONNX Runtime's session
    /// constructor (tests use it to stand for a platform where the native library does not load).
    /// </summary>
    public static bool TryLoad(byte[] model, [NotNullWhen(true)] out OnnxCostModel? loaded, [NotNullWhen(false)] out string? error, Func<byte[], InferenceSession>? sessionFactory = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        loaded = null;
        if (model.Length is 0 or > MaxModelBytes)
        {
            error = $"the cost model is {model.Length} bytes; 1 to {MaxModelBytes} are accepted";
            return false;
        }

        InferenceSession session;
        try
        {
            session = (sessionFactory ?? (bytes => new InferenceSession(bytes)))(model);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException or InvalidOperationException)
        {
            error = ex is OnnxRuntimeException
                ? $"ONNX Runtime refused the cost model ({ex.Message})"
                : $"ONNX Runtime is not loadable on this platform ({ex.GetType().Name}: {ex.Message})";
            return false;
        }

        if (!TryCheckShapes(session, out string? inputName, out string? outputName, out error))
        {
            session.Dispose();
            return false;
        }

        loaded = new OnnxCostModel(session, inputName, outputName);
        return true;
    }

    /// <summary>
    /// Predicts every row of <paramref name="features"/> (rows × <see cref="CostFeatures.Count"/>); false, with
    /// the reason, when the model's output has the wrong shape or a value out of range.
    /// </summary>
    public bool TryPredict(float[] features, int rows, Span<CostPrediction> predictions, [NotNullWhen(false)] out string? error)
    {
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(features, [rows, CostFeatures.Count]);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(_runOptions, [_inputName], [input], [_outputName]);
        }
        catch (OnnxRuntimeException ex)
        {
            error = $"the cost model failed to run ({ex.Message})";
            return false;
        }

        using var owned = outputs;
        OrtValue output = outputs[0];
        long[] shape = output.GetTensorTypeAndShape().Shape;
        if (shape is not [long n, CostFeatures.Outputs] || n != rows)
        {
            error = $"the cost model returned shape [{string.Join(", ", shape)}] for {rows} candidates; [{rows}, {CostFeatures.Outputs}] was expected";
            return false;
        }

        ReadOnlySpan<float> values = output.GetTensorDataAsSpan<float>();
        for (int i = 0; i < rows; i++)
        {
            var prediction = new CostPrediction(values[3 * i], values[(3 * i) + 1], values[(3 * i) + 2]);
            if (!InRange(prediction.ProvingMicroseconds, MaxMicroseconds) || !InRange(prediction.VerificationMicroseconds, MaxMicroseconds) || !InRange(prediction.ProofBytes, MaxProofBytes))
            {
                error = FormattableString.Invariant($"the cost model predicted ({prediction.ProvingMicroseconds} µs, {prediction.VerificationMicroseconds} µs, {prediction.ProofBytes} bytes), outside (0, {MaxMicroseconds}] µs and (0, {MaxProofBytes}] bytes");
                return false;
            }

            predictions[i] = prediction;
        }

        error = null;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }

    // NaN fails both comparisons, so it is out of range too.
    private static bool InRange(double value, double max) => value > 0 && value <= max;

    private static bool TryCheckShapes(InferenceSession session, [NotNullWhen(true)] out string? inputName, [NotNullWhen(true)] out string? outputName, [NotNullWhen(false)] out string? error)
    {
        inputName = null;
        outputName = null;
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count != 1)
        {
            error = $"the cost model has {session.InputMetadata.Count} inputs and {session.OutputMetadata.Count} outputs; one of each was expected";
            return false;
        }

        (string inName, NodeMetadata input) = session.InputMetadata.Single();
        (string outName, NodeMetadata output) = session.OutputMetadata.Single();
        if (!IsMatrix(input, CostFeatures.Count) || !IsMatrix(output, CostFeatures.Outputs))
        {
            error = $"the cost model maps [{string.Join(", ", input.Dimensions)}] to [{string.Join(", ", output.Dimensions)}]; float [N, {CostFeatures.Count}] to float [N, {CostFeatures.Outputs}] was expected";
            return false;
        }

        inputName = inName;
        outputName = outName;
        error = null;
        return true;
    }

    private static bool IsMatrix(NodeMetadata metadata, int columns) =>
        metadata.IsTensor && metadata.ElementType == typeof(float) && metadata.Dimensions is [_, int width] && width == columns;
}
