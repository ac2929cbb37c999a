namespace NexusZero.Circuits.Gadgets;

/// <summary>Comparisons of bounded non-negative integers.</summary>
public static class ComparisonGadgets
{
    /// <summary>The widest operands <see cref="LessThan"/> accepts (it decomposes n + 1 bits).</summary>
    public const int MaxBits = BitGadgets.MaxBits - 1;

    /// <summary>
    /// 1 when a &lt; b, else 0, for a and b in [0, 2^bitCount): the bits of a + 2^n − b, whose top bit is set
    /// exactly when a ≥ b (circomlib's LessThan). The operands must already be range-checked to n bits;
    /// otherwise the result means nothing.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="a">Left operand, range-checked to n bits.</param>
    /// <param name="b">Right operand, range-checked to n bits.</param>
    /// <param name="bitCount">1 … <see cref="MaxBits"/>.</param>
    /// <returns>The comparison bit as a combination.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The width is outside 1 … 252.</exception>
    public static LinearCombination LessThan(this CircuitBuilder builder, LinearCombination a, LinearCombination b, int bitCount)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(bitCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitCount, MaxBits);
        var bits = builder.ToBits(a + FieldElement.PowerOfTwo(bitCount) - b, bitCount + 1);
        return FieldElement.One - (LinearCombination)bits[bitCount];
    }

    /// <summary>Constrains a &lt; b for operands range-checked to <paramref name="bitCount"/> bits.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <param name="bitCount">1 … <see cref="MaxBits"/>.</param>
    public static void AssertLessThan(this CircuitBuilder builder, LinearCombination a, LinearCombination b, int bitCount) =>
        builder.AssertEqual(builder.LessThan(a, b, bitCount), CircuitBuilder.One, "less than");
}
