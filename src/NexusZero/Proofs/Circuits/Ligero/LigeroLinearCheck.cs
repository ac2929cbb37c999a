using NexusZero.Circuits;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Circuits.Ligero;

/// <summary>
/// The linear test's random combination of every linear relation the committed cells must satisfy:
/// x_j = ⟨A_j, w⟩, y_j = ⟨B_j, w⟩, z_j = ⟨C_j, w⟩ (weights α^j, α^(m+j), α^(2m+j)) and w_k = public_k for
/// k ≤ p with public_0 = 1 (weights α^(3m+k)). If any relation fails, the combination vanishes for at most
/// 3m + p values of α. Public data only: the verifier runs it, and the prover's copy touches no secret.
/// </summary>
internal static class LigeroLinearCheck
{
    /// <summary>
    /// The coefficient of every data cell (row-major, ℓ per row over the w, x, y, z rows) and the target
    /// b = Σ_k α^(3m+k)·public_k that Σ coefficient·cell must equal.
    /// </summary>
    public static (Fr[] Coefficients, Fr Target) Compute(LigeroLayout layout, ConstraintSystem system, Fr alpha, IReadOnlyList<FieldElement> publics)
    {
        var ell = layout.MessageLength;
        var m = system.ConstraintCount;
        var coefficients = new Fr[layout.DataRows * ell];
        var power = Fr.One;
        var constraints = system.Constraints;
        for (var block = 0; block < 3; block++)
        {
            for (var j = 0; j < m; j++)
            {
                var row = block switch { 0 => layout.XRow(j / ell), 1 => layout.YRow(j / ell), _ => layout.ZRow(j / ell) };
                coefficients[(row * ell) + (j % ell)] = power;
                var combination = block switch { 0 => constraints[j].A, 1 => constraints[j].B, _ => constraints[j].C };
                foreach (var term in combination.Terms)
                {
                    // w_k lives at cell k of the witness rows, which come first.
                    coefficients[term.VariableIndex] -= power * term.Coefficient.Value;
                }

                power *= alpha;
            }
        }

        var target = Fr.Zero;
        for (var k = 0; k <= publics.Count; k++)
        {
            coefficients[k] += power;
            target += power * (k == 0 ? Fr.One : publics[k - 1].Value);
            power *= alpha;
        }

        return (coefficients, target);
    }
}
