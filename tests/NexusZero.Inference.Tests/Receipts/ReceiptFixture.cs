using NexusZero.Consensus;
using NexusZero.Consensus.Certificates;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Messages;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;
using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Receipts;
using NexusZero.Inference.Tests.Models;
using NexusZero.Pipeline;

namespace NexusZero.Inference.Tests.Receipts;

/// <summary>
/// The Wine MLP's keys, two proofs (test rows 0 and 1), a fixed explanation and four P-256 validators. Rounds run
/// either with honest validators (the inference evaluator pinned to the model) or with rubber-stamping ones, which
/// certify whatever they are shown: that isolates the offline verifier, which must not trust the certificate alone.
/// </summary>
internal sealed class ReceiptFixture
{
    private static readonly Lazy<ReceiptFixture> Shared = new(() => new ReceiptFixture());

    private readonly byte[][] _privateKeys;

    private ReceiptFixture()
    {
        var wine = WineMlp.Instance;
        Model = ModelQuantizer.Quantize(OnnxModelImporter.Import(wine.Onnx));
        Keys = InferenceCircuitKeys.CreateWithLocalSetup(Model);
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
        Proof = api.ProveInference(Keys, wine.TestInputs[0]);
        OtherProof = api.ProveInference(Keys, wine.TestInputs[1]);
        Subject = new InferenceSubject(Model.Commitment.Span, Proof.Claim);
        Explanation = MakeExplanation(0.25);
        var scheme = SignatureSchemes.Default;
        var keys = Enumerable.Range(0, 4).Select(_ => scheme.GenerateKey()).ToArray();
        _privateKeys = [.. keys.Select(k =>
        {
            var d = new byte[scheme.PrivateKeySize];
            k.ExportPrivateKey(d);
            return d;
        })];
        Set = ValidatorSet.Create(1, scheme, keys.Select((k, i) => new ValidatorMember($"v{i}", k.PublicKey.Span)));
        foreach (var key in keys)
        {
            key.Dispose();
        }

        Receipt = new InferenceReceipt(Subject, Proof.ToBytes(), Explanation, CertifyHonestly(InferenceReceipt.ToProposalContent(Subject, Proof.ToBytes(), Explanation)).Certificate!);
    }

    public static ReceiptFixture Instance => Shared.Value;

    public QuantizedModel Model { get; }

    public InferenceCircuitKeys Keys { get; }

    public InferenceProof Proof { get; }

    public InferenceProof OtherProof { get; }

    public InferenceSubject Subject { get; }

    public ReceiptExplanation Explanation { get; }

    public ValidatorSet Set { get; }

    /// <summary>An honest receipt: honest validators certified it.</summary>
    public InferenceReceipt Receipt { get; }

    public static ReceiptExplanation MakeExplanation(double first, string method = "shap-kernel", double efficiency = 1.0) =>
        new(method, 2, 0.34, [.. Enumerable.Range(0, 13).Select(i => $"f{i}")], [first, .. Enumerable.Range(1, 12).Select(i => i / 100.0)], new Dictionary<string, double> { ["efficiency"] = efficiency });

    /// <summary>A round with validators that check the proof against the pinned key.</summary>
    public ConsensusResult CertifyHonestly(ProposalContent content) => Run(content, new InferenceProposalEvaluator(Keys));

    /// <summary>A certificate from validators that accept anything: signatures valid, judgement absent.</summary>
    public QuorumCertificate RubberStamp(ProposalContent content) => Run(content, new AcceptEverything()).Certificate!;

    /// <summary>A receipt whose certificate the rubber-stampers made for exactly these parts.</summary>
    public InferenceReceipt Stamped(InferenceSubject subject, byte[] envelope, ReceiptExplanation explanation) =>
        new(subject, envelope, explanation, RubberStamp(InferenceReceipt.ToProposalContent(subject, envelope, explanation)));

    /// <summary>A round with honest validators pinned to other keys (the committed-input keys).</summary>
    public ConsensusResult CertifyHonestly(ProposalContent content, InferenceCircuitKeys keys) => Run(content, new InferenceProposalEvaluator(keys));

    /// <summary>A round with honest validators running <paramref name="evaluator"/> (the private-weights evaluator, pinned to a weights commitment).</summary>
    public ConsensusResult CertifyHonestly(ProposalContent content, IQualityEvaluator evaluator) => Run(content, evaluator);

    public ReceiptVerificationResult Verify(InferenceReceipt receipt) => InferenceReceiptVerifier.Verify(receipt, Keys.VerifyingKey, Set);

    private ConsensusResult Run(ProposalContent content, IQualityEvaluator evaluator)
    {
        var scheme = SignatureSchemes.Default;
        var validators = Set.Members.Select((m, i) => new Validator(Set, m.Id, scheme.ImportPrivateKey(_privateKeys[i]), [evaluator])).ToArray();
        try
        {
            return new InProcessConsensusClient(Set, validators).ProposeAsync(content).GetAwaiter().GetResult();
        }
        finally
        {
            foreach (var validator in validators)
            {
                validator.Dispose();
            }
        }
    }

    private sealed class AcceptEverything : IQualityEvaluator
    {
        public string Name => "accept-everything";

        public ValueTask<QualityAssessment> EvaluateAsync(Proposal proposal, ProposalContent content, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new QualityAssessment(1, Verdict.Accept, ["stamped"]));
    }
}
