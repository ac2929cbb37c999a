using System.Text;
using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;

namespace NexusZero.Inference.Circuits;

/// <summary>
/// The blinded Poseidon commitment both private modes share (docs/formats.md, "Private-weights commitment" and
/// "Committed-input commitment"): signed values of public widths, each offset to v + 2^(b−1) &lt; 2^b and packed, least
/// significant first, into field elements of at most 252 bits; then s₀ = Poseidon(tag, count, widths, blinding) and
/// s = Poseidon(s, e₀, e₁, e₂) per three elements (zeros pad the last). The same code path natively and in the circuit,
/// so the two cannot drift apart; only the tag, the count and the widths element differ between users.
/// </summary>
internal static class BlindedPoseidonChain
{
    /// <summary>The widest packed element: below 2^252 &lt; r, so packing never wraps.</summary>
    public const int ElementBits = 252;

    /// <summary>Elements absorbed per Poseidon call after the first (Poseidon takes four inputs; the state is the fourth).</summary>
    private const int Rate = 3;

    /// <summary>A domain tag: the UTF-8 bytes of <paramref name="tag"/> as a big-endian integer (at most 31 bytes, so below r).</summary>
    public static FieldElement TagElement(string tag)
    {
        var bytes = Encoding.UTF8.GetBytes(tag);
        var padded = new byte[FieldElement.ByteLength];
        bytes.CopyTo(padded, padded.Length - bytes.Length);
        return FieldElement.FromBigEndian(padded);
    }

    /// <summary>The commitment computed natively over (value, width) pairs, in order.</summary>
    public static FieldElement Compute(FieldElement tag, int count, FieldElement widths, FieldElement blinding, IEnumerable<(long Value, int Bits)> values)
    {
        var elements = new List<FieldElement>();
        var packer = new NativePacker(elements);
        foreach (var (value, bits) in values)
        {
            packer.Add(value, bits);
        }

        packer.Flush();
        var state = Poseidon.Hash(tag, FieldElement.FromUInt64((ulong)count), widths, blinding);
        for (var i = 0; i < elements.Count; i += Rate)
        {
            state = Poseidon.Hash(state, At(elements, i), At(elements, i + 1), At(elements, i + 2));
        }

        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(elements).Clear();
        return state;
    }

    /// <summary>
    /// A secret value in the circuit as the bits of its offset value, value + 2^(bits−1): boolean wires and nothing else, so
    /// every assignment is a value of the width and the packing needs no further range check. <paramref name="value"/> is
    /// read only when the builder computes a witness. Returns the signed value as a combination of the bits, and the bits.
    /// </summary>
    public static (LinearCombination Value, Variable[] Bits) Bits(CircuitBuilder builder, Func<long> value, int bits, string name)
    {
        var wires = new Variable[bits];
        var sum = LinearCombination.Zero;
        for (var j = 0; j < bits; j++)
        {
            var position = j;

            // A shift and a mask, not a branch: the value is the prover's secret.
            wires[j] = builder.Witness(() => FieldElement.FromUInt64(((ulong)(value() + (1L << (bits - 1))) >> position) & 1));
            builder.AssertBoolean(wires[j], name);
            sum += wires[j] * FieldElement.PowerOfTwo(j);
        }

        return (sum - FieldElement.PowerOfTwo(bits - 1), wires);
    }

    /// <summary>The commitment in the circuit over the values' bits (from <see cref="Bits"/>, in order); the caller constrains the digest.</summary>
    public static LinearCombination Constrain(CircuitBuilder builder, FieldElement tag, int count, FieldElement widths, IReadOnlyList<Variable[]> values, Variable blinding)
    {
        var elements = new List<LinearCombination>();
        var current = LinearCombination.Zero;
        var position = 0;
        foreach (var bits in values)
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
        var state = builder.Poseidon(LinearCombination.Constant(tag), LinearCombination.Constant(FieldElement.FromUInt64((ulong)count)), LinearCombination.Constant(widths), blinding);
        for (var i = 0; i < elements.Count; i += Rate)
        {
            state = builder.Poseidon(state, At(elements, i), At(elements, i + 1), At(elements, i + 2));
        }

        return state;
    }

    private static FieldElement At(List<FieldElement> elements, int i) => i < elements.Count ? elements[i] : FieldElement.Zero;

    private static LinearCombination At(List<LinearCombination> elements, int i) => i < elements.Count ? elements[i] : LinearCombination.Zero;

    /// <summary>Packs offset values into elements without a branch on their values (only on the public widths).</summary>
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
