using System.Text;
using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;
using NexusZero.Inference.Quantization;

namespace NexusZero.Inference.Circuits;

/// <summary>
/// The hiding Poseidon commitment to a quantized model's parameters (docs/formats.md, "Private-weights commitment"),
/// computed natively and in the circuit, the same way. The parameters are every affine layer's weights (storage
/// order), then its biases, layer by layer. Each is offset to a non-negative value below 2^b (b = the model's
/// weight width, or its bias width) and packed, least significant first, into field elements of at most 252 bits;
/// the packing is injective because every slot holds exactly its width's bits (in the circuit, boolean wires). A chain of Poseidon(4) absorbs
/// them: s₀ = Poseidon(tag, count, widths, blinding), then s = Poseidon(s, e₀, e₁, e₂) per three elements (zeros
/// pad the last), and the commitment is the final s. The blinding is a uniform element of Fr, so the commitment
/// reveals nothing about the weights beyond the public widths and count.
/// </summary>
internal static class WeightsCommitment
{
    /// <summary>The widest packed element: below 2^252 &lt; r, so packing never wraps.</summary>
    public const int ElementBits = 252;

    /// <summary>Elements absorbed per Poseidon call after the first (Poseidon takes four inputs; the state is the fourth).</summary>
    private const int Rate = 3;

    /// <summary>The domain tag: the UTF-8 bytes of "NexusZero.Inference.Weights.v1" as a big-endian integer (240 bits).</summary>
    public static FieldElement Tag { get; } = TagElement("NexusZero.Inference.Weights.v1");

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
        var elements = new List<FieldElement>();
        var packer = new NativePacker(elements);
        foreach (var layer in Affine(model))
        {
            foreach (var w in layer.Weights)
            {
                packer.Add(w, weightBits);
            }

            foreach (var b in layer.Bias)
            {
                packer.Add(b, biasBits);
            }
        }

        packer.Flush();
        var state = Poseidon.Hash(Tag, FieldElement.FromUInt64((ulong)Count(model)), WidthsElement(weightBits, biasBits), blinding);
        for (var i = 0; i < elements.Count; i += Rate)
        {
            state = Poseidon.Hash(state, At(elements, i), At(elements, i + 1), At(elements, i + 2));
        }

        return state;
    }

    /// <summary>
    /// A parameter in the circuit as the bits of its offset value, value + 2^(bits−1): boolean wires and nothing else, so
    /// every assignment is a value of the width and the packing needs no further range check. Returns the signed value
    /// as a combination of the bits, and the bits.
    /// </summary>
    public static (LinearCombination Value, Variable[] Bits) Parameter(CircuitBuilder builder, long value, int bits)
    {
        var wires = new Variable[bits];
        var sum = LinearCombination.Zero;
        for (var j = 0; j < bits; j++)
        {
            var position = j;

            // A shift and a mask, not a branch: the weights are the prover's secret.
            wires[j] = builder.Witness(() => FieldElement.FromUInt64(((ulong)(value + (1L << (bits - 1))) >> position) & 1));
            builder.AssertBoolean(wires[j], "weight bit");
            sum += wires[j] * FieldElement.PowerOfTwo(j);
        }

        return (sum - FieldElement.PowerOfTwo(bits - 1), wires);
    }

    /// <summary>
    /// The commitment in the circuit over the parameters' bits (in the commitment's order, from <see cref="Parameter"/>):
    /// returns the digest, which the caller constrains to the public commitment.
    /// </summary>
    public static LinearCombination Constrain(CircuitBuilder builder, QuantizedModel model, IReadOnlyList<Variable[]> parameters, Variable blinding)
    {
        var (weightBits, biasBits) = Widths(model);
        var elements = new List<LinearCombination>();
        var current = LinearCombination.Zero;
        var position = 0;
        foreach (var bits in parameters)
        {
            if (position + bits.Length > ElementBits)
            {
                elements.Add(current);
                current = LinearCombination.Zero;
                position = 0;
            }

            for (var j = 0; j < bits.Length; j++)
            {
                current += bits[j] * FieldElement.PowerOfTwo(position + j);
            }

            position += bits.Length;
        }

        elements.Add(current);
        var state = builder.Poseidon(LinearCombination.Constant(Tag), LinearCombination.Constant(FieldElement.FromUInt64((ulong)parameters.Count)), LinearCombination.Constant(WidthsElement(weightBits, biasBits)), blinding);
        for (var i = 0; i < elements.Count; i += Rate)
        {
            state = builder.Poseidon(state, At(elements, i), At(elements, i + 1), At(elements, i + 2));
        }

        return state;
    }

    /// <summary>Both widths in one element: weightBits + 256·biasBits.</summary>
    private static FieldElement WidthsElement(int weightBits, int biasBits) => FieldElement.FromUInt64((ulong)(weightBits + (256 * biasBits)));

    private static FieldElement At(List<FieldElement> elements, int i) => i < elements.Count ? elements[i] : FieldElement.Zero;

    private static LinearCombination At(List<LinearCombination> elements, int i) => i < elements.Count ? elements[i] : LinearCombination.Zero;

    private static FieldElement TagElement(string tag)
    {
        var bytes = Encoding.UTF8.GetBytes(tag);
        var padded = new byte[FieldElement.ByteLength];
        bytes.CopyTo(padded, padded.Length - bytes.Length);
        return FieldElement.FromBigEndian(padded);
    }

    /// <summary>Packs offset parameters into elements without a branch on their values (only on the public widths).</summary>
    private sealed class NativePacker(List<FieldElement> elements)
    {
        private FieldElement _current;
        private int _position;

        public void Add(long value, int bits)
        {
            if (_position + bits > ElementBits)
            {
                Flush();
            }

            // value + 2^(bits−1) lies in [0, 2^bits) by the choice of the width: an unsigned conversion, no sign branch.
            _current += FieldElement.FromUInt64((ulong)(value + (1L << (bits - 1)))) * FieldElement.PowerOfTwo(_position);
            _position += bits;
        }

        public void Flush()
        {
            elements.Add(_current);
            _current = FieldElement.Zero;
            _position = 0;
        }
    }
}
