namespace NexusZero.Circuits.Gadgets;

/// <summary>The rectifier max(x, 0) on signed values.</summary>
public static class ReluGadget
{
    /// <summary>
    /// max(x, 0) for a signed x in [−2^(n−1), 2^(n−1)): the top bit of x + 2^(n−1) (an n-bit decomposition,
    /// which also range-checks x) is 1 exactly when x ≥ 0, and the result is that bit times x.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="x">The signed value.</param>
    /// <param name="bitCount">n: 2 … <see cref="BitGadgets.MaxBits"/>.</param>
    /// <returns>The rectified value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The width is out of range.</exception>
    public static Variable Relu(this CircuitBuilder builder, LinearCombination x, int bitCount)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(bitCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitCount, BitGadgets.MaxBits);
        var bits = builder.ToBits(x + FieldElement.PowerOfTwo(bitCount - 1), bitCount);
        return builder.Multiply(bits[bitCount - 1], x, "relu");
    }
}
