using NexusZero.Circuits;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;
using NexusZero.Inference.Tests.Models;
using NexusZero.Pipeline;

namespace NexusZero.Inference.Tests.Receipts;

/// <summary>A receipt for a committed input (the Wine MLP, test row 0): it verifies offline and carries no input values.</summary>
public sealed class CommittedInputReceiptTests
{
    private static readonly Lazy<(InferenceCircuitKeys Keys, InferenceProof Proof, InferenceReceipt Receipt)> Shared = new(() =>
    {
        var f = ReceiptFixture.Instance;
        var keys = InferenceCircuitKeys.CreateWithLocalSetup(f.Model, WeightVisibility.Public, InputVisibility.Committed);
        var proof = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 }).ProveInference(keys, WineMlp.Instance.TestInputs[0], new InferenceProofOptions { Input = InputVisibility.Committed });
        var subject = new InferenceSubject(f.Model.Commitment.Span, proof.Claim);
        var content = InferenceReceipt.ToProposalContent(subject, proof.ToBytes(), f.Explanation);
        return (keys, proof, new InferenceReceipt(subject, proof.ToBytes(), f.Explanation, f.CertifyHonestly(content, keys).Certificate!));
    });

    private static ReceiptFixture F => ReceiptFixture.Instance;

    [Fact]
    public void ACommittedInputReceiptVerifiesAndHoldsTheCommitmentNotTheInput()
    {
        var (keys, proof, receipt) = Shared.Value;
        var bytes = receipt.ToBytes();
        var parsed = InferenceReceipt.Parse(bytes);
        Assert.True(parsed.Subject.IsInputCommitted);
        Assert.Empty(parsed.Subject.Claim.Input);
        Assert.Equal(proof.InputOpening!.CommitmentBytes(), parsed.Subject.InputCommitment.ToArray());
        Assert.Equal(ReceiptVerificationResult.Valid, InferenceReceiptVerifier.Verify(bytes, keys.VerifyingKey, F.Set, F.Model.Commitment.Span));

        // Structural: none of the quantized input's 8-byte encodings appears in the subject.
        var subjectBytes = parsed.Subject.ToBytes();
        foreach (var x in F.Model.QuantizeInput(WineMlp.Instance.TestInputs[0]).Where(v => Math.Abs(v) > 255))
        {
            var encoded = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(encoded, x);
            Assert.Equal(-1, subjectBytes.AsSpan().IndexOf(encoded));
        }

        // The public-input key does not verify it, and another commitment under a genuine-looking certificate is a mismatch.
        Assert.Equal(ReceiptFailure.StatementMismatch, InferenceReceiptVerifier.Verify(bytes, F.Keys.VerifyingKey, F.Set).Failure);
        var other = new InferenceSubject(F.Model.Commitment.Span, proof.Claim with { InputCommitment = proof.Claim.InputCommitment + FieldElement.One });
        var stamped = F.Stamped(other, proof.ToBytes(), F.Explanation);
        Assert.Equal(ReceiptFailure.StatementMismatch, InferenceReceiptVerifier.Verify(stamped, keys.VerifyingKey, F.Set).Failure);
    }
}
