namespace NexusZero.Circuits.Gadgets;

/// <summary>
/// Signed fixed-point arithmetic: a real v is the field element round(v·2^f), negatives as r − |x|.
/// A value of <c>valueBits</c> bits lies in [−2^(valueBits−1), 2^(valueBits−1)).
/// </summary>
public static class FixedPointGadgets
{
    /// <summary>The widest operands <see cref="FixedPointMultiply"/> accepts: the shifted product needs 2·valueBits − 1 ≤ 253 bits.</summary>
    public const int MaxValueBits = 127;

    /// <summary>
    /// ⌊a·b / 2^fractionBits⌋ (rounding toward −∞, an arithmetic shift) for signed operands of
    /// <paramref name="valueBits"/> bits. With P = 2·valueBits − 2 the shifted product s = a·b + 2^P lies in
    /// [0, 2^(P+1)); it is split as s = q·2^f + rem with rem range-checked to f bits and q to P + 1 − f bits,
    /// and the result is q − 2^(P−f). The result is therefore ⌊c / 2^f⌋ for c the field product read as a
    /// signed integer; a product outside [−2^P, 2^P) (operands out of range) leaves no satisfying witness,
    /// never a wrong result.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="a">Left operand, signed, <paramref name="valueBits"/> bits.</param>
    /// <param name="b">Right operand, signed, <paramref name="valueBits"/> bits.</param>
    /// <param name="fractionBits">f: 1 … 2·valueBits − 2.</param>
    /// <param name="valueBits">2 … <see cref="MaxValueBits"/>.</param>
    /// <returns>The rescaled product (its magnitude is below 2^(P+1−f)).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A width is out of range.</exception>
    public static LinearCombination FixedPointMultiply(this CircuitBuilder builder, LinearCombination a, LinearCombination b, int fractionBits, int valueBits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(valueBits, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(valueBits, MaxValueBits);
        var productBits = (2 * valueBits) - 2;
        ArgumentOutOfRangeException.ThrowIfLessThan(fractionBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fractionBits, productBits);

        var product = builder.Multiply(a, b, "fixed-point product");
        var shifted = product + FieldElement.PowerOfTwo(productBits);
        var canonical = builder.ComputesWitness ? builder.ValueOf(shifted).Canonical : default;
        var quotient = builder.Witness(() => FieldElement.FromCanonicalLimbs(LimbBits.ShiftRight(canonical, fractionBits)));
        var remainder = builder.Witness(() => FieldElement.FromCanonicalLimbs(LimbBits.LowBits(canonical, fractionBits)));
        builder.AssertRange(remainder, fractionBits);
        builder.AssertRange(quotient, productBits + 1 - fractionBits);
        builder.AssertEqual((quotient * FieldElement.PowerOfTwo(fractionBits)) + remainder, shifted, "fixed-point rescale");
        return quotient - FieldElement.PowerOfTwo(productBits - fractionBits);
    }
}
