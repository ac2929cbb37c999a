using NexusZero.Circuits;
using NexusZero.Compute;
using NexusZero.Groups.Bn254;

namespace NexusZero.Proofs.Groth16;

/// <summary>
/// The Groth16 verifier: accepts iff e(A, B) = e(α, β)·e(Σ xᵢ·ICᵢ, γ)·e(C, δ), checked as one multi-pairing
/// e(−A, B)·e(α, β)·e(IC, γ)·e(C, δ) = 1 with one final exponentiation; the key's share (the Miller loop of
/// e(α, β), the lines of γ and δ) is computed once per key (<see cref="Groth16PreparedKey"/>). Public inputs
/// must be canonical field elements; the proof's points were checked on decoding.
/// </summary>
public static class Groth16Verifier
{
    /// <summary>Verifies <paramref name="proof"/> for <paramref name="publicInputs"/> (outputs first, as in the witness).</summary>
    public static VerificationResult Verify(Groth16VerifyingKey key, IReadOnlyList<FieldElement> publicInputs, Groth16Proof proof)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(publicInputs);
        ArgumentNullException.ThrowIfNull(proof);
        if (publicInputs.Count != key.PublicInputCount)
        {
            return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"The verifying key takes {key.PublicInputCount} public inputs, not {publicInputs.Count}.");
        }

        var scalars = new Fr[publicInputs.Count];
        for (var i = 0; i < scalars.Length; i++)
        {
            scalars[i] = publicInputs[i].Value;
        }

        var ic = key.Ic[0] + ComputeRouter.Current.MultiplyG1(scalars, key.Ic.AsSpan(1), DataSecrecy.Public);
        var prepared = key.Prepared;
        var loop = MillerLoop.Evaluate(
        [
            (proof.A.Negate().ToAffine(), PreparedG2.From(proof.B)),
            (ic.ToAffine(), prepared.Gamma),
            (proof.C.ToAffine(), prepared.Delta),
        ]);
        var holds = FinalExponentiation.Apply(loop * prepared.AlphaBeta).IsOne;
        return holds
            ? VerificationResult.Valid
            : VerificationResult.Invalid(VerificationFailure.EquationFailed, "The Groth16 pairing equation does not hold.");
    }
}
