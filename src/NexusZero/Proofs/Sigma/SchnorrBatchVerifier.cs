using NexusZero.Groups;

namespace NexusZero.Proofs.Sigma;

/// <summary>
/// Batch verification of <see cref="SchnorrProofSystem"/> proofs: every proof's check
/// s·G − c·X − R = 0 is weighted by a fresh random scalar from the OS CSPRNG and all of them are summed
/// into one multi-scalar multiplication, with the terms on a shared generator merged. The transcript is
/// exactly the single verifier's (ProofTranscript, then R under "R", the challenge under "c").
/// The shipped groups evaluate the equation on their own structs: <see cref="RistrettoSchnorrBatch"/>
/// (batch decoding, shared transcript prefix, vectorized multi-scalar multiplication) and
/// <see cref="Secp256k1SchnorrBatch"/> (shared transcript prefix, affine-table multi-scalar
/// multiplication); any other group takes the generic path.
/// </summary>
public static class SchnorrBatchVerifier
{
    /// <summary>Verifies every item at once; valid only when every proof is. A failure names the first bad item.</summary>
    /// <exception cref="ArgumentNullException">An argument or item is null.</exception>
    /// <exception cref="ArgumentException">A statement is not a <see cref="DiscreteLogStatement"/> or the parameters are not Schnorr's (misuse).</exception>
    public static VerificationResult Verify(IReadOnlyList<SigmaBatchItem> items, ParameterSet parameters) =>
        Verify(items, parameters, groupPath: true);

    /// <summary>
    /// As <see cref="Verify(IReadOnlyList{SigmaBatchItem}, ParameterSet)"/>; with
    /// <paramref name="groupPath"/> false, the shipped groups take the generic path too (tests check
    /// both paths agree; benchmarks compare them in one run).
    /// </summary>
    internal static VerificationResult Verify(IReadOnlyList<SigmaBatchItem> items, ParameterSet parameters, bool groupPath)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(parameters);
        var system = SchnorrProofSystem.Instance;
        if (!system.TryGetParameterSet(parameters.Id, out var own) || own != parameters || parameters is not GroupParameterSet set)
        {
            throw new ArgumentException($"Parameter set {parameters.Id} ({parameters.Name}) is not a Schnorr parameter set.", nameof(parameters));
        }

        var group = set.Group;
        var statements = new DiscreteLogStatement[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentNullException(nameof(items), $"Batch item {i} is null.");
            statements[i] = item.Statement as DiscreteLogStatement
                ?? throw new ArgumentException($"Item {i}: Schnorr proves a {nameof(DiscreteLogStatement)}, not a {item.Statement?.GetType().Name ?? "null"}.", nameof(items));
        }

        if (groupPath && group.Id == GroupId.Ristretto255)
        {
            return RistrettoSchnorrBatch.EquationHolds(items, statements, set)
                ? VerificationResult.Valid
                : FirstFailure(items, statements, set);
        }

        if (groupPath && group.Id == GroupId.Secp256k1)
        {
            return Secp256k1SchnorrBatch.EquationHolds(items, statements, set)
                ? VerificationResult.Valid
                : FirstFailure(items, statements, set);
        }

        var msm = new MsmAccumulator(group, group.Generator);
        var proofLength = SchnorrProofSystem.ProofLength(group);
        Span<byte> wide = stackalloc byte[64];
        for (var i = 0; i < items.Count; i++)
        {
            var statement = statements[i];
            var proof = items[i].Proof.Span;
            if (statement.Group.Id != group.Id)
            {
                return VerificationResult.Invalid(VerificationFailure.InvalidStatement, $"Item {i}: the statement is over {statement.Group.Name} but the parameters are for {group.Name}.");
            }

            if (proof.Length != proofLength)
            {
                return VerificationResult.Invalid(VerificationFailure.MalformedProof, $"Item {i}: a Schnorr proof over {group.Name} is {proofLength} bytes, not {proof.Length}.");
            }

            var rBytes = proof[..group.ElementLength];
            if (!group.TryDecodeElement(rBytes, out var r) || !group.TryDecodeScalar(proof[group.ElementLength..], out var s))
            {
                return VerificationResult.Invalid(VerificationFailure.MalformedProof, $"Item {i}: R or s is not canonical.");
            }

            using var transcript = ProofTranscript.Begin(ProofSystemId.SchnorrDiscreteLog, set, statement, items[i].Context.Span);
            transcript.AppendMessage("R"u8, rBytes);
            transcript.ChallengeBytes("c"u8, wide);
            var c = group.ScalarFromUniformBytes(wide);

            var weight = msm.NextWeight();
            msm.Add(weight * s, statement.Generator);
            msm.Add(-(weight * c), statement.PublicValue);
            msm.Add(-weight, r);
        }

        return msm.IsIdentity() ? VerificationResult.Valid : FirstFailure(items, statements, set);
    }

    /// <summary>The batch failed: verify one by one to name the first bad item.</summary>
    private static VerificationResult FirstFailure(IReadOnlyList<SigmaBatchItem> items, DiscreteLogStatement[] statements, GroupParameterSet set)
    {
        var system = SchnorrProofSystem.Instance;
        for (var i = 0; i < items.Count; i++)
        {
            var single = system.Verify(statements[i], items[i].Proof.Span, set, items[i].Context.Span);
            if (!single.IsValid)
            {
                return VerificationResult.Invalid(single.Failure, $"Item {i}: {single.Reason}");
            }
        }

        return VerificationResult.Invalid(VerificationFailure.EquationFailed, "The batch equation does not hold.");
    }
}
