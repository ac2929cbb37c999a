namespace NexusZero.Circuits;

/// <summary>
/// Records rank-1 constraints and, in proving mode, computes the witness in the same pass: each variable
/// gets its value when it is allocated, from a value or a hint. The same circuit code run on a builder
/// from <see cref="ForSetup"/> produces the identical constraint system without evaluating any hint,
/// which is what key generation needs.
/// </summary>
/// <remarks>
/// Variables are numbered in allocation order while building; <see cref="Build"/> renumbers them into
/// circom's wire order (one, public outputs, public inputs, private). Hints compute values only; every
/// relation a hint claims must be enforced by a constraint, or a prover may choose another value.
/// </remarks>
public sealed class CircuitBuilder
{
    private readonly List<VariableKind> kinds = [VariableKind.One];
    private readonly List<FieldElement>? values;
    private readonly List<Constraint> constraints = [];
    private readonly List<(int Index, string Name)> publicNames = [];
    private bool built;

    private CircuitBuilder(bool computeWitness)
    {
        values = computeWitness ? [FieldElement.One] : null;
    }

    /// <summary>A builder that computes the witness (for proving).</summary>
    /// <returns>A new builder.</returns>
    public static CircuitBuilder ForProving() => new(computeWitness: true);

    /// <summary>A builder that records constraints only (for setup); hints are never called.</summary>
    /// <returns>A new builder.</returns>
    public static CircuitBuilder ForSetup() => new(computeWitness: false);

    /// <summary>True when the builder computes values.</summary>
    public bool ComputesWitness => values is not null;

    /// <summary>The constant one as a variable (wire 0).</summary>
    public static Variable One => new(0);

    /// <summary>Constraints recorded so far.</summary>
    public int ConstraintCount => constraints.Count;

    /// <summary>Allocates a public input.</summary>
    /// <param name="name">A name for the statement's description.</param>
    /// <param name="value">Its value; ignored in setup mode.</param>
    /// <returns>The variable.</returns>
    public Variable PublicInput(string name, FieldElement value) => PublicInput(name, () => value);

    /// <summary>Allocates a public input whose value comes from a hint (not called in setup mode).</summary>
    /// <param name="name">A name for the statement's description.</param>
    /// <param name="value">Computes the value.</param>
    /// <returns>The variable.</returns>
    public Variable PublicInput(string name, Func<FieldElement> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var variable = Allocate(VariableKind.PublicInput, value);
        publicNames.Add((variable.Index, name));
        return variable;
    }

    /// <summary>Allocates a public output constrained to equal <paramref name="value"/>.</summary>
    /// <param name="name">A name for the statement's description.</param>
    /// <param name="value">What the output is.</param>
    /// <returns>The output variable.</returns>
    public Variable PublicOutput(string name, LinearCombination value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var output = Allocate(VariableKind.PublicOutput, () => ValueOf(value));
        publicNames.Add((output.Index, name));
        AssertEqual(output, value, $"output {name}");
        return output;
    }

    /// <summary>Allocates a private witness variable with a known value (ignored in setup mode).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The variable.</returns>
    public Variable Witness(FieldElement value) => Witness(() => value);

    /// <summary>Allocates a private witness variable whose value a hint computes (not called in setup mode).</summary>
    /// <param name="hint">Computes the value, typically from <see cref="ValueOf(LinearCombination)"/> of earlier variables.</param>
    /// <returns>The variable; constrain it, since a hint alone binds nothing.</returns>
    public Variable Witness(Func<FieldElement> hint) => Allocate(VariableKind.Private, hint);

    /// <summary>The value of a combination of this builder's variables.</summary>
    /// <param name="combination">The combination.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="InvalidOperationException">The builder is in setup mode.</exception>
    public FieldElement ValueOf(LinearCombination combination)
    {
        var known = values ?? throw new InvalidOperationException("A setup builder has no values; read values only inside hints.");
        return combination.Evaluate(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(known));
    }

    /// <summary>Records the raw constraint a · b = c.</summary>
    /// <param name="a">Left factor.</param>
    /// <param name="b">Right factor.</param>
    /// <param name="c">Product.</param>
    /// <param name="name">An optional name reported when the constraint fails.</param>
    public void Constrain(LinearCombination a, LinearCombination b, LinearCombination c, string? name = null)
    {
        RequireOpen();
        RequireKnown(a);
        RequireKnown(b);
        RequireKnown(c);
        constraints.Add(new Constraint(a, b, c, name));
    }

    /// <summary>Records a = b (as (a − b) · 1 = 0).</summary>
    /// <param name="a">Left side.</param>
    /// <param name="b">Right side.</param>
    /// <param name="name">An optional name.</param>
    public void AssertEqual(LinearCombination a, LinearCombination b, string? name = null) =>
        Constrain(a - b, One, LinearCombination.Zero, name);

    /// <summary>A new variable equal to a · b, with the constraint that says so.</summary>
    /// <param name="a">Left factor.</param>
    /// <param name="b">Right factor.</param>
    /// <param name="name">An optional name for the constraint.</param>
    /// <returns>The product variable.</returns>
    public Variable Multiply(LinearCombination a, LinearCombination b, string? name = null)
    {
        var product = Witness(() => ValueOf(a) * ValueOf(b));
        Constrain(a, b, product, name);
        return product;
    }

    /// <summary>Renumbers into wire order and returns the system, and the witness in proving mode.</summary>
    /// <returns>The circuit.</returns>
    /// <exception cref="InvalidOperationException">Build was already called.</exception>
    public BuiltCircuit Build()
    {
        RequireOpen();
        built = true;
        var wireOf = new int[kinds.Count];
        var next = 0;
        foreach (var kind in (ReadOnlySpan<VariableKind>)[VariableKind.One, VariableKind.PublicOutput, VariableKind.PublicInput, VariableKind.Private])
        {
            for (var i = 0; i < kinds.Count; i++)
            {
                if (kinds[i] == kind)
                {
                    wireOf[i] = next++;
                }
            }
        }

        var remapped = constraints.Select(c => c with { A = c.A.Remap(wireOf), B = c.B.Remap(wireOf), C = c.C.Remap(wireOf) });
        var system = new ConstraintSystem(Count(VariableKind.PublicOutput), Count(VariableKind.PublicInput), Count(VariableKind.Private), remapped);
        FieldElement[]? witness = null;
        if (values is not null)
        {
            witness = new FieldElement[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                witness[wireOf[i]] = values[i];
            }
        }

        var names = publicNames.OrderBy(p => wireOf[p.Index]).Select(p => p.Name).ToArray();
        return new BuiltCircuit(system, wireOf, witness, names);
    }

    private int Count(VariableKind kind) => kinds.Count(k => k == kind);

    private Variable Allocate(VariableKind kind, Func<FieldElement> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        RequireOpen();
        var variable = new Variable(kinds.Count);
        values?.Add(value());
        kinds.Add(kind);
        return variable;
    }

    private void RequireKnown(LinearCombination combination)
    {
        if (combination.MaxVariableIndex >= kinds.Count)
        {
            throw new ArgumentException($"The combination uses variable {combination.MaxVariableIndex}, which this builder has not allocated.", nameof(combination));
        }
    }

    private void RequireOpen()
    {
        if (built)
        {
            throw new InvalidOperationException("The circuit was already built.");
        }
    }
}
