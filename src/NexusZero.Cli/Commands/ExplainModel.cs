using Microsoft.ML.OnnxRuntime;
using NexusZero.Explainability.Models;
using NexusZero.Inference.Runtime;

namespace NexusZero.Cli.Commands;

/// <summary>
/// The model `nexuszero explain --model` names: a JSON dense model (docs/formats.md), or, for a file ending in
/// .onnx, an ONNX model run by ONNX Runtime through <see cref="OnnxBatchModel"/>. Disposing releases the session.
/// </summary>
internal sealed class ExplainModel : IDisposable
{
    private readonly OnnxBatchModel? _onnx;

    private ExplainModel(IBatchModel model, DenseModel? dense, OnnxBatchModel? onnx)
    {
        Model = model;
        Dense = dense;
        _onnx = onnx;
    }

    /// <summary>The model the explainers call.</summary>
    public IBatchModel Model { get; }

    /// <summary>The dense model when the file is one (shap-linear needs its weights); null for ONNX.</summary>
    public DenseModel? Dense { get; }

    /// <summary>The input names the model declares, or null (ONNX models: the CSV header names the features).</summary>
    public IReadOnlyList<string>? InputNames => Dense?.InputNames;

    /// <summary>Loads <paramref name="path"/>, choosing the format by its extension.</summary>
    /// <exception cref="FormatException">The file is not a model of its format, or is too large.</exception>
    /// <exception cref="ArgumentException">The ONNX model does not have exactly one input.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ExplainModel Load(string path)
    {
        if (!path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            var dense = DenseModelJson.Load(path);
            return new ExplainModel(dense, dense, null);
        }

        OnnxBatchModel onnx;
        try
        {
            onnx = OnnxBatchModel.FromFile(path);
        }
        catch (OnnxRuntimeException e)
        {
            // ONNX Runtime's messages are one line naming the parse or graph error; its stack is of no use here.
            throw new FormatException($"--model {path}: ONNX Runtime cannot load the model: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"--model {path}: {e.Message}", e);
        }

        return new ExplainModel(onnx, null, onnx);
    }

    /// <inheritdoc />
    public void Dispose() => _onnx?.Dispose();
}
