namespace NexusZero.Circuits;

/// <summary>The outcome of <see cref="ConstraintSystem.IsSatisfied(ReadOnlySpan{FieldElement})"/>.</summary>
public sealed record SatisfactionResult
{
    private SatisfactionResult(bool isSatisfied, int? failingConstraintIndex, string? failingConstraintName, string? reason)
    {
        IsSatisfied = isSatisfied;
        FailingConstraintIndex = failingConstraintIndex;
        FailingConstraintName = failingConstraintName;
        Reason = reason;
    }

    /// <summary>True when every constraint holds and the witness starts with one.</summary>
    public bool IsSatisfied { get; }

    /// <summary>The index of the first constraint that fails, if one does.</summary>
    public int? FailingConstraintIndex { get; }

    /// <summary>The name of that constraint, when it has one.</summary>
    public string? FailingConstraintName { get; }

    /// <summary>Why the witness fails, in words; null when satisfied.</summary>
    public string? Reason { get; }

    internal static SatisfactionResult Satisfied { get; } = new(true, null, null, null);

    internal static SatisfactionResult WrongConstant() => new(false, null, null, "Witness value 0 must be the constant one.");

    internal static SatisfactionResult Failed(int index, string? name) =>
        new(false, index, name, name is null ? $"Constraint {index} does not hold." : $"Constraint {index} ('{name}') does not hold.");
}
