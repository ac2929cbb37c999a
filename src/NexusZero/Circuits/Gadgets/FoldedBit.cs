namespace NexusZero.Circuits.Gadgets;

/// <summary>One bit inside the hash gadgets: a known constant (folded away) or a combination that is 0 or 1.</summary>
internal readonly struct FoldedBit
{
    private FoldedBit(LinearCombination value, int constant)
    {
        Value = value;
        ConstantValue = constant;
    }

    public static FoldedBit Zero => new(LinearCombination.Zero, 0);

    public static FoldedBit One => new(LinearCombination.Constant(FieldElement.One), 1);

    /// <summary>The bit as a combination (constants included).</summary>
    public LinearCombination Value { get; }

    /// <summary>0 or 1 for a constant bit, −1 for a bit that depends on the witness.</summary>
    public int ConstantValue { get; }

    public bool IsConstant => ConstantValue >= 0;

    public static FoldedBit Of(LinearCombination value) => new(value, -1);

    public static FoldedBit Constant(bool bit) => bit ? One : Zero;
}
