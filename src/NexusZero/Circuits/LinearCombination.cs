namespace NexusZero.Circuits;

/// <summary>
/// A sparse linear combination Σ cᵢ·xᵢ over circuit variables, immutable and canonical: terms sorted by
/// variable index, each index once, no zero coefficients. Variable 0 is the constant one, so a constant
/// c is the single term c·x₀. The default value is the zero combination.
/// </summary>
/// <remarks>
/// Inside a <see cref="CircuitBuilder"/> the indices are the builder's own; in a
/// <see cref="ConstraintSystem"/> they are wire indices (one, public outputs, public inputs, private).
/// </remarks>
public readonly struct LinearCombination
{
    private readonly Term[]? terms;

    private LinearCombination(Term[] terms) => this.terms = terms;

    /// <summary>The zero combination.</summary>
    public static LinearCombination Zero => default;

    /// <summary>The terms in ascending variable order.</summary>
    public ReadOnlySpan<Term> Terms => terms;

    /// <summary>The number of non-zero terms.</summary>
    public int TermCount => terms?.Length ?? 0;

    /// <summary>The largest variable index used, or −1 for the zero combination.</summary>
    public int MaxVariableIndex => TermCount == 0 ? -1 : terms![^1].VariableIndex;

    /// <summary>The constant <paramref name="value"/> (a multiple of variable 0).</summary>
    /// <param name="value">The constant.</param>
    /// <returns>The combination.</returns>
    public static LinearCombination Constant(FieldElement value) => FromVariable(0, value);

    /// <summary>coefficient · variable <paramref name="index"/>.</summary>
    /// <param name="index">A non-negative variable index.</param>
    /// <param name="coefficient">The coefficient.</param>
    /// <returns>The combination (zero when the coefficient is zero).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative.</exception>
    public static LinearCombination FromVariable(int index, FieldElement coefficient)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return coefficient.IsZero ? default : new([new Term(index, coefficient)]);
    }

    /// <summary>Builds a canonical combination from terms in any order, adding repeated indices and dropping zeros.</summary>
    /// <param name="terms">The terms.</param>
    /// <returns>The combination.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is negative.</exception>
    public static LinearCombination FromTerms(IEnumerable<Term> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var list = terms.ToList();
        foreach (var term in list)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(term.VariableIndex);
        }

        list.Sort((x, y) => x.VariableIndex.CompareTo(y.VariableIndex));
        var merged = new List<Term>(list.Count);
        foreach (var term in list)
        {
            if (merged.Count > 0 && merged[^1].VariableIndex == term.VariableIndex)
            {
                merged[^1] = merged[^1] with { Coefficient = merged[^1].Coefficient + term.Coefficient };
            }
            else
            {
                merged.Add(term);
            }
        }

        merged.RemoveAll(t => t.Coefficient.IsZero);
        return merged.Count == 0 ? default : new(merged.ToArray());
    }

    /// <summary>Evaluates the combination on an assignment indexed like its variables.</summary>
    /// <param name="assignment">Values by variable index; index 0 should hold one.</param>
    /// <returns>Σ cᵢ·assignment[xᵢ].</returns>
    /// <exception cref="ArgumentException">A variable index lies outside the assignment.</exception>
    public FieldElement Evaluate(ReadOnlySpan<FieldElement> assignment)
    {
        var sum = FieldElement.Zero;
        foreach (var term in Terms)
        {
            if (term.VariableIndex >= assignment.Length)
            {
                throw new ArgumentException($"Variable {term.VariableIndex} lies outside the assignment of {assignment.Length} values.", nameof(assignment));
            }

            sum += term.Coefficient * assignment[term.VariableIndex];
        }

        return sum;
    }

    /// <summary>Renumbers the variables through <paramref name="map"/> (old index → new index).</summary>
    internal LinearCombination Remap(ReadOnlySpan<int> map)
    {
        if (TermCount == 0)
        {
            return this;
        }

        var remapped = new Term[terms!.Length];
        for (var i = 0; i < remapped.Length; i++)
        {
            remapped[i] = terms[i] with { VariableIndex = map[terms[i].VariableIndex] };
        }

        Array.Sort(remapped, (x, y) => x.VariableIndex.CompareTo(y.VariableIndex));
        return new(remapped);
    }

    /// <summary>Wraps terms already known to be canonical (sorted, unique, non-zero).</summary>
    internal static LinearCombination FromCanonicalTerms(Term[] terms) => terms.Length == 0 ? default : new(terms);

    /// <summary>Sum.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a + b.</returns>
    public static LinearCombination operator +(LinearCombination a, LinearCombination b) => Merge(a, b, negateRight: false);

    /// <summary>Difference.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a − b.</returns>
    public static LinearCombination operator -(LinearCombination a, LinearCombination b) => Merge(a, b, negateRight: true);

    /// <summary>Adds a constant.</summary>
    /// <param name="a">The combination.</param>
    /// <param name="constant">The constant.</param>
    /// <returns>a + constant.</returns>
    public static LinearCombination operator +(LinearCombination a, FieldElement constant) => a + Constant(constant);

    /// <summary>Subtracts a constant.</summary>
    /// <param name="a">The combination.</param>
    /// <param name="constant">The constant.</param>
    /// <returns>a − constant.</returns>
    public static LinearCombination operator -(LinearCombination a, FieldElement constant) => a - Constant(constant);

    /// <summary>A constant minus a combination.</summary>
    /// <param name="constant">The constant.</param>
    /// <param name="a">The combination.</param>
    /// <returns>constant − a.</returns>
    public static LinearCombination operator -(FieldElement constant, LinearCombination a) => Constant(constant) - a;

    /// <summary>Negation.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>−a.</returns>
    public static LinearCombination operator -(LinearCombination a) => a * -FieldElement.One;

    /// <summary>Scales by a constant.</summary>
    /// <param name="a">The combination.</param>
    /// <param name="scalar">The constant.</param>
    /// <returns>scalar · a.</returns>
    public static LinearCombination operator *(LinearCombination a, FieldElement scalar)
    {
        if (scalar.IsZero || a.TermCount == 0)
        {
            return default;
        }

        var scaled = new Term[a.terms!.Length];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = a.terms[i] with { Coefficient = a.terms[i].Coefficient * scalar };
        }

        return new(scaled);
    }

    /// <summary>Scales by a constant.</summary>
    /// <param name="scalar">The constant.</param>
    /// <param name="a">The combination.</param>
    /// <returns>scalar · a.</returns>
    public static LinearCombination operator *(FieldElement scalar, LinearCombination a) => a * scalar;

    /// <summary>A variable as the combination 1 · variable.</summary>
    /// <param name="variable">The variable.</param>
    public static implicit operator LinearCombination(Variable variable) => FromVariable(variable.Index, FieldElement.One);

    private static LinearCombination Merge(LinearCombination a, LinearCombination b, bool negateRight)
    {
        var left = a.Terms;
        var right = b.Terms;
        var merged = new List<Term>(left.Length + right.Length);
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            if (j == right.Length || (i < left.Length && left[i].VariableIndex < right[j].VariableIndex))
            {
                merged.Add(left[i++]);
                continue;
            }

            var r = negateRight ? right[j] with { Coefficient = -right[j].Coefficient } : right[j];
            j++;
            if (i < left.Length && left[i].VariableIndex == r.VariableIndex)
            {
                var sum = left[i++].Coefficient + r.Coefficient;
                if (!sum.IsZero)
                {
                    merged.Add(r with { Coefficient = sum });
                }
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged.Count == 0 ? default : new(merged.ToArray());
    }
}
