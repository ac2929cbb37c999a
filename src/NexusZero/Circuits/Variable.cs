namespace NexusZero.Circuits;

/// <summary>
/// A variable allocated by a <see cref="CircuitBuilder"/>; its value, when the builder computes a
/// witness, is read with <see cref="CircuitBuilder.ValueOf(LinearCombination)"/>. Combine variables with
/// the operators here and on <see cref="LinearCombination"/>; only combinations from the same builder mix.
/// </summary>
public readonly struct Variable : IEquatable<Variable>
{
    internal Variable(int index) => Index = index;

    /// <summary>The builder's index of the variable (0 is the constant one); <see cref="BuiltCircuit.WireIndex"/> gives its final wire.</summary>
    public int Index { get; }

    /// <summary>Sum.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a + b.</returns>
    public static LinearCombination operator +(Variable a, Variable b) => (LinearCombination)a + b;

    /// <summary>Difference.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a − b.</returns>
    public static LinearCombination operator -(Variable a, Variable b) => (LinearCombination)a - b;

    /// <summary>Negation.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>−a.</returns>
    public static LinearCombination operator -(Variable a) => -(LinearCombination)a;

    /// <summary>Scales by a constant.</summary>
    /// <param name="a">The variable.</param>
    /// <param name="scalar">The constant.</param>
    /// <returns>scalar · a.</returns>
    public static LinearCombination operator *(Variable a, FieldElement scalar) => (LinearCombination)a * scalar;

    /// <summary>Scales by a constant.</summary>
    /// <param name="scalar">The constant.</param>
    /// <param name="a">The variable.</param>
    /// <returns>scalar · a.</returns>
    public static LinearCombination operator *(FieldElement scalar, Variable a) => (LinearCombination)a * scalar;

    /// <summary>Adds a constant.</summary>
    /// <param name="a">The variable.</param>
    /// <param name="constant">The constant.</param>
    /// <returns>a + constant.</returns>
    public static LinearCombination operator +(Variable a, FieldElement constant) => (LinearCombination)a + constant;

    /// <summary>Subtracts a constant.</summary>
    /// <param name="a">The variable.</param>
    /// <param name="constant">The constant.</param>
    /// <returns>a − constant.</returns>
    public static LinearCombination operator -(Variable a, FieldElement constant) => (LinearCombination)a - constant;

    /// <summary>A constant minus a variable.</summary>
    /// <param name="constant">The constant.</param>
    /// <param name="a">The variable.</param>
    /// <returns>constant − a.</returns>
    public static LinearCombination operator -(FieldElement constant, Variable a) => constant - (LinearCombination)a;

    /// <summary>Equality of indices.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>True when the same variable.</returns>
    public static bool operator ==(Variable a, Variable b) => a.Equals(b);

    /// <summary>Inequality of indices.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>True when different variables.</returns>
    public static bool operator !=(Variable a, Variable b) => !a.Equals(b);

    /// <inheritdoc />
    public bool Equals(Variable other) => Index == other.Index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Variable other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Index;

    /// <inheritdoc />
    public override string ToString() => $"x{Index}";
}
