using NexusZero.Circuits;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16;

/// <summary>
/// The quadratic arithmetic program of a constraint system: row j of A, B, C becomes the Lagrange
/// polynomial L_j over the domain, so uᵢ(X) = Σⱼ A[j][i]·L_j(X) (vᵢ from B, wᵢ from C). After the m
/// constraints come ℓ + 1 rows "zᵢ · 0 = 0" for the constant and each public variable (as snarkjs adds
/// them), which make the public uᵢ linearly independent, a condition of Groth16's soundness.
/// </summary>
internal static class Groth16Qap
{
    /// <summary>Rows: constraints plus one per public variable and the constant.</summary>
    public static int RowCount(ConstraintSystem system) => system.ConstraintCount + system.PublicCount + 1;

    /// <summary>The smallest domain holding every row.</summary>
    public static FrDomain Domain(ConstraintSystem system) => FrDomain.ForAtLeast(RowCount(system));

    /// <summary>uᵢ(τ), vᵢ(τ), wᵢ(τ) for every variable, from the Lagrange basis at τ.</summary>
    public static (Fr[] U, Fr[] V, Fr[] W) AtTau(ConstraintSystem system, ReadOnlySpan<Fr> lagrange)
    {
        var u = new Fr[system.VariableCount];
        var v = new Fr[system.VariableCount];
        var w = new Fr[system.VariableCount];
        for (var j = 0; j < system.ConstraintCount; j++)
        {
            var constraint = system.Constraints[j];
            Accumulate(constraint.A, lagrange[j], u);
            Accumulate(constraint.B, lagrange[j], v);
            Accumulate(constraint.C, lagrange[j], w);
        }

        for (var i = 0; i <= system.PublicCount; i++)
        {
            u[i] += lagrange[system.ConstraintCount + i];
        }

        return (u, v, w);
    }

    /// <summary>(A·z)_j, (B·z)_j, (C·z)_j for every row of the domain (zero beyond the rows).</summary>
    public static (Fr[] A, Fr[] B, Fr[] C) RowValues(ConstraintSystem system, ReadOnlySpan<Fr> assignment, int size)
    {
        var a = new Fr[size];
        var b = new Fr[size];
        var c = new Fr[size];
        for (var j = 0; j < system.ConstraintCount; j++)
        {
            var constraint = system.Constraints[j];
            a[j] = Evaluate(constraint.A, assignment);
            b[j] = Evaluate(constraint.B, assignment);
            c[j] = Evaluate(constraint.C, assignment);
        }

        for (var i = 0; i <= system.PublicCount; i++)
        {
            a[system.ConstraintCount + i] = assignment[i];
        }

        return (a, b, c);
    }

    private static void Accumulate(LinearCombination combination, Fr basis, Fr[] destination)
    {
        foreach (var term in combination.Terms)
        {
            destination[term.VariableIndex] += term.Coefficient.Value * basis;
        }
    }

    private static Fr Evaluate(LinearCombination combination, ReadOnlySpan<Fr> assignment)
    {
        var sum = Fr.Zero;
        foreach (var term in combination.Terms)
        {
            sum += term.Coefficient.Value * assignment[term.VariableIndex];
        }

        return sum;
    }
}
