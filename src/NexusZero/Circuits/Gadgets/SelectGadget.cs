namespace NexusZero.Circuits.Gadgets;

/// <summary>Conditional selection.</summary>
public static class SelectGadget
{
    /// <summary>
    /// whenTrue if condition = 1, whenFalse if condition = 0, by one constraint
    /// condition · (whenTrue − whenFalse) = out − whenFalse. The condition is constrained boolean here.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="condition">A bit.</param>
    /// <param name="whenTrue">Chosen when the bit is 1.</param>
    /// <param name="whenFalse">Chosen when the bit is 0.</param>
    /// <returns>The selected value.</returns>
    public static Variable Select(this CircuitBuilder builder, LinearCombination condition, LinearCombination whenTrue, LinearCombination whenFalse)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AssertBoolean(condition, "select condition");
        var result = builder.Witness(() =>
        {
            var c = builder.ValueOf(condition);
            return (c * (builder.ValueOf(whenTrue) - builder.ValueOf(whenFalse))) + builder.ValueOf(whenFalse);
        });
        builder.Constrain(condition, whenTrue - whenFalse, result - whenFalse, "select");
        return result;
    }
}
