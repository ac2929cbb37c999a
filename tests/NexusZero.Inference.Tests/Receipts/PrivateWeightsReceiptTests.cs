using NexusZero.Circuits;
using NexusZero.Consensus.Messages;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Receipts;
using NexusZero.Inference.Tests.Circuits;
using NexusZero.Inference.Tests.Models;
using NexusZero.Pipeline;
using NexusZero.Proofs.Circuits;

namespace NexusZero.Inference.Tests.Receipts;

/// <summary>
/// Receipts for a model with private (committed) weights: the small test MLP's private-weights keys (public and
/// committed input) and its public-weights keys, made once for the class. Honest receipts verify; every receipt that
/// pairs a proof with another weights commitment, output or form is rejected as a statement mismatch.
/// </summary>
[Collection(PrivateWeightsReceiptTests.Collection)]
public sealed class PrivateWeightsReceiptTests(PrivateWeightsReceiptTests.Receipts fixture)
{
    /// <summary>The collection sharing one <see cref="Receipts"/> (these tests and the CLI's).</summary>
    public const string Collection = "private-weights receipts";

    private static readonly NexuszeroApi Api = new(ProtocolConfig.Default() with { SecurityLevel = 100 });

    private static ReceiptFixture F => ReceiptFixture.Instance;

    /// <summary>The keys, one opening of the weights, proofs of one input under each key, and the honest receipts.</summary>
    public sealed class Receipts : IDisposable
    {
        public Receipts()
        {
            Model = InferenceCircuitTests.Quantized("mlp");
            Keys = InferenceCircuitKeys.CreateWithLocalSetup(Model, WeightVisibility.Private);
            CommittedKeys = InferenceCircuitKeys.CreateWithLocalSetup(Model, WeightVisibility.Private, InputVisibility.Committed);
            PublicKeys = InferenceCircuitKeys.CreateWithLocalSetup(Model);
            Opening = PrivateWeightsOpening.Create(Model);
            var input = TestModels.Inputs(1, 4, seed: 41)[0];
            Proof = Api.ProveInference(Keys, input, new InferenceProofOptions { Weights = Opening });
            CommittedProof = Api.ProveInference(CommittedKeys, input, new InferenceProofOptions { Weights = Opening, Input = InputVisibility.Committed });
            PublicProof = Api.ProveInference(PublicKeys, input);
            Receipt = Certify(Keys, InferenceSubject.ForPrivateWeights(Proof.Claim), Proof.ToBytes());
            CommittedReceipt = Certify(CommittedKeys, InferenceSubject.ForPrivateWeights(CommittedProof.Claim), CommittedProof.ToBytes());
        }

        public QuantizedModel Model { get; }

        public InferenceCircuitKeys Keys { get; }

        public InferenceCircuitKeys CommittedKeys { get; }

        public InferenceCircuitKeys PublicKeys { get; }

        public PrivateWeightsOpening Opening { get; }

        public InferenceProof Proof { get; }

        public InferenceProof CommittedProof { get; }

        public InferenceProof PublicProof { get; }

        public InferenceReceipt Receipt { get; }

        public InferenceReceipt CommittedReceipt { get; }

        public void Dispose()
        {
            Opening.Dispose();
            CommittedProof.InputOpening?.Dispose();
        }

        private InferenceReceipt Certify(InferenceCircuitKeys keys, InferenceSubject subject, byte[] envelope)
        {
            var content = InferenceReceipt.ToProposalContent(subject, envelope, F.Explanation);
            var round = F.CertifyHonestly(content, new InferenceProposalEvaluator(keys, Opening.Commitment));
            return new InferenceReceipt(subject, envelope, F.Explanation, round.Certificate ?? throw new InvalidOperationException($"{round.FailureReason}: {round.FailureMessage}"));
        }
    }

    [Fact]
    public void APrivateWeightsReceiptVerifiesAndNamesTheWeightsByTheirCommitmentOnly()
    {
        var bytes = fixture.Receipt.ToBytes();
        var parsed = InferenceReceipt.Parse(bytes);
        var subject = parsed.Subject;
        Assert.Equal(WeightVisibility.Private, subject.Weights);
        Assert.Equal(fixture.Opening.CommitmentBytes(), subject.ModelCommitment.ToArray());
        Assert.StartsWith(InferenceSubject.PrivateModelIdPrefix, subject.ModelId, StringComparison.Ordinal);
        Assert.Equal(-1, subject.ToBytes().AsSpan().IndexOf(fixture.Model.Commitment.Span));

        var key = fixture.Keys.VerifyingKey;
        Assert.Equal(ReceiptVerificationResult.Valid, InferenceReceiptVerifier.Verify(bytes, key, F.Set));
        Assert.Equal(ReceiptVerificationResult.Valid, InferenceReceiptVerifier.Verify(bytes, key, F.Set, fixture.Opening.CommitmentBytes(), expectedWeights: WeightVisibility.Private));
    }

    [Fact]
    public void APrivateWeightsReceiptOfACommittedInputVerifies()
    {
        var bytes = fixture.CommittedReceipt.ToBytes();
        var subject = InferenceReceipt.Parse(bytes).Subject;
        Assert.Equal(WeightVisibility.Private, subject.Weights);
        Assert.True(subject.IsInputCommitted);
        Assert.Empty(subject.Claim.Input);
        Assert.Equal(ReceiptVerificationResult.Valid, InferenceReceiptVerifier.Verify(bytes, fixture.CommittedKeys.VerifyingKey, F.Set, fixture.Opening.CommitmentBytes(), expectedWeights: WeightVisibility.Private));

        // The public-input private key does not verify it.
        Assert.Equal(ReceiptFailure.StatementMismatch, InferenceReceiptVerifier.Verify(bytes, fixture.Keys.VerifyingKey, F.Set).Failure);
    }

    [Fact]
    public void AnotherWeightsCommitmentIsRejected()
    {
        // Pinned to another commitment: the same weights under a fresh blinding are, to the verifier, another model.
        using var reblinded = PrivateWeightsOpening.Create(fixture.Model);
        var pinned = InferenceReceiptVerifier.Verify(fixture.Receipt, fixture.Keys.VerifyingKey, F.Set, reblinded.CommitmentBytes());
        Assert.Equal(ReceiptFailure.StatementMismatch, pinned.Failure);
        Assert.Contains("not the pinned", pinned.Reason, StringComparison.Ordinal);

        // A certified subject naming another W over the honest proof: the proof is not about it.
        var claim = fixture.Proof.Claim with { WeightsCommitment = reblinded.Commitment };
        var stamped = F.Stamped(InferenceSubject.ForPrivateWeights(claim), fixture.Proof.ToBytes(), F.Explanation);
        AssertProofIsNotAbout(stamped, fixture.Keys);
    }

    [Fact]
    public void AChangedOutputIsRejected()
    {
        var claim = fixture.Proof.Claim;
        var stamped = F.Stamped(InferenceSubject.ForPrivateWeights(claim with { Output = [claim.Output[0] + 1, .. claim.Output.Skip(1)] }), fixture.Proof.ToBytes(), F.Explanation);
        AssertProofIsNotAbout(stamped, fixture.Keys, fixture.Opening.CommitmentBytes(), WeightVisibility.Private);
    }

    [Fact]
    public void APublicFormReceiptOverAPrivateProofIsRejected()
    {
        // The private proof, certified as an inference of the public model (its SHA-256 commitment, no weights commitment).
        var claim = fixture.Proof.Claim with { WeightsCommitment = null };
        var stamped = F.Stamped(new InferenceSubject(fixture.Model.Commitment.Span, claim), fixture.Proof.ToBytes(), F.Explanation);
        AssertProofIsNotAbout(stamped, fixture.Keys);
        AssertProofIsNotAbout(stamped, fixture.PublicKeys);

        // A verifier that pinned the private kind says so before any proof check.
        var pinned = InferenceReceiptVerifier.Verify(stamped, fixture.Keys.VerifyingKey, F.Set, expectedWeights: WeightVisibility.Private);
        Assert.Equal(ReceiptFailure.StatementMismatch, pinned.Failure);
        Assert.Contains("with public weights; the pinned key is for private weights", pinned.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void APrivateFormReceiptOverAPublicProofIsRejected()
    {
        // The public proof, certified as an inference by the private model (the honest W, the public proof's claim).
        var claim = fixture.PublicProof.Claim with { WeightsCommitment = fixture.Opening.Commitment };
        var stamped = F.Stamped(InferenceSubject.ForPrivateWeights(claim), fixture.PublicProof.ToBytes(), F.Explanation);
        AssertProofIsNotAbout(stamped, fixture.Keys);
        AssertProofIsNotAbout(stamped, fixture.PublicKeys);

        var pinned = InferenceReceiptVerifier.Verify(stamped, fixture.PublicKeys.VerifyingKey, F.Set, expectedWeights: WeightVisibility.Public);
        Assert.Equal(ReceiptFailure.StatementMismatch, pinned.Failure);
        Assert.Contains("with private weights; the pinned key is for public weights", pinned.Reason, StringComparison.Ordinal);

        // And the honest public receipt's form is refused by a verifier pinned to private weights.
        var honest = F.Stamped(new InferenceSubject(fixture.Model.Commitment.Span, fixture.PublicProof.Claim), fixture.PublicProof.ToBytes(), F.Explanation);
        Assert.Equal(ReceiptVerificationResult.Valid, InferenceReceiptVerifier.Verify(honest, fixture.PublicKeys.VerifyingKey, F.Set, expectedWeights: WeightVisibility.Public));
        Assert.Equal(ReceiptFailure.StatementMismatch, InferenceReceiptVerifier.Verify(honest, fixture.PublicKeys.VerifyingKey, F.Set, expectedWeights: WeightVisibility.Private).Failure);
    }

    [Fact]
    public void TheWeightsTagIsPartOfTheStatement()
    {
        // The receipt verifier builds the keys' statement; the honest proof is about it and about nothing with the tag changed or missing.
        var claim = fixture.Proof.Claim;
        var statement = InferenceStatement.BuildPrivate(fixture.Keys.VerifyingKey, claim);
        Assert.Equal(fixture.Keys.Statement(claim).PublicInputs, statement.PublicInputs);
        var at = claim.Output.Count + 1;
        Assert.Equal(WeightsCommitment.Tag, statement.PublicInputs[at]);
        Assert.Equal(claim.WeightsCommitment, statement.PublicInputs[at + 1]);
        var envelope = fixture.Proof.ToBytes();
        Assert.True(Api.Verify(envelope, statement).IsValid);

        var changed = statement.PublicInputs.ToArray();
        changed[at] += FieldElement.One;
        Assert.False(Api.Verify(envelope, new CircuitStatement(fixture.Keys.VerifyingKey, changed)).IsValid);
        // Without the tag (the layout before it) the values do not even fit the key.
        var missing = statement.PublicInputs.Where((_, i) => i != at).ToArray();
        Assert.Throws<ArgumentException>(() => new CircuitStatement(fixture.Keys.VerifyingKey, missing));
        Assert.Throws<ArgumentException>(() => InferenceStatement.BuildPrivate(fixture.Keys.VerifyingKey, claim with { WeightsCommitment = null }));
        Assert.Throws<ArgumentException>(() => InferenceStatement.Build(fixture.Keys.VerifyingKey, fixture.Model.Commitment.Span, claim));
    }

    [Fact]
    public async Task TheProposalEvaluatorPinsTheFormAndTheWeightsCommitment()
    {
        var privateEvaluator = new InferenceProposalEvaluator(fixture.Keys, fixture.Opening.Commitment);
        var publicEvaluator = new InferenceProposalEvaluator(fixture.PublicKeys);
        var honest = InferenceReceipt.ToProposalContent(InferenceSubject.ForPrivateWeights(fixture.Proof.Claim), fixture.Proof.ToBytes(), F.Explanation);
        Assert.Equal(Verdict.Accept, (await Evaluate(privateEvaluator, honest)).Verdict);

        var publicForm = InferenceReceipt.ToProposalContent(new InferenceSubject(fixture.Opening.CommitmentBytes(), fixture.Proof.Claim with { WeightsCommitment = null }), fixture.Proof.ToBytes(), F.Explanation);
        Assert.Contains("with public weights; this validator pinned private weights", await Rejected(privateEvaluator, publicForm), StringComparison.Ordinal);
        Assert.Contains("with private weights; this validator pinned public weights", await Rejected(publicEvaluator, honest), StringComparison.Ordinal);

        using var reblinded = PrivateWeightsOpening.Create(fixture.Model);
        var otherWeights = InferenceReceipt.ToProposalContent(InferenceSubject.ForPrivateWeights(fixture.Proof.Claim with { WeightsCommitment = reblinded.Commitment }), fixture.Proof.ToBytes(), F.Explanation);
        Assert.Contains("not this validator's", await Rejected(privateEvaluator, otherWeights), StringComparison.Ordinal);
        Assert.Contains("proof envelope rejected (StatementMismatch)", await Rejected(new InferenceProposalEvaluator(fixture.Keys, reblinded.Commitment), otherWeights), StringComparison.Ordinal);

        // Each constructor takes only its kind of keys, and a private pin is a canonical element.
        Assert.Throws<ArgumentException>(() => new InferenceProposalEvaluator(fixture.Keys));
        Assert.Throws<ArgumentException>(() => new InferenceProposalEvaluator(fixture.PublicKeys, fixture.Opening.Commitment));
        Assert.Throws<ArgumentException>(() => new InferenceProposalEvaluator(fixture.Keys.VerifyingKey, Enumerable.Repeat((byte)0xFF, 32).ToArray(), WeightVisibility.Private));
    }

    /// <summary>Makes xunit build <see cref="Receipts"/> once for every class in <see cref="Collection"/>.</summary>
    [CollectionDefinition(Collection)]
    public sealed class Definition : ICollectionFixture<Receipts>
    {
    }

    // The receipt is certified, so only the proof check can catch it: the proof is not about the certified subject.
    private static void AssertProofIsNotAbout(InferenceReceipt receipt, InferenceCircuitKeys keys, byte[]? pinnedCommitment = null, WeightVisibility? expectedWeights = null)
    {
        var result = InferenceReceiptVerifier.Verify(receipt, keys.VerifyingKey, F.Set, pinnedCommitment, expectedWeights: expectedWeights);
        Assert.Equal(ReceiptFailure.StatementMismatch, result.Failure);
        Assert.Contains("The proof is not about", result.Reason, StringComparison.Ordinal);
    }

    private static async Task<string> Rejected(InferenceProposalEvaluator evaluator, ProposalContent content)
    {
        var assessment = await Evaluate(evaluator, content);
        Assert.Equal(Verdict.Reject, assessment.Verdict);
        return Assert.Single(assessment.Reasons);
    }

    private static async Task<Consensus.Evaluation.QualityAssessment> Evaluate(InferenceProposalEvaluator evaluator, ProposalContent content)
    {
        var proposal = new Proposal(F.Set.SetId, content.ToSubject(), 1, DateTimeOffset.UtcNow.AddMinutes(1));
        return await evaluator.EvaluateAsync(proposal, content, CancellationToken.None);
    }
}
