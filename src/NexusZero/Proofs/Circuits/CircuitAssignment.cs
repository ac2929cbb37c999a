using NexusZero.Circuits;

namespace NexusZero.Proofs.Circuits;

/// <summary>
/// A satisfying assignment of a circuit for the post-quantum backend (<see cref="LigeroProofSystem"/>), which needs no
/// proving key. The assignment is a copy, zeroed on <see cref="Witness.Dispose"/>.
/// </summary>
public sealed class CircuitAssignment : Witness
{
    private readonly FieldElement[] _assignment;

    /// <summary>Creates the witness.</summary>
    /// <param name="system">The constraint system.</param>
    /// <param name="assignment">Every wire's value, wire 0 (the constant one) first.</param>
    /// <exception cref="ArgumentException">The assignment has the wrong length.</exception>
    public CircuitAssignment(ConstraintSystem system, IReadOnlyList<FieldElement> assignment)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.Count != system.VariableCount)
        {
            throw new ArgumentException($"The assignment has {assignment.Count} values; the constraint system has {system.VariableCount} wires.", nameof(assignment));
        }

        System = system;
        _assignment = [.. assignment];
    }

    /// <inheritdoc />
    public override StatementKind Kind => StatementKind.Circuit;

    /// <summary>The constraint system.</summary>
    public ConstraintSystem System { get; }

    /// <summary>The assignment itself, for the prover; not a copy.</summary>
    internal FieldElement[] Values
    {
        get
        {
            ThrowIfDisposed();
            return _assignment;
        }
    }

    /// <inheritdoc />
    protected override void ZeroSecrets() => Array.Clear(_assignment);
}
