namespace NexusZero.Circuits.Gadgets;

/// <summary>Boolean constraints and logic on variables already known to be 0 or 1.</summary>
public static class BooleanGadgets
{
    /// <summary>Constrains x ∈ {0, 1} by x · (x − 1) = 0.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="x">The value.</param>
    /// <param name="name">An optional constraint name.</param>
    public static void AssertBoolean(this CircuitBuilder builder, LinearCombination x, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Constrain(x, x - FieldElement.One, LinearCombination.Zero, name ?? "boolean");
    }

    /// <summary>A private boolean witness, constrained to 0 or 1.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hint">Computes the bit (not called in setup mode).</param>
    /// <returns>The bit variable.</returns>
    public static Variable BooleanWitness(this CircuitBuilder builder, Func<bool> hint)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(hint);
        var bit = builder.Witness(() => hint() ? FieldElement.One : FieldElement.Zero);
        builder.AssertBoolean(bit);
        return bit;
    }

    /// <summary>a ∧ b for bits a, b (one constraint: a · b).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="a">A bit.</param>
    /// <param name="b">A bit.</param>
    /// <returns>The conjunction.</returns>
    public static Variable And(this CircuitBuilder builder, LinearCombination a, LinearCombination b)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Multiply(a, b, "and");
    }

    /// <summary>a ∨ b = a + b − a·b for bits a, b.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="a">A bit.</param>
    /// <param name="b">A bit.</param>
    /// <returns>The disjunction as a combination.</returns>
    public static LinearCombination Or(this CircuitBuilder builder, LinearCombination a, LinearCombination b)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return a + b - builder.Multiply(a, b, "or");
    }

    /// <summary>¬a = 1 − a for a bit a (no constraint).</summary>
    /// <param name="a">A bit.</param>
    /// <returns>The negation.</returns>
    public static LinearCombination Not(LinearCombination a) => FieldElement.One - a;
}
