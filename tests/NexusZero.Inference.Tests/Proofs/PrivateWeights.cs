using NexusZero.Inference.Quantization;

namespace NexusZero.Inference.Tests.Proofs;

/// <summary>Models for the private-weights tests: one weight changed, every width kept.</summary>
internal static class PrivateWeights
{
    /// <summary>The model with the smallest weight of its first affine layer moved by one step: the same circuit in private mode, another function.</summary>
    public static QuantizedModel WithOneWeightChanged(QuantizedModel model)
    {
        var first = model.Layers.OfType<QuantizedAffine>().First();
        var weights = (long[])first.Weights.Clone();
        var k = Array.IndexOf(weights, weights.MinBy(Math.Abs));
        weights[k] += 1;
        return WithLayer(model, first, first with { Weights = weights });
    }

    /// <summary>The model with its first affine layer's weights reversed: other values, the same widths and layer fields.</summary>
    public static QuantizedModel WithWeightsReversed(QuantizedModel model)
    {
        var first = model.Layers.OfType<QuantizedAffine>().First();
        return WithLayer(model, first, first with { Weights = [.. first.Weights.Reverse()] });
    }

    private static QuantizedModel WithLayer(QuantizedModel model, QuantizedLayer old, QuantizedLayer replacement) =>
        new(model.Source, model.Options, [.. model.Layers.Select(l => ReferenceEquals(l, old) ? replacement : l)]);
}
