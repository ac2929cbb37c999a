namespace NexusZero.Circuits.Gadgets;

/// <summary>The bitwise operations and modular additions of the SHA-256 gadget, with constant bits folded.</summary>
internal sealed class Sha256Circuit(CircuitBuilder builder)
{
    private readonly FoldedBitLogic _logic = new(builder);

    public Sha256Word Xor(Sha256Word x, Sha256Word y) => Map(x, y, _logic.Xor);

    /// <summary>Ch(e, f, g) = (e ∧ f) ⊕ (¬e ∧ g) = g + e·(f − g).</summary>
    public Sha256Word Choose(Sha256Word e, Sha256Word f, Sha256Word g)
    {
        var bits = new FoldedBit[32];
        for (var i = 0; i < 32; i++)
        {
            var (ei, fi, gi) = (e[i], f[i], g[i]);
            if (ei.IsConstant)
            {
                bits[i] = ei.ConstantValue == 1 ? fi : gi;
            }
            else if (fi.IsConstant && gi.IsConstant && fi.ConstantValue == gi.ConstantValue)
            {
                bits[i] = fi;
            }
            else
            {
                bits[i] = FoldedBit.Of(gi.Value + _logic.Multiply(ei, fi.Value - gi.Value));
            }
        }

        return new Sha256Word(bits);
    }

    /// <summary>Maj(a, b, c) = ab + c·(a ⊕ b): the two terms never both hold.</summary>
    public Sha256Word Majority(Sha256Word a, Sha256Word b, Sha256Word c)
    {
        var bits = new FoldedBit[32];
        for (var i = 0; i < 32; i++)
        {
            var (ai, bi, ci) = (a[i], b[i], c[i]);
            if (ai.IsConstant && bi.IsConstant && ci.IsConstant)
            {
                bits[i] = FoldedBit.Constant(ai.ConstantValue + bi.ConstantValue + ci.ConstantValue >= 2);
                continue;
            }

            var ab = _logic.And(ai, bi);
            var xor = _logic.Xor(ai, bi);
            bits[i] = FoldedBit.Of(ab.Value + _logic.And(ci, xor).Value);
        }

        return new Sha256Word(bits);
    }

    /// <summary>(Σ words + constant) mod 2^32: one linear sum, one decomposition into 32 + ⌈log₂ k⌉ bits.</summary>
    public Sha256Word Add(Sha256Word[] words, uint constant)
    {
        ulong constantSum = constant;
        var sum = LinearCombination.Zero;
        var variableWords = 0;
        foreach (var word in words)
        {
            if (word.IsConstant)
            {
                constantSum += word.ConstantValue;
                continue;
            }

            variableWords++;
            for (var i = 0; i < 32; i++)
            {
                sum += word[i].Value * FieldElement.PowerOfTwo(i);
            }
        }

        if (variableWords == 0)
        {
            return Sha256Word.Constant((uint)constantSum);
        }

        sum += FieldElement.FromUInt64(constantSum);

        // Bound of the sum: variableWords · (2^32 − 1) + constantSum.
        var bound = ((ulong)variableWords * uint.MaxValue) + constantSum;
        var width = 64 - System.Numerics.BitOperations.LeadingZeroCount(bound);
        var decomposed = builder.ToBits(sum, width);
        var bits = new FoldedBit[32];
        for (var i = 0; i < 32; i++)
        {
            bits[i] = FoldedBit.Of(decomposed[i]);
        }

        return new Sha256Word(bits);
    }

    private static Sha256Word Map(Sha256Word x, Sha256Word y, Func<FoldedBit, FoldedBit, FoldedBit> op)
    {
        var bits = new FoldedBit[32];
        for (var i = 0; i < 32; i++)
        {
            bits[i] = op(x[i], y[i]);
        }

        return new Sha256Word(bits);
    }
}
