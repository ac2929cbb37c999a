using NexusZero.Circuits;
using NexusZero.Compute;
using NexusZero.Diagnostics;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16;

/// <summary>
/// The Groth16 prover (Groth, EUROCRYPT 2016). With z the full assignment and fresh r, s:
/// A = [α + Σ zᵢuᵢ(τ) + rδ]₁, B = [β + Σ zᵢvᵢ(τ) + sδ]₂, C = [Σ_private zᵢLᵢ + h(τ)Z(τ)/δ]₁ + s·A + r·B₁ − rs·[δ]₁,
/// where h = (a·b − c)/Z is computed on the coset g·⟨ω⟩ (Z is the non-zero constant gⁿ − 1 there):
/// three inverse NTTs to coefficients, three coset NTTs, a pointwise quotient and one coset inverse NTT.
/// </summary>
public static class Groth16Prover
{
    /// <summary>Proves that <paramref name="assignment"/> (all variables, index 0 = 1) satisfies <paramref name="system"/>.</summary>
    /// <exception cref="ArgumentException">The key is for another system, or the assignment has the wrong length.</exception>
    /// <exception cref="NexusZeroException">The assignment violates a constraint (<see cref="NexusZeroErrorKind.ValidationFailed"/>, naming it).</exception>
    public static Groth16Proof Prove(Groth16ProvingKey key, ConstraintSystem system, IReadOnlyList<FieldElement> assignment)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(assignment);
        if (key.A1.Length != system.VariableCount || key.VerifyingKey.PublicInputCount != system.PublicCount || key.DomainLogSize != Groth16Qap.Domain(system).LogSize)
        {
            throw new ArgumentException("The proving key was made for a different constraint system.", nameof(key));
        }

        if (assignment.Count != system.VariableCount)
        {
            throw new ArgumentException($"The assignment has {assignment.Count} values; the system has {system.VariableCount} variables.", nameof(assignment));
        }

        var satisfied = system.IsSatisfied(assignment);
        if (!satisfied.IsSatisfied)
        {
            throw new NexusZeroException(NexusZeroErrorKind.ValidationFailed, $"The witness does not satisfy the circuit: {satisfied}");
        }

        var z = new Fr[assignment.Count];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = assignment[i].Value;
        }

        Fr[]? h = null;
        var r = Groth16DevelopmentSetup.RandomNonZero();
        var s = Groth16DevelopmentSetup.RandomNonZero();
        try
        {
            h = Quotient(system, z, new FrDomain(key.DomainLogSize));

            // Every MSM's scalars derive from the witness: the compute seam keeps them on the CPU unless the caller opted in.
            var compute = ComputeRouter.Current;
            var a = key.VerifyingKey.Alpha + compute.MultiplyG1(z, key.A1, DataSecrecy.Secret) + key.Delta1.Multiply(r);
            var b2 = key.VerifyingKey.Beta + compute.MultiplyG2(z, key.B2, DataSecrecy.Secret) + key.VerifyingKey.Delta.Multiply(s);
            var b1 = key.Beta1 + compute.MultiplyG1(z, key.B1, DataSecrecy.Secret) + key.Delta1.Multiply(s);
            var privateStart = system.PublicCount + 1;
            var c = compute.MultiplyG1(z.AsSpan(privateStart), key.L1, DataSecrecy.Secret)
                + compute.MultiplyG1(h.AsSpan(0, key.H1.Length), key.H1, DataSecrecy.Secret)
                + a.Multiply(s)
                + b1.Multiply(r)
                - key.Delta1.Multiply(r * s);
            return new Groth16Proof(a, b2, c);
        }
        finally
        {
            Array.Clear(z);
            if (h is not null)
            {
                Array.Clear(h);
            }

            r = s = Fr.Zero;
        }
    }

    /// <summary>The coefficients of h = (a·b − c)/Z; the top one is zero for a satisfying assignment.</summary>
    internal static Fr[] Quotient(ConstraintSystem system, ReadOnlySpan<Fr> z, FrDomain domain)
    {
        var (a, b, c) = Groth16Qap.RowValues(system, z, domain.Size);
        var compute = ComputeRouter.Current;
        try
        {
            Parallel.Invoke(
                () => ToCoset(compute, domain, a),
                () => ToCoset(compute, domain, b),
                () => ToCoset(compute, domain, c));
            var inverse = domain.CosetVanishing.Invert();
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = ((a[i] * b[i]) - c[i]) * inverse;
            }

            compute.TransformFr(domain, a, FrTransform.CosetInverse, DataSecrecy.Secret);
            return a;
        }
        finally
        {
            Array.Clear(b);
            Array.Clear(c);
        }
    }

    private static void ToCoset(ComputeRouter compute, FrDomain domain, Fr[] values)
    {
        compute.TransformFr(domain, values, FrTransform.Inverse, DataSecrecy.Secret);
        compute.TransformFr(domain, values, FrTransform.CosetForward, DataSecrecy.Secret);
    }
}
