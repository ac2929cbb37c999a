namespace NexusZero.Circuits;

/// <summary>One term coefficient · variable of a <see cref="LinearCombination"/>.</summary>
/// <param name="VariableIndex">The variable's index (0 is the constant one).</param>
/// <param name="Coefficient">The coefficient, never zero inside a linear combination.</param>
public readonly record struct Term(int VariableIndex, FieldElement Coefficient);
