using NexusZero.Inference.Import;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Models;

namespace NexusZero.Benchmarks.Inference;

/// <summary>Issue 16's benchmark models, from the inference tests' builders and data files (linked into this project).</summary>
public enum InferenceModel
{
    /// <summary>The UCI Wine 13 → 10 → 3 MLP, trained at load.</summary>
    WineMlp,

    /// <summary>The 8×8 digits CNN, trained at load.</summary>
    DigitsCnn,

    /// <summary>The ~10k-parameter 64 → 128 → 16 → 10 MLP (random weights).</summary>
    Mlp10k,
}

/// <summary>The quantized model and a few test inputs for each <see cref="InferenceModel"/>.</summary>
internal static class InferenceBenchmarkModels
{
    public static (QuantizedModel Model, double[][] Inputs) Load(InferenceModel model)
    {
        var (onnx, inputs) = model switch
        {
            InferenceModel.WineMlp => (WineMlp.Instance.Onnx, WineMlp.Instance.TestInputs.Take(4).ToArray()),
            InferenceModel.DigitsCnn => (DigitsCnn.Instance.Onnx, DigitsCnn.Instance.TestInputs.Take(4).ToArray()),
            _ => (TestModels.Mlp10k(), TestModels.Inputs(4, 64, seed: 5)),
        };
        return (ModelQuantizer.Quantize(OnnxModelImporter.Import(onnx)), inputs);
    }
}
