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
    /// <exception cref="ArgumentException">The model does not have one input and a fixed-size output.</exception>
    public OnnxBatchModel(byte[] model) => _model = new OnnxReferenceModel(model);

    /// <inheritdoc />
    public int InputCount => _model.InputCount;

    /// <inheritdoc />
    public int OutputCount => _model.OutputCount;

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> inputs, int rowCount, Span<double> outputs) => _model.Run(inputs, rowCount, outputs);

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();
}
