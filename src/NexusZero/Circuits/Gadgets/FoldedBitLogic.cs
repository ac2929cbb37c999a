namespace NexusZero.Circuits.Gadgets;

/// <summary>
/// Boolean operations on <see cref="FoldedBit"/>s for the hash gadgets: an operation with a constant operand costs no
/// constraint (it becomes a copy, a negation 1 − b or a constant), so padding, initial states and round constants
/// are free. Every result is provably 0 or 1 when the operands are.
/// </summary>
internal sealed class FoldedBitLogic(CircuitBuilder builder)
{
    /// <summary>a ⊕ b = a + b − 2ab: one product unless an operand is constant.</summary>
    public FoldedBit Xor(FoldedBit a, FoldedBit b)
    {
        if (a.IsConstant && b.IsConstant)
        {
            return FoldedBit.Constant((a.ConstantValue ^ b.ConstantValue) == 1);
        }

        if (a.IsConstant || b.IsConstant)
        {
            var (constant, other) = a.IsConstant ? (a, b) : (b, a);
            return constant.ConstantValue == 0 ? other : Not(other);
        }

        return FoldedBit.Of(a.Value + b.Value - (FieldElement.FromUInt64(2) * builder.Multiply(a.Value, b.Value)));
    }

    /// <summary>
    /// a ⊕ b as a fresh wire w with the one constraint 2a · b = a + b − w, so w is a single term however long a's and
    /// b's combinations are. <see cref="Xor"/> returns a + b − 2ab itself, a combination one term longer than both
    /// operands together: fine where results are soon decomposed (SHA-256's additions), but in Keccak, where XORs feed
    /// XORs for 24 rounds, the combinations would grow by some 6 terms a round and every later constraint with them.
    /// </summary>
    public FoldedBit XorToWire(FoldedBit a, FoldedBit b)
    {
        if (a.IsConstant || b.IsConstant)
        {
            return Xor(a, b);
        }

        var (left, right) = (a.Value, b.Value);
        var wire = builder.Witness(() =>
        {
            var (x, y) = (builder.ValueOf(left), builder.ValueOf(right));
            return x + y - (FieldElement.FromUInt64(2) * x * y);
        });
        builder.Constrain(FieldElement.FromUInt64(2) * left, right, left + right - wire, "xor");
        return FoldedBit.Of(wire);
    }

    /// <summary>
    /// The parity of many bits. Three or more variable bits are summed and the sum decomposed into
    /// ⌈log₂(k + 1)⌉ boolean bits, whose lowest is the parity: ⌈log₂(k + 1)⌉ + 1 constraints, against k − 1 products
    /// for a chain of two-input XORs (4 against 4 at k = 5, 5 against 9 at k = 10).
    /// </summary>
    public FoldedBit XorMany(ReadOnlySpan<FoldedBit> bits)
    {
        var constantParity = 0;
        var variableCount = 0;
        FoldedBit first = default, second = default;
        var sum = LinearCombination.Zero;
        foreach (var bit in bits)
        {
            if (bit.IsConstant)
            {
                constantParity ^= bit.ConstantValue;
                continue;
            }

            if (variableCount == 0)
            {
                first = bit;
            }
            else if (variableCount == 1)
            {
                second = bit;
            }

            variableCount++;
            sum += bit.Value;
        }

        var parity = variableCount switch
        {
            0 => FoldedBit.Zero,
            1 => first,
            2 => XorToWire(first, second),
            _ => FoldedBit.Of(builder.ToBits(sum, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)variableCount))[0]),
        };
        return constantParity == 0 ? parity : Xor(parity, FoldedBit.One);
    }

    /// <summary>a ∧ b: one product unless an operand is constant.</summary>
    public FoldedBit And(FoldedBit a, FoldedBit b)
    {
        if (a.IsConstant)
        {
            return a.ConstantValue == 0 ? FoldedBit.Zero : b;
        }

        if (b.IsConstant)
        {
            return b.ConstantValue == 0 ? FoldedBit.Zero : a;
        }

        return FoldedBit.Of(builder.Multiply(a.Value, b.Value));
    }

    /// <summary>¬a ∧ b = b − ab: one product unless an operand is constant.</summary>
    public FoldedBit AndNot(FoldedBit a, FoldedBit b) => And(Not(a), b);

    /// <summary>¬a = 1 − a: free.</summary>
    public static FoldedBit Not(FoldedBit a) =>
        a.IsConstant ? FoldedBit.Constant(a.ConstantValue == 0) : FoldedBit.Of(FieldElement.One - a.Value);

    /// <summary>bit · combination, folded when the bit is constant.</summary>
    public LinearCombination Multiply(FoldedBit bit, LinearCombination value) =>
        bit.IsConstant ? (bit.ConstantValue == 0 ? LinearCombination.Zero : value) : builder.Multiply(bit.Value, value);
}
