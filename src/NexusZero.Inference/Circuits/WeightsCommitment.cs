using NexusZero.Circuits;
using NexusZero.Inference.Quantization;

namespace NexusZero.Inference.Circuits;

/// <summary>
/// The hiding Poseidon commitment to a quantized model's parameters (docs/formats.md, "Private-weights commitment"),
/// computed natively and in the circuit, the same way. The parameters are every affine layer's weights (storage
/// order), then its biases, layer by layer. Each is offset to a non-negative value below 2^b (b = the model's
/// weight width, or its bias width) and packed, least significant first, into field elements of at most 252 bits;
/// the packing is injective because every slot holds exactly its width's bits (in the circuit, boolean wires). A chain of Poseidon(4) absorbs
/// them (<see cref="BlindedPoseidonChain"/>, shared with the committed input): s₀ = Poseidon(tag, count, widths,
/// blinding), then s = Poseidon(s, e₀, e₁, e₂) per three elements (zeros pad the last), and the commitment is the final s. The blinding is a uniform element of Fr, so the commitment
/// reveals nothing about the weights beyond the public widths and count.
/// </summary>
internal static class WeightsCommitment
{
    /// <summary>
    /// The domain tag: the UTF-8 bytes of "NexusZero.Inference.Weights.v1" as a big-endian integer (240 bits). It opens
    /// the chain, and it is also the public value just before the commitment in a private-weights statement, pinned
    /// in the circuit, so that statement cannot be read as a public-weights one (docs/security.md).
    /// </summary>
    public static FieldElement Tag { get; } = BlindedPoseidonChain.TagElement("NexusZero.Inference.Weights.v1");

    /// <summary>The public widths: the signed width holding every weight, and every bias (at least 2 each).</summary>
    public static (int WeightBits, int BiasBits) Widths(QuantizedModel model)
    {
        var affine = Affine(model);
        long weights = 0, biases = 0;
        foreach (var layer in affine)
        {
            foreach (var w in layer.Weights)
            {
                weights = Math.Max(weights, Math.Abs(w));
            }

            foreach (var b in layer.Bias)
            {
                biases = Math.Max(biases, Math.Abs(b));
            }
        }

        return (Math.Max(2, ValueBounds.Bits(weights)), Math.Max(2, ValueBounds.Bits(biases)));
    }

    /// <summary>The affine layers in order; the private-weights mode needs at least one.</summary>
    public static QuantizedAffine[] Affine(QuantizedModel model)
    {
        var affine = model.Layers.OfType<QuantizedAffine>().ToArray();
        if (affine.Length == 0)
        {
            throw new ArgumentException("The model has no affine layer, so no weights to keep private.", nameof(model));
        }

        return affine;
    }

    /// <summary>How many parameters the commitment covers.</summary>
    public static int Count(QuantizedModel model) => Affine(model).Sum(a => a.Weights.Length + a.Bias.Length);

    /// <summary>The commitment, computed natively (what the prover publishes and the circuit recomputes).</summary>
    public static FieldElement Compute(QuantizedModel model, FieldElement blinding)
    {
        var (weightBits, biasBits) = Widths(model);
        var values = Affine(model).SelectMany(layer => layer.Weights.Select(w => (w, weightBits)).Concat(layer.Bias.Select(b => (b, biasBits))));
        return BlindedPoseidonChain.Compute(Tag, Count(model), WidthsElement(weightBits, biasBits), blinding, values);
    }

    /// <summary>
    /// A parameter in the circuit as the bits of its offset value (<see cref="BlindedPoseidonChain.Bits"/>): returns the
    /// signed value as a combination of the bits, and the bits.
    /// </summary>
    public static (LinearCombination Value, Variable[] Bits) Parameter(CircuitBuilder builder, long value, int bits) =>
        BlindedPoseidonChain.Bits(builder, () => value, bits, "weight bit");

    /// <summary>
    /// The commitment in the circuit over the parameters' bits (in the commitment's order, from <see cref="Parameter"/>):
    /// returns the digest, which the caller constrains to the public commitment.
    /// </summary>
    public static LinearCombination Constrain(CircuitBuilder builder, QuantizedModel model, IReadOnlyList<Variable[]> parameters, Variable blinding)
    {
        var (weightBits, biasBits) = Widths(model);
        return BlindedPoseidonChain.Constrain(builder, Tag, parameters.Count, WidthsElement(weightBits, biasBits), parameters, blinding);
    }

    /// <summary>Both widths in one element: weightBits + 256·biasBits.</summary>
    private static FieldElement WidthsElement(int weightBits, int biasBits) => FieldElement.FromUInt64((ulong)(weightBits + (256 * biasBits)));
}
