namespace NexusZero.Inference.Quantization;

/// <summary>Signed widths of bounded integers, and the refusal when a bound leaves the supported range.</summary>
internal static class ValueBounds
{
    /// <summary>
    /// The widest signed value a quantized model may hold (62 bits): evaluation uses 64-bit integers, and every
    /// range check stays far below BN254's 253-bit safe width, so nothing can wrap around the field.
    /// </summary>
    public const int MaxBits = 62;

    /// <summary>The signed width n with [−bound, bound] ⊂ [−2^(n−1), 2^(n−1)).</summary>
    public static int Bits(Int128 bound) => (int)(128 - Int128.LeadingZeroCount(bound)) + 1;

    public static long Checked(Int128 bound, string layer, string what)
    {
        if (bound < 0 || Bits(bound) > MaxBits)
        {
            throw new ArgumentException($"Layer '{layer}': {what} could reach {bound} (below 2^{Bits(bound) - 1}), which needs more than {MaxBits} bits; the quantized model could wrap around. Lower the scales or the input range (QuantizationOptions), or rescale the model.");
        }

        return (long)bound;
    }
}
