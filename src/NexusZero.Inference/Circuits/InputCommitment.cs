using NexusZero.Circuits;
using NexusZero.Inference.Quantization;

namespace NexusZero.Inference.Circuits;

/// <summary>
/// The hiding Poseidon commitment to a quantized input (docs/formats.md, "Committed-input commitment"): the same
/// blinded chain as the private weights (<see cref="BlindedPoseidonChain"/>) over the n inputs, each of the model's
/// input width b (QuantizationOptions.InputBits), with its own tag, s₀ = Poseidon(tag, n, b, blinding).
/// </summary>
internal static class InputCommitment
{
    /// <summary>The domain tag: the UTF-8 bytes of "NexusZero.Inference.Input.v1" as a big-endian integer (224 bits).</summary>
    public static FieldElement Tag { get; } = BlindedPoseidonChain.TagElement("NexusZero.Inference.Input.v1");

    /// <summary>The commitment, computed natively. The input must already lie in the model's input range (QuantizeInput checks it).</summary>
    public static FieldElement Compute(QuantizedModel model, IReadOnlyList<long> input, FieldElement blinding)
    {
        if (input.Count != model.Source.InputSize)
        {
            throw new ArgumentException($"The model takes {model.Source.InputSize} inputs, not {input.Count}.", nameof(input));
        }

        var bits = model.Options.InputBits;
        return BlindedPoseidonChain.Compute(Tag, input.Count, FieldElement.FromUInt64((ulong)bits), blinding, input.Select(x => (x, bits)));
    }

    /// <summary>
    /// The inputs in the circuit as witnesses of exactly the input width (their bits, which is the range check the
    /// layers rely on), committed with <paramref name="blinding"/>; returns the inputs and the digest the caller
    /// constrains to the public commitment. <paramref name="input"/> is read only when the builder computes a witness.
    /// </summary>
    public static (LinearCombination[] Values, LinearCombination Digest) Constrain(CircuitBuilder builder, QuantizedModel model, Func<IReadOnlyList<long>> input, Variable blinding)
    {
        var bits = model.Options.InputBits;
        var values = new LinearCombination[model.Source.InputSize];
        var wires = new Variable[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            var index = i;
            (values[i], wires[i]) = BlindedPoseidonChain.Bits(builder, () => input()[index], bits, "input bit");
        }

        var digest = BlindedPoseidonChain.Constrain(builder, Tag, values.Length, FieldElement.FromUInt64((ulong)bits), wires, blinding);
        return (values, digest);
    }
}
