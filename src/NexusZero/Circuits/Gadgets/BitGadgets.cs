namespace NexusZero.Circuits.Gadgets;

/// <summary>Bit decomposition and range checks.</summary>
/// <remarks>
/// Widths stop at 253 bits: below 2^253 &lt; r every value has one decomposition, so the bits are unique;
/// at 254 bits a value and value + r could both decompose (circomlib needs a separate strict gadget there).
/// </remarks>
public static class BitGadgets
{
    /// <summary>The widest decomposition these gadgets allow.</summary>
    public const int MaxBits = 253;

    /// <summary>Decomposes x into <paramref name="bitCount"/> bits, little-endian: each bit boolean and Σ 2^i·bᵢ = x.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="x">The value; the constraints fail unless 0 ≤ x &lt; 2^bitCount.</param>
    /// <param name="bitCount">1 … <see cref="MaxBits"/>.</param>
    /// <returns>The bits, least significant first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The width is outside 1 … 253.</exception>
    public static Variable[] ToBits(this CircuitBuilder builder, LinearCombination x, int bitCount)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(bitCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitCount, MaxBits);
        var canonical = builder.ComputesWitness ? builder.ValueOf(x).Canonical : default;
        var bits = new Variable[bitCount];
        var sum = LinearCombination.Zero;
        for (var i = 0; i < bitCount; i++)
        {
            var position = i;
            bits[i] = builder.Witness(() => FieldElement.FromUInt64(LimbBits.Bit(canonical, position)));
            builder.AssertBoolean(bits[i], $"bit {i}");
            sum += bits[i] * FieldElement.PowerOfTwo(i);
        }

        builder.AssertEqual(sum, x, $"{bitCount}-bit decomposition");
        return bits;
    }

    /// <summary>Σ 2^i·bᵢ for little-endian bits (no constraint; the bits must already be boolean).</summary>
    /// <param name="bits">At most 253 bits, least significant first.</param>
    /// <returns>The packed value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">More than 253 bits.</exception>
    public static LinearCombination FromBits(ReadOnlySpan<Variable> bits)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits.Length, MaxBits);
        var sum = LinearCombination.Zero;
        for (var i = 0; i < bits.Length; i++)
        {
            sum += bits[i] * FieldElement.PowerOfTwo(i);
        }

        return sum;
    }

    /// <summary>Constrains 0 ≤ x &lt; 2^bitCount (bitCount + 1 constraints).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="x">The value.</param>
    /// <param name="bitCount">1 … <see cref="MaxBits"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The width is outside 1 … 253.</exception>
    public static void AssertRange(this CircuitBuilder builder, LinearCombination x, int bitCount) => _ = builder.ToBits(x, bitCount);
}
