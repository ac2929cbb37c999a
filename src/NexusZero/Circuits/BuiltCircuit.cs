namespace NexusZero.Circuits;

/// <summary>
/// What <see cref="CircuitBuilder.Build"/> returns: the constraint system in wire order, the full witness
/// when the builder computed one, and the map from the builder's variables to wires.
/// </summary>
public sealed class BuiltCircuit
{
    private readonly int[] wireOf;
    private readonly FieldElement[]? witness;

    internal BuiltCircuit(ConstraintSystem system, int[] wireOf, FieldElement[]? witness, IReadOnlyList<string> publicNames)
    {
        System = system;
        this.wireOf = wireOf;
        this.witness = witness;
        PublicNames = publicNames;
    }

    /// <summary>The constraint system.</summary>
    public ConstraintSystem System { get; }

    /// <summary>True when the builder computed values (proving mode).</summary>
    public bool HasWitness => witness is not null;

    /// <summary>The witness in wire order (w₀ = 1, outputs, inputs, private).</summary>
    /// <exception cref="InvalidOperationException">The circuit was built for setup, without values.</exception>
    public IReadOnlyList<FieldElement> Witness => witness ?? throw new InvalidOperationException("The circuit was built for setup; it has no witness.");

    /// <summary>The public values w₁ … w_(outputs+inputs): what a verifier is given.</summary>
    /// <exception cref="InvalidOperationException">The circuit was built for setup, without values.</exception>
    public IReadOnlyList<FieldElement> PublicValues => Witness.Skip(1).Take(System.PublicCount).ToArray();

    /// <summary>The names of the public values, outputs then inputs, in wire order.</summary>
    public IReadOnlyList<string> PublicNames { get; }

    /// <summary>A copy of the witness, for callers (and tests) that need to change it.</summary>
    /// <returns>A new array.</returns>
    /// <exception cref="InvalidOperationException">The circuit was built for setup, without values.</exception>
    public FieldElement[] CopyWitness() => (witness ?? throw new InvalidOperationException("The circuit was built for setup; it has no witness.")).ToArray();

    /// <summary>
    /// Overwrites the witness with zeros: the private values are secrets, so a prover calls this once it has
    /// what it needs (<see cref="CopyWitness"/>). Afterwards <see cref="Witness"/> reads zeros.
    /// </summary>
    public void ClearWitness()
    {
        if (witness is not null)
        {
            Array.Clear(witness);
        }
    }

    /// <summary>The wire that a builder variable became.</summary>
    /// <param name="variable">A variable of the builder that built this circuit.</param>
    /// <returns>Its wire index.</returns>
    /// <exception cref="ArgumentException">The variable does not belong to this circuit.</exception>
    public int WireIndex(Variable variable) =>
        variable.Index >= 0 && variable.Index < wireOf.Length
            ? wireOf[variable.Index]
            : throw new ArgumentException($"Variable {variable.Index} is not part of this circuit.", nameof(variable));
}
