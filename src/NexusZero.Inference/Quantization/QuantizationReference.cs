namespace NexusZero.Inference.Quantization;

/// <summary>What a <see cref="QuantizationReport"/> measured the quantized model against.</summary>
public enum QuantizationReference
{
    /// <summary>ONNX Runtime running the model's ONNX bytes.</summary>
    OnnxRuntime = 0,

    /// <summary>
    /// The imported graph's own double-precision evaluation (<see cref="Evaluation.FloatEvaluator"/>): what a prover
    /// without an ONNX Runtime session measures against. The tests hold it to ONNX Runtime within 1e-5 on every test model.
    /// </summary>
    ImportedModel = 1,
}
