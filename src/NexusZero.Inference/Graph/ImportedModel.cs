namespace NexusZero.Inference.Graph;

/// <summary>
/// An ONNX model as this package understands it: values (tensors) and layers in evaluation order, one float
/// input, one output. When the ONNX graph ends in Softmax, <see cref="Output"/> is the logits (Softmax's
/// input) and <see cref="SoftmaxAtOutput"/> is set: proofs are about the logits and their argmax.
/// </summary>
public sealed class ImportedModel
{
    internal ImportedModel(IReadOnlyList<ModelValue> values, IReadOnlyList<ModelLayer> layers, int input, int output, bool softmaxAtOutput, string inputName, string outputName)
    {
        Values = values;
        Layers = layers;
        Input = input;
        Output = output;
        SoftmaxAtOutput = softmaxAtOutput;
        InputName = inputName;
        OutputName = outputName;
    }

    /// <summary>The values, by id.</summary>
    public IReadOnlyList<ModelValue> Values { get; }

    /// <summary>The layers in evaluation order.</summary>
    public IReadOnlyList<ModelLayer> Layers { get; }

    /// <summary>The input value's id.</summary>
    public int Input { get; }

    /// <summary>The output value's id (the logits when <see cref="SoftmaxAtOutput"/>).</summary>
    public int Output { get; }

    /// <summary>True when the ONNX graph applies Softmax to <see cref="Output"/> last.</summary>
    public bool SoftmaxAtOutput { get; }

    /// <summary>The ONNX graph input's name.</summary>
    public string InputName { get; }

    /// <summary>The ONNX graph output's name.</summary>
    public string OutputName { get; }

    /// <summary>Elements in the input.</summary>
    public int InputSize => Values[Input].Size;

    /// <summary>Elements in the output.</summary>
    public int OutputSize => Values[Output].Size;
}
