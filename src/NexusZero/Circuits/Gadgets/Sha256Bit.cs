namespace NexusZero.Circuits.Gadgets;

/// <summary>One bit inside the SHA-256 gadget: a known constant (folded away) or a combination that is 0 or 1.</summary>
internal readonly struct Sha256Bit
{
    private Sha256Bit(LinearCombination value, int constant)
    {
        Value = value;
        ConstantValue = constant;
    }

    public static Sha256Bit Zero => new(LinearCombination.Zero, 0);

    public static Sha256Bit One => new(LinearCombination.Constant(FieldElement.One), 1);

    /// <summary>The bit as a combination (constants included).</summary>
    public LinearCombination Value { get; }

    /// <summary>0 or 1 for a constant bit, −1 for a bit that depends on the witness.</summary>
    public int ConstantValue { get; }

    public bool IsConstant => ConstantValue >= 0;

    public static Sha256Bit Of(LinearCombination value) => new(value, -1);

    public static Sha256Bit Constant(bool bit) => bit ? One : Zero;
}
