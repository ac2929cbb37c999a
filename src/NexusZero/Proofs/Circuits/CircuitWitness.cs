using NexusZero.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Proofs.Circuits;

/// <summary>
/// A satisfying assignment of a circuit and the proving key to prove it with. The circuit's last public input
/// is the context binding input (<see cref="Groth16ProofSystem.ContextBinding"/>): it must appear in no
/// constraint, and the prover sets its value, so the assignment may hold anything there. The assignment is a
/// copy, zeroed on <see cref="Witness.Dispose"/>.
/// </summary>
public sealed class CircuitWitness : Witness
{
    private readonly FieldElement[] _assignment;

    /// <summary>Creates the witness.</summary>
    /// <param name="key">The proving key of <paramref name="system"/>.</param>
    /// <param name="system">The constraint system the key was made for.</param>
    /// <param name="assignment">Every wire's value, wire 0 (the constant one) first.</param>
    /// <exception cref="ArgumentException">The assignment has the wrong length, or the circuit has no public input to bind the context to.</exception>
    public CircuitWitness(Groth16ProvingKey key, ConstraintSystem system, IReadOnlyList<FieldElement> assignment)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.Count != system.VariableCount)
        {
            throw new ArgumentException($"The assignment has {assignment.Count} values; the constraint system has {system.VariableCount} wires.", nameof(assignment));
        }

        if (system.PublicCount < 1)
        {
            throw new ArgumentException("The circuit has no public input; its last public input must be the context binding input.", nameof(system));
        }

        ProvingKey = key;
        System = system;
        _assignment = [.. assignment];
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.Circuit;

    /// <summary>The proving key.</summary>
    public Groth16ProvingKey ProvingKey { get; }

    /// <summary>The constraint system.</summary>
    public ConstraintSystem System { get; }

    /// <summary>A copy of the assignment with the binding input set to <paramref name="binding"/>; the caller clears it.</summary>
    internal FieldElement[] AssignmentWithBinding(FieldElement binding)
    {
        ThrowIfDisposed();
        var copy = (FieldElement[])_assignment.Clone();
        copy[System.PublicCount] = binding;
        return copy;
    }

    /// <summary>The public inputs the assignment carries (wires 1 … ℓ − 1), for the statement check.</summary>
    internal FieldElement PublicValue(int index)
    {
        ThrowIfDisposed();
        return _assignment[1 + index];
    }

    /// <inheritdoc />
    protected override void ZeroSecrets() => Array.Clear(_assignment);
}
