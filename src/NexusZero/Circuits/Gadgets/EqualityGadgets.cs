namespace NexusZero.Circuits.Gadgets;

/// <summary>Zero tests and (in)equality, with the inverse as a hint (circomlib's IsZero).</summary>
public static class EqualityGadgets
{
    /// <summary>
    /// 1 when x = 0, else 0. With hint inv = x⁻¹ (or 0): x · inv = 1 − out and x · out = 0. If x ≠ 0 the second
    /// forces out = 0 and the first needs the true inverse; if x = 0 the first forces out = 1.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="x">The value.</param>
    /// <returns>The zero-test bit.</returns>
    public static Variable IsZero(this CircuitBuilder builder, LinearCombination x)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var inverse = builder.Witness(() => builder.ValueOf(x).InverseOrZero());
        var result = builder.Witness(() => FieldElement.One - (builder.ValueOf(x) * builder.ValueOf(inverse)));
        builder.Constrain(x, inverse, FieldElement.One - (LinearCombination)result, "is-zero inverse");
        builder.Constrain(x, result, LinearCombination.Zero, "is-zero output");
        return result;
    }

    /// <summary>1 when a = b, else 0.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>The equality bit.</returns>
    public static Variable IsEqual(this CircuitBuilder builder, LinearCombination a, LinearCombination b) => builder.IsZero(a - b);

    /// <summary>Constrains a ≠ b: (a − b) · inv = 1 has a solution only when a − b is invertible.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    public static void AssertNotEqual(this CircuitBuilder builder, LinearCombination a, LinearCombination b)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var difference = a - b;
        var inverse = builder.Witness(() => builder.ValueOf(difference).InverseOrZero());
        builder.Constrain(difference, inverse, CircuitBuilder.One, "not equal");
    }
}
