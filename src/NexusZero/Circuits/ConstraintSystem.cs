namespace NexusZero.Circuits;

/// <summary>
/// A rank-1 constraint system over the BN254 scalar field: constraints ⟨A,w⟩·⟨B,w⟩ = ⟨C,w⟩ on a
/// witness vector w laid out as circom lays it out: w₀ = 1, then the public outputs, the public inputs,
/// and the private variables. Immutable.
/// </summary>
public sealed class ConstraintSystem
{
    private readonly Constraint[] constraints;

    /// <summary>Creates a system and checks that every constraint uses only declared variables.</summary>
    /// <param name="publicOutputCount">Public outputs (wires 1 … publicOutputCount).</param>
    /// <param name="publicInputCount">Public inputs (the wires after the outputs).</param>
    /// <param name="privateCount">Private variables (the remaining wires).</param>
    /// <param name="constraints">The constraints, in order.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the total exceeds <see cref="int.MaxValue"/>.</exception>
    /// <exception cref="ArgumentException">A constraint refers to a variable beyond the declared ones.</exception>
    public ConstraintSystem(int publicOutputCount, int publicInputCount, int privateCount, IEnumerable<Constraint> constraints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(publicOutputCount);
        ArgumentOutOfRangeException.ThrowIfNegative(publicInputCount);
        ArgumentOutOfRangeException.ThrowIfNegative(privateCount);
        ArgumentNullException.ThrowIfNull(constraints);
        var total = 1L + publicOutputCount + publicInputCount + privateCount;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(total, int.MaxValue, "variable count");
        PublicOutputCount = publicOutputCount;
        PublicInputCount = publicInputCount;
        PrivateCount = privateCount;
        VariableCount = (int)total;
        this.constraints = constraints.ToArray();
        for (var i = 0; i < this.constraints.Length; i++)
        {
            var c = this.constraints[i] ?? throw new ArgumentException($"Constraint {i} is null.", nameof(constraints));
            var max = Math.Max(c.A.MaxVariableIndex, Math.Max(c.B.MaxVariableIndex, c.C.MaxVariableIndex));
            if (max >= VariableCount)
            {
                throw new ArgumentException($"Constraint {i} uses variable {max}, beyond the {VariableCount} declared.", nameof(constraints));
            }
        }
    }

    /// <summary>All variables, the constant one included.</summary>
    public int VariableCount { get; }

    /// <summary>Public outputs, wires 1 … <see cref="PublicOutputCount"/>.</summary>
    public int PublicOutputCount { get; }

    /// <summary>Public inputs, the wires after the outputs.</summary>
    public int PublicInputCount { get; }

    /// <summary>Every public value apart from the constant one (outputs and inputs): the statement a proof binds.</summary>
    public int PublicCount => PublicOutputCount + PublicInputCount;

    /// <summary>Private variables, the remaining wires.</summary>
    public int PrivateCount { get; }

    /// <summary>The number of constraints.</summary>
    public int ConstraintCount => constraints.Length;

    /// <summary>The constraints, in order.</summary>
    public IReadOnlyList<Constraint> Constraints => constraints;

    /// <summary>Checks a full witness; reports the first constraint that fails.</summary>
    /// <param name="witness">Exactly <see cref="VariableCount"/> values in wire order.</param>
    /// <returns>Whether every constraint holds, and otherwise which fails first.</returns>
    /// <exception cref="ArgumentException">The witness has the wrong length.</exception>
    public SatisfactionResult IsSatisfied(ReadOnlySpan<FieldElement> witness)
    {
        if (witness.Length != VariableCount)
        {
            throw new ArgumentException($"The witness has {witness.Length} values; the system has {VariableCount} variables.", nameof(witness));
        }

        if (witness[0] != FieldElement.One)
        {
            return SatisfactionResult.WrongConstant();
        }

        for (var i = 0; i < constraints.Length; i++)
        {
            var c = constraints[i];
            if (c.A.Evaluate(witness) * c.B.Evaluate(witness) != c.C.Evaluate(witness))
            {
                return SatisfactionResult.Failed(i, c.Name);
            }
        }

        return SatisfactionResult.Satisfied;
    }

    /// <summary>Checks a full witness; see <see cref="IsSatisfied(ReadOnlySpan{FieldElement})"/>.</summary>
    /// <param name="witness">Exactly <see cref="VariableCount"/> values in wire order.</param>
    /// <returns>Whether every constraint holds, and otherwise which fails first.</returns>
    /// <exception cref="ArgumentException">The witness has the wrong length.</exception>
    public SatisfactionResult IsSatisfied(IReadOnlyList<FieldElement> witness)
    {
        ArgumentNullException.ThrowIfNull(witness);
        return IsSatisfied(witness.ToArray());
    }

    /// <summary>
    /// SHA-256 over the canonical encoding of docs/formats.md ("R1CS digest"): counts and every term of every
    /// constraint, names excluded. Equal relations in the same wire layout have equal digests.
    /// </summary>
    /// <returns>32 bytes.</returns>
    public byte[] ComputeDigest() => ConstraintSystemDigest.Compute(this);
}
