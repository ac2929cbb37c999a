using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;

namespace NexusZero.Inference.Tests.Receipts;

/// <summary>The offline verifier: an honest receipt verifies; each kind of forgery is rejected and named.</summary>
public sealed class InferenceReceiptTests
{
    private static ReceiptFixture F => ReceiptFixture.Instance;

    [Fact]
    public void AnHonestReceiptVerifiesAndItsEncodingRoundTrips()
    {
        var bytes = F.Receipt.ToBytes();
        var parsed = InferenceReceipt.Parse(bytes);
        Assert.Equal(bytes, parsed.ToBytes());
        Assert.True(parsed.Subject.SameAs(F.Subject));
        Assert.Equal(ReceiptVerificationResult.Valid, F.Verify(parsed));
        Assert.Equal(ReceiptVerificationResult.Valid, InferenceReceiptVerifier.Verify(bytes, F.Keys.VerifyingKey, F.Set, F.Model.Commitment.Span));
        Assert.Equal(Verdict.Accept, parsed.Certificate.Verdict);
        Assert.Equal(F.Subject.ModelId, parsed.Certificate.Subject.ModelId);
    }

    [Fact]
    public void APinnedModelCommitmentOtherThanTheReceiptsIsAStatementMismatch()
    {
        var other = F.Model.Commitment.ToArray();
        other[5] ^= 1;
        var result = InferenceReceiptVerifier.Verify(F.Receipt, F.Keys.VerifyingKey, F.Set, other);
        Assert.Equal(ReceiptFailure.StatementMismatch, result.Failure);
        Assert.Throws<ArgumentException>(() => InferenceReceiptVerifier.Verify(F.Receipt, F.Keys.VerifyingKey, F.Set, new byte[31]));
    }

    public static TheoryData<string> Tampering => ["output", "input", "argmax", "model commitment"];

    /// <summary>
    /// The certificate is genuine for the receipt's parts (the validators stamped them), but the proof is about
    /// another output, input or model: only the proof check can notice, and it must.
    /// </summary>
    [Theory]
    [MemberData(nameof(Tampering))]
    public void AProofOfAnotherInferenceIsAStatementMismatchEvenUnderAGenuineCertificate(string what)
    {
        var subject = Tamper(F.Subject, what);
        var receipt = F.Stamped(subject, F.Proof.ToBytes(), F.Explanation);
        Assert.True(CertificateVerifier.Verify(receipt.Certificate, F.Set).IsValid);
        var result = F.Verify(receipt);
        Assert.Equal(ReceiptFailure.StatementMismatch, result.Failure);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    /// <summary>Honest validators, which check the proof against their pinned key, certify a rejection of the same content.</summary>
    [Theory]
    [MemberData(nameof(Tampering))]
    public void HonestValidatorsRejectAProposalWhoseProofIsOfAnotherInference(string what)
    {
        var subject = Tamper(F.Subject, what);
        var round = F.CertifyHonestly(InferenceReceipt.ToProposalContent(subject, F.Proof.ToBytes(), F.Explanation));
        Assert.True(round.IsFinalized);
        Assert.Equal(Verdict.Reject, round.Certificate!.Verdict);
        var receipt = new InferenceReceipt(subject, F.Proof.ToBytes(), F.Explanation, round.Certificate);
        Assert.Equal(ReceiptFailure.Certificate, F.Verify(receipt).Failure);
    }

    [Fact]
    public void AnotherProofOfTheSameModelUnderTheOriginalsSubjectIsAStatementMismatch()
    {
        // The envelope proves test row 1; the receipt claims row 0's input and output; the certificate covers both as shown.
        var receipt = F.Stamped(F.Subject, F.OtherProof.ToBytes(), F.Explanation);
        Assert.Equal(ReceiptFailure.StatementMismatch, F.Verify(receipt).Failure);
    }

    [Fact]
    public void AnEnvelopeOtherThanTheOneTheCertificateSignedIsAProofFailure()
    {
        var receipt = new InferenceReceipt(F.Subject, F.OtherProof.ToBytes(), F.Explanation, F.Receipt.Certificate);
        var result = F.Verify(receipt);
        Assert.Equal(ReceiptFailure.Proof, result.Failure);
        Assert.Contains("envelope", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnvelopeThatDoesNotVerifyIsAProofFailure()
    {
        // A rubber-stamped receipt around a corrupted proof: bindings and certificate hold, the pairing check fails.
        var envelope = F.Proof.ToBytes();
        envelope[^40] ^= 0x01;
        var result = F.Verify(F.Stamped(F.Subject, envelope, F.Explanation));
        Assert.True(result.Failure is ReceiptFailure.Proof, result.ToString());
    }

    [Fact]
    public void AVerifyingKeyOfAnotherModelIsRejected()
    {
        var otherModel = NexusZero.Inference.Quantization.ModelQuantizer.Quantize(NexusZero.Inference.Import.OnnxModelImporter.Import(Models.TestModels.Mlp()));
        var otherKeys = InferenceCircuitKeys.CreateWithLocalSetup(otherModel);
        var result = InferenceReceiptVerifier.Verify(F.Receipt, otherKeys.VerifyingKey, F.Set);
        Assert.Equal(ReceiptFailure.StatementMismatch, result.Failure);
    }

    public static TheoryData<string> ExplanationChanges => ["value", "method", "metric"];

    [Theory]
    [MemberData(nameof(ExplanationChanges))]
    public void AnExplanationWhoseDigestDiffersFromTheSignedOneIsAnExplanationBindingFailure(string what)
    {
        var changed = what switch
        {
            "value" => ReceiptFixture.MakeExplanation(0.2500001),
            "method" => ReceiptFixture.MakeExplanation(0.25, method: "lime"),
            _ => ReceiptFixture.MakeExplanation(0.25, efficiency: 0.5),
        };
        Assert.NotEqual(F.Explanation.Digest, changed.Digest);
        var receipt = new InferenceReceipt(F.Subject, F.Proof.ToBytes(), changed, F.Receipt.Certificate);
        Assert.Equal(ReceiptFailure.ExplanationBinding, F.Verify(receipt).Failure);
    }

    [Fact]
    public void AnExplanationOfAnOutputTheModelDoesNotHaveIsAnExplanationBindingFailure()
    {
        var explanation = new ReceiptExplanation("shap-kernel", 3, 0, ["a"], [1.0]);
        Assert.Equal(ReceiptFailure.ExplanationBinding, F.Verify(F.Stamped(F.Subject, F.Proof.ToBytes(), explanation)).Failure);
    }

    [Fact]
    public void ACertificateByNonMembersIsACertificateFailure()
    {
        using var a = SignatureSchemes.Default.GenerateKey();
        using var b = SignatureSchemes.Default.GenerateKey();
        var strangers = ValidatorSet.Create(1, SignatureSchemes.Default, [new ValidatorMember("v0", a.PublicKey.Span), new ValidatorMember("v1", b.PublicKey.Span)]);
        var result = InferenceReceiptVerifier.Verify(F.Receipt, F.Keys.VerifyingKey, strangers);
        Assert.Equal(ReceiptFailure.Certificate, result.Failure);
        Assert.Contains(nameof(CertificateFailure.WrongValidatorSet), result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ACertificateBelowQuorumIsACertificateFailure()
    {
        var c = F.Receipt.Certificate;
        var twoVotes = new QuorumCertificate(c.Scheme, c.SetId, c.Subject, c.Round, c.Verdict, c.AggregateScore, c.Votes.Take(2), c.CommitSignatures);
        var twoCommits = new QuorumCertificate(c.Scheme, c.SetId, c.Subject, c.Round, c.Verdict, c.AggregateScore, c.Votes, c.CommitSignatures.Take(2));
        foreach (var (certificate, failure) in new[] { (twoVotes, CertificateFailure.InsufficientVotes), (twoCommits, CertificateFailure.InsufficientCommitSignatures) })
        {
            var receipt = InferenceReceipt.Parse(new InferenceReceipt(F.Subject, F.Proof.ToBytes(), F.Explanation, certificate).ToBytes());
            var result = F.Verify(receipt);
            Assert.Equal(ReceiptFailure.Certificate, result.Failure);
            Assert.Contains(failure.ToString(), result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryChangedByteIsRejectedOrFailsToParse()
    {
        var bytes = F.Receipt.ToBytes();
        var outcomes = new Dictionary<ReceiptFailure, int>();
        for (var i = 0; i < bytes.Length; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 0x01;
            var result = InferenceReceiptVerifier.Verify(copy, F.Keys.VerifyingKey, F.Set);
            Assert.False(result.IsValid, $"byte {i} of {bytes.Length}");
            Assert.False(string.IsNullOrWhiteSpace(result.Reason), $"byte {i}");
            outcomes[result.Failure] = outcomes.GetValueOrDefault(result.Failure) + 1;
        }

        // Each part's bytes fail as that part: all five kinds occur.
        foreach (var kind in new[] { ReceiptFailure.Malformed, ReceiptFailure.Proof, ReceiptFailure.StatementMismatch, ReceiptFailure.ExplanationBinding, ReceiptFailure.Certificate })
        {
            Assert.True(outcomes.ContainsKey(kind), $"no flip gave {kind}: {string.Join(", ", outcomes)}");
        }
    }

    [Fact]
    public void EveryTruncationAndAnAppendedByteFailToParse()
    {
        var bytes = F.Receipt.ToBytes();
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(InferenceReceipt.TryParse(bytes.AsSpan(0, length), out _, out var error), $"length {length}");
            Assert.False(string.IsNullOrEmpty(error));
        }

        var longer = new byte[bytes.Length + 1];
        bytes.CopyTo(longer, 0);
        var exception = Assert.Throws<FormatException>(() => InferenceReceipt.Parse(longer));
        Assert.Contains("trailing", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("envelope")]
    [InlineData("explanation")]
    [InlineData("certificate")]
    public void AnOversizedLengthIsRefusedByNameBeforeAnythingIsTaken(string part)
    {
        var bytes = F.Receipt.ToBytes();
        var offset = OffsetOfLength(bytes, part);
        bytes[offset] = 0x7f;
        var exception = Assert.Throws<FormatException>(() => InferenceReceipt.Parse(bytes));
        Assert.StartsWith($"{part}: length", exception.Message, StringComparison.Ordinal);
        Assert.Contains("outside", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInputCountBeyondTheBytesIsRefusedBeforeAllocating()
    {
        var subject = F.Subject.ToBytes();
        var countAt = 1 + "NexusZero/inference/subject/v1".Length + 32;
        subject[countAt] = 0xff;
        subject[countAt + 1] = 0xff;
        var exception = Assert.Throws<FormatException>(() => InferenceSubject.Parse(subject));
        Assert.Contains("input: 65535 values need", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoadReadsAtMostTheLimit()
    {
        var exception = Assert.Throws<FormatException>(() => InferenceReceipt.Load("/dev/zero"));
        Assert.Contains("receipt file", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MisuseThrowsAndMalformedBytesAreAResult()
    {
        Assert.Throws<ArgumentNullException>(() => InferenceReceiptVerifier.Verify((InferenceReceipt)null!, F.Keys.VerifyingKey, F.Set));
        Assert.Throws<ArgumentNullException>(() => InferenceReceiptVerifier.Verify(F.Receipt, null!, F.Set));
        var result = InferenceReceiptVerifier.Verify("NZIR"u8, F.Keys.VerifyingKey, F.Set);
        Assert.Equal(ReceiptFailure.Malformed, result.Failure);
        Assert.Contains("version", result.Reason, StringComparison.Ordinal);
    }

    private static InferenceSubject Tamper(InferenceSubject subject, string what)
    {
        var claim = subject.Claim;
        var commitment = subject.ModelCommitment.ToArray();
        switch (what)
        {
            case "output":
                return new InferenceSubject(commitment, claim with { Output = [claim.Output[0] + 1, .. claim.Output.Skip(1)] });
            case "input":
                return new InferenceSubject(commitment, claim with { Input = [claim.Input[0] + 1, .. claim.Input.Skip(1)] });
            case "argmax":
                return new InferenceSubject(commitment, claim with { ArgMax = (claim.ArgMax + 1) % claim.Output.Count });
            default:
                commitment[0] ^= 0x80;
                return new InferenceSubject(commitment, claim);
        }
    }

    /// <summary>Where the u32 length of a part starts: after the magic, the version and the parts before it.</summary>
    private static int OffsetOfLength(byte[] bytes, string part)
    {
        var offset = 5;
        foreach (var name in new[] { "subject", "envelope", "explanation", "certificate" })
        {
            if (name == part)
            {
                return offset;
            }

            offset += 4 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
            if (name == "explanation")
            {
                // The metrics follow the explanation: a u16 count, then (name, value) pairs.
                var count = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset));
                offset += 2;
                for (var i = 0; i < count; i++)
                {
                    offset += 1 + bytes[offset] + 8;
                }
            }
        }

        throw new ArgumentException(part);
    }
}
