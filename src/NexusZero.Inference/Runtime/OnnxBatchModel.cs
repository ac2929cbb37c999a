using NexusZero.Explainability.Models;

namespace NexusZero.Inference.Runtime;

/// <summary>
/// An ONNX model as an <see cref="IBatchModel"/>, so that SHAP, LIME and counterfactual explainers explain it:
/// batched calls into one ONNX Runtime session, safe from several threads at once.
/// </summary>
public sealed class OnnxBatchModel : IBatchModel, IDisposable
{
    private readonly OnnxReferenceModel _model;

    /// <summary>Loads the model bytes.</summary>
    /// <param name="model">The ONNX bytes.</param>
    /// <param name="limits">The size bound; <see cref="Import.OnnxImportLimits.Default"/> when null.</param>
    /// <param name="outputName">Which output to explain (models with several: probabilities, labels, embeddings); the first when null.</param>
    /// <exception cref="ArgumentException">The model is too large, does not have one input, or has no output of that name.</exception>
    public OnnxBatchModel(byte[] model, Import.OnnxImportLimits? limits = null, string? outputName = null) => _model = new OnnxReferenceModel(model, limits, outputName);

    /// <summary>Loads a model file, read with its size bounded.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="limits">The size bound; <see cref="Import.OnnxImportLimits.Default"/> when null.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FormatException">The file is larger than the limit.</exception>
    public static OnnxBatchModel FromFile(string path, Import.OnnxImportLimits? limits = null) =>
        new(NexusZero.IO.BoundedFile.ReadAllBytes(path, (limits ?? Import.OnnxImportLimits.Default).MaxFileBytes, "ONNX model"), limits);

    /// <inheritdoc />
    public int InputCount => _model.InputCount;

    /// <inheritdoc />
    public int OutputCount => _model.OutputCount;

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> inputs, int rowCount, Span<double> outputs) => _model.Run(inputs, rowCount, outputs);

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();
}
