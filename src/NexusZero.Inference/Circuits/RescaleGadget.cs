using NexusZero.Circuits;
using NexusZero.Circuits.Gadgets;

namespace NexusZero.Inference.Circuits;

/// <summary>
/// ⌊acc / 2^shift⌋ for a signed acc known to lie in [−2^(n−1), 2^(n−1)): acc = q·2^shift + rem with rem
/// range-checked to shift bits and q + 2^(n−shift−1) to n − shift bits. Those ranges tile [−2^(n−1), 2^(n−1))
/// exactly once, and n ≤ 62 is far below the field's 253 safe bits, so q is the only value that satisfies them.
/// Cost: n + 3 constraints. (FixedPointGadgets.FixedPointMultiply multiplies first; the weights here are
/// constants, so the products are free and only the sum is rescaled.)
/// </summary>
internal static class RescaleGadget
{
    public static Variable Rescale(this CircuitBuilder builder, LinearCombination acc, int shift, int accumulatorBits, Func<FieldElement> quotient)
    {
        var scale = FieldElement.PowerOfTwo(shift);
        var q = builder.Witness(quotient);
        var remainder = builder.Witness(() => builder.ValueOf(acc) - (builder.ValueOf(q) * scale));
        builder.AssertRange(remainder, shift);
        builder.AssertRange(q + FieldElement.PowerOfTwo(accumulatorBits - shift - 1), accumulatorBits - shift);
        builder.AssertEqual((q * scale) + remainder, acc, "rescale");
        return q;
    }
}
