namespace NexusZero.Circuits.Gadgets;

/// <summary>The bitwise operations and modular additions of the SHA-256 gadget, with constant bits folded.</summary>
internal sealed class Sha256Circuit(CircuitBuilder builder)
{
    public Sha256Word Xor(Sha256Word x, Sha256Word y) => Map(x, y, Xor);

    /// <summary>Ch(e, f, g) = (e ∧ f) ⊕ (¬e ∧ g) = g + e·(f − g).</summary>
    public Sha256Word Choose(Sha256Word e, Sha256Word f, Sha256Word g)
    {
        var bits = new Sha256Bit[32];
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
                bits[i] = Sha256Bit.Of(gi.Value + Multiply(ei, fi.Value - gi.Value));
            }
        }

        return new Sha256Word(bits);
    }

    /// <summary>Maj(a, b, c) = ab + c·(a ⊕ b): the two terms never both hold.</summary>
    public Sha256Word Majority(Sha256Word a, Sha256Word b, Sha256Word c)
    {
        var bits = new Sha256Bit[32];
        for (var i = 0; i < 32; i++)
        {
            var (ai, bi, ci) = (a[i], b[i], c[i]);
            if (ai.IsConstant && bi.IsConstant && ci.IsConstant)
            {
                bits[i] = Sha256Bit.Constant(ai.ConstantValue + bi.ConstantValue + ci.ConstantValue >= 2);
                continue;
            }

            var ab = And(ai, bi);
            var xor = Xor(ai, bi);
            bits[i] = Sha256Bit.Of(ab.Value + And(ci, xor).Value);
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
        var bits = new Sha256Bit[32];
        for (var i = 0; i < 32; i++)
        {
            bits[i] = Sha256Bit.Of(decomposed[i]);
        }

        return new Sha256Word(bits);
    }

    private static Sha256Word Map(Sha256Word x, Sha256Word y, Func<Sha256Bit, Sha256Bit, Sha256Bit> op)
    {
        var bits = new Sha256Bit[32];
        for (var i = 0; i < 32; i++)
        {
            bits[i] = op(x[i], y[i]);
        }

        return new Sha256Word(bits);
    }

    private Sha256Bit Xor(Sha256Bit a, Sha256Bit b)
    {
        if (a.IsConstant && b.IsConstant)
        {
            return Sha256Bit.Constant((a.ConstantValue ^ b.ConstantValue) == 1);
        }

        if (a.IsConstant || b.IsConstant)
        {
            var (constant, other) = a.IsConstant ? (a, b) : (b, a);
            return constant.ConstantValue == 0 ? other : Sha256Bit.Of(FieldElement.One - other.Value);
        }

        return Sha256Bit.Of(a.Value + b.Value - (FieldElement.FromUInt64(2) * builder.Multiply(a.Value, b.Value)));
    }

    private Sha256Bit And(Sha256Bit a, Sha256Bit b)
    {
        if (a.IsConstant)
        {
            return a.ConstantValue == 0 ? Sha256Bit.Zero : b;
        }

        if (b.IsConstant)
        {
            return b.ConstantValue == 0 ? Sha256Bit.Zero : a;
        }

        return Sha256Bit.Of(builder.Multiply(a.Value, b.Value));
    }

    /// <summary>bit · combination, folded when the bit is constant.</summary>
    private LinearCombination Multiply(Sha256Bit bit, LinearCombination value) =>
        bit.IsConstant ? (bit.ConstantValue == 0 ? LinearCombination.Zero : value) : builder.Multiply(bit.Value, value);
}
