using System.Security.Cryptography;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Validators;
using NexusZero.Inference.Proofs;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Inference.Receipts;

/// <summary>
/// Checks an inference receipt offline against what the verifier pins: the model circuit's verifying key, the
/// validator set and, optionally, the model commitment and whether the weights are public or private. The cheap
/// bindings come first, then the certificate's signatures, then the pairing check, so a tampered receipt costs little
/// (docs/security.md, "Inference receipts"). A private-weights key fixes only the model's architecture: pin the
/// weights commitment too, or the receipt shows only that <i>some</i> weights of that shape gave the output.
/// </summary>
public static class InferenceReceiptVerifier
{
    private static readonly Lazy<NexuszeroApi> DefaultApi = new(() => new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 }));

    /// <summary>Parses and verifies an encoded receipt.</summary>
    /// <param name="receipt">The receipt's bytes.</param>
    /// <param name="verifyingKey">The pinned verifying key of the model's circuit.</param>
    /// <param name="validators">The pinned validator set.</param>
    /// <param name="expectedModelCommitment">The model commitment the receipt must name (public weights: the SHA-256 model commitment; private: the weights commitment's 32 bytes); empty to accept any the key's circuit proves for (public weights: the one it was made for).</param>
    /// <param name="api">The proof verifier; one accepting Groth16's 100-bit level when null.</param>
    /// <param name="expectedWeights">The weights' visibility the key was made for; the receipt's subject must be of that form. Null to take the subject's form (the proof then fails if the key is of the other kind).</param>
    /// <returns>Valid, <see cref="ReceiptFailure.Malformed"/> with the parser's message, or the failed part.</returns>
    /// <exception cref="ArgumentNullException">The key or the set is null.</exception>
    /// <exception cref="ArgumentException">The expected commitment is neither empty nor 32 bytes.</exception>
    public static ReceiptVerificationResult Verify(ReadOnlySpan<byte> receipt, Groth16VerifyingKey verifyingKey, ValidatorSet validators, ReadOnlySpan<byte> expectedModelCommitment = default, NexuszeroApi? api = null, WeightVisibility? expectedWeights = null)
    {
        ArgumentNullException.ThrowIfNull(verifyingKey);
        ArgumentNullException.ThrowIfNull(validators);
        return InferenceReceipt.TryParse(receipt, out var parsed, out var error)
            ? Verify(parsed!, verifyingKey, validators, expectedModelCommitment, api, expectedWeights)
            : ReceiptVerificationResult.Invalid(ReceiptFailure.Malformed, error!);
    }

    /// <summary>
    /// Verifies a receipt: the model commitment is the pinned one (when given); the certificate is about this
    /// receipt's subject, envelope and explanation; it verifies under the validator set and certifies an accept;
    /// and the envelope proves, under the pinned key, that the committed model maps the receipt's input to its output.
    /// </summary>
    /// <param name="receipt">The parsed receipt.</param>
    /// <param name="verifyingKey">The pinned verifying key of the model's circuit.</param>
    /// <param name="validators">The pinned validator set.</param>
    /// <param name="expectedModelCommitment">The model commitment the receipt must name (public weights: the SHA-256 model commitment; private: the weights commitment's 32 bytes); empty to accept any the key's circuit proves for (public weights: the one it was made for).</param>
    /// <param name="api">The proof verifier; one accepting Groth16's 100-bit level when null.</param>
    /// <param name="expectedWeights">The weights' visibility the key was made for; the receipt's subject must be of that form. Null to take the subject's form (the proof then fails if the key is of the other kind).</param>
    /// <returns>Valid, or the first part that failed and why.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The expected commitment is neither empty nor 32 bytes.</exception>
    public static ReceiptVerificationResult Verify(InferenceReceipt receipt, Groth16VerifyingKey verifyingKey, ValidatorSet validators, ReadOnlySpan<byte> expectedModelCommitment = default, NexuszeroApi? api = null, WeightVisibility? expectedWeights = null)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(verifyingKey);
        ArgumentNullException.ThrowIfNull(validators);
        if (!expectedModelCommitment.IsEmpty && expectedModelCommitment.Length != InferenceSubject.CommitmentSize)
        {
            throw new ArgumentException($"A model commitment is {InferenceSubject.CommitmentSize} bytes; got {expectedModelCommitment.Length}.", nameof(expectedModelCommitment));
        }

        var subject = receipt.Subject;
        if (expectedWeights is WeightVisibility pinned && pinned != subject.Weights)
        {
            return Invalid(ReceiptFailure.StatementMismatch, $"The receipt is about a model with {Describe(subject.Weights)} weights; the pinned key is for {Describe(pinned)} weights.");
        }

        if (!expectedModelCommitment.IsEmpty && !CryptographicOperations.FixedTimeEquals(expectedModelCommitment, subject.ModelCommitment))
        {
            return Invalid(ReceiptFailure.StatementMismatch, $"The receipt is about model {Hex(subject.ModelCommitment)}, not the pinned {Hex(expectedModelCommitment)}.");
        }

        var binding = CheckBindings(receipt);
        if (!binding.IsValid)
        {
            return binding;
        }

        var certificate = CertificateVerifier.Verify(receipt.Certificate, validators, receipt.Certificate.Subject);
        if (!certificate.IsValid)
        {
            return Invalid(ReceiptFailure.Certificate, $"The quorum certificate does not verify ({certificate.Failure}): {certificate.Reason}");
        }

        if (receipt.Certificate.Verdict != Verdict.Accept)
        {
            return Invalid(ReceiptFailure.Certificate, $"The validators certified a rejection (score {receipt.Certificate.AggregateScore}).");
        }

        Statement statement;
        try
        {
            statement = subject.Weights == WeightVisibility.Private
                ? InferenceStatement.BuildPrivate(verifyingKey, subject.Claim)
                : InferenceStatement.Build(verifyingKey, subject.ModelCommitment, subject.Claim);
        }
        catch (ArgumentException ex)
        {
            return Invalid(ReceiptFailure.StatementMismatch, $"The pinned key does not fit the receipt's claim of {subject.Claim.Input.Count} inputs and {subject.Claim.Output.Count} outputs: {ex.Message}");
        }

        var proof = (api ?? DefaultApi.Value).Verify(receipt.Envelope, statement);
        if (proof.IsValid)
        {
            return ReceiptVerificationResult.Valid;
        }

        return proof.Failure == VerificationFailure.StatementMismatch
            ? Invalid(ReceiptFailure.StatementMismatch, $"The proof is not about the receipt's model commitment, input and output under the pinned key: {proof.Reason}")
            : Invalid(ReceiptFailure.Proof, $"The proof envelope does not verify under the pinned key ({proof.Failure}): {proof.Reason}");
    }

    /// <summary>The certificate's subject against the digests of this receipt's own parts, field by field, to name the one that differs.</summary>
    private static ReceiptVerificationResult CheckBindings(InferenceReceipt receipt)
    {
        var local = receipt.ToProposalSubject();
        var signed = receipt.Certificate.Subject;
        if (!string.Equals(local.ModelId, signed.ModelId, StringComparison.Ordinal) || !local.OutputHash.SequenceEqual(signed.OutputHash))
        {
            return Invalid(ReceiptFailure.StatementMismatch, $"The certificate signed another model commitment, input or output (model id '{signed.ModelId}').");
        }

        if (!local.EnvelopeHash.SequenceEqual(signed.EnvelopeHash))
        {
            return Invalid(ReceiptFailure.Proof, $"The certificate signed envelope {Hex(signed.EnvelopeHash)}; the receipt's is {Hex(local.EnvelopeHash)}.");
        }

        if (!local.ExplanationDigest.SequenceEqual(signed.ExplanationDigest))
        {
            return Invalid(ReceiptFailure.ExplanationBinding, $"The explanation's digest is {Hex(local.ExplanationDigest)}; the certificate signed {Hex(signed.ExplanationDigest)}.");
        }

        var outputs = receipt.Subject.Claim.Output.Count;
        if (receipt.Explanation.OutputIndex >= outputs)
        {
            return Invalid(ReceiptFailure.ExplanationBinding, $"The explanation is of output {receipt.Explanation.OutputIndex}; the model has {outputs}.");
        }

        return ReceiptVerificationResult.Valid;
    }

    private static ReceiptVerificationResult Invalid(ReceiptFailure failure, string reason) => ReceiptVerificationResult.Invalid(failure, reason);

    private static string Describe(WeightVisibility weights) => weights == WeightVisibility.Private ? "private" : "public";

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
