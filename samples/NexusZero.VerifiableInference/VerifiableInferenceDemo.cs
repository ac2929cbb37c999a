using System.Diagnostics;
using System.Globalization;
using System.Text;
using NexusZero.Consensus;
using NexusZero.Consensus.Evaluation;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Quality;
using NexusZero.Explainability.Shap;
using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Receipts;
using NexusZero.Inference.Runtime;
using NexusZero.Pipeline;
using NexusZero.Proofs.Groth16;

namespace NexusZero.VerifiableInference;

/// <summary>The files the sample wrote and the offline verdict on them.</summary>
/// <param name="ReceiptPath">The receipt.</param>
/// <param name="VerifyingKeyPath">The model circuit's verification_key.json.</param>
/// <param name="ValidatorsPath">The validator-set file.</param>
/// <param name="Verification">The offline verification of the receipt read back from the files.</param>
/// <param name="ModelCommitment">The commitment that names the model: its SHA-256 commitment, or with private weights the weights commitment (32 bytes each).</param>
public sealed record DemoRun(string ReceiptPath, string VerifyingKeyPath, string ValidatorsPath, ReceiptVerificationResult Verification, byte[] ModelCommitment);

/// <summary>
/// The verifiable-inference flow end to end: import and quantize the ONNX model, make its circuit keys (local setup),
/// prove one inference, explain it with Kernel SHAP, run a round with four in-process validators that check the
/// proof against their pinned key and the explanation's quality, assemble the receipt, write it, and verify it
/// offline from the written files. With private weights the keys fix only the model's architecture, the proof carries
/// a fresh Poseidon commitment to the weights, and that commitment (published by the owner) is what the validators
/// and the offline verifier pin.
/// </summary>
public static class VerifiableInferenceDemo
{
    /// <summary>Runs the flow, printing each step's result, size and time.</summary>
    /// <param name="output">Where the report goes.</param>
    /// <param name="outputDirectory">Where the receipt, key and validator set are written (created if missing).</param>
    /// <param name="weights">Whether the model's weights are public (the key pins them) or private (committed).</param>
    /// <returns>The written files and the offline verdict.</returns>
    public static async Task<DemoRun> RunAsync(TextWriter output, string outputDirectory, WeightVisibility weights = WeightVisibility.Public)
    {
        ArgumentNullException.ThrowIfNull(output);
        Directory.CreateDirectory(outputDirectory);
        var clock = Stopwatch.StartNew();
        string Took() => string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMilliseconds,8:F0} ms");

        var onnx = SampleData.Model();
        var (names, background) = SampleData.Background();
        var (_, instances) = SampleData.Instances();
        var instance = instances[0];
        var model = ModelQuantizer.Quantize(OnnxModelImporter.Import(onnx));
        output.WriteLine($"import+quantize {Took()}  model {onnx.Length} bytes ONNX, {model.Source.InputSize} → {model.Source.OutputSize}, commitment {Hex(model.Commitment.Span)}");

        clock.Restart();
        var keys = InferenceCircuitKeys.CreateWithLocalSetup(model, weights);
        var verifyingKeyJson = Encoding.UTF8.GetBytes(SnarkjsJson.WriteVerifyingKey(keys.VerifyingKey));
        output.WriteLine($"local setup     {Took()}  {keys.ConstraintCount} constraints ({weights.ToString().ToLowerInvariant()} weights), verifying key {verifyingKeyJson.Length} bytes JSON");

        clock.Restart();
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
        using var opening = weights == WeightVisibility.Private ? PrivateWeightsOpening.Create(model) : null;
        using var reference = new OnnxReferenceModel(onnx);
        var proof = api.ProveInference(keys, instance, new InferenceProofOptions { Context = "verifiable-inference sample"u8.ToArray(), Weights = opening, Reference = reference });
        var envelope = proof.ToBytes();
        var subject = InferenceSubject.For(model.Commitment.Span, proof.Claim);
        var modelCommitment = subject.ModelCommitment.ToArray();
        var predicted = proof.Claim.ArgMax ?? 0;
        output.WriteLine($"prove           {Took()}  class {predicted}, envelope {envelope.Length} bytes, input commitment {Hex(subject.InputCommitment.Span)}{(opening is null ? "" : $", weights commitment {Hex(modelCommitment)}")}");
        var error = proof.Quantization;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quantization    max |dequantized − ONNX Runtime| {error.MaxAbsoluteError:G3} (probabilities), argmax {(error.ArgMaxAgreement == 1 ? "agrees" : "differs")}; import vs ONNX Runtime {error.ImportMaxAbsoluteError:G3}"));

        clock.Restart();
        using var explained = new OnnxBatchModel(onnx);
        var shap = new KernelShapExplainer(explained, BackgroundData.FromRows(background), new KernelShapOptions { Seed = 7, Budget = 512, BootstrapReplicates = 0, FeatureNames = names });
        var explanation = shap.Explain([instance]);

        // Kernel SHAP solves the efficiency constraint exactly, so base + Σφ reproduces the explained probability.
        var residual = ExplanationQuality.EfficiencyResidual(explanation, explained);
        var metrics = new Dictionary<string, double> { ["efficiency"] = 1 - Math.Min(1, residual) };
        var receiptExplanation = ReceiptExplanation.From(explanation, row: 0, output: predicted, metrics);
        var top = Enumerable.Range(0, receiptExplanation.Values.Count).OrderByDescending(f => Math.Abs(receiptExplanation.Values[f])).Take(3)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{names[f]} {receiptExplanation.Values[f]:+0.000;-0.000}"));
        output.WriteLine($"explain         {Took()}  {explanation.Method} of P(class {predicted}): {string.Join(", ", top)}; efficiency residual {residual:E1}");

        clock.Restart();
        var signers = Enumerable.Range(1, 4).Select(_ => SignatureSchemes.Default.GenerateKey()).ToArray();
        var set = ValidatorSet.Create(1, SignatureSchemes.Default, signers.Select((k, i) => new ValidatorMember($"validator-{i + 1}", k.PublicKey.Span)));
        var validators = signers.Select((k, i) => new Validator(set, $"validator-{i + 1}", k, [
            new InferenceProposalEvaluator(keys.VerifyingKey, modelCommitment, weights),
            new ExplanationQualityEvaluator(new Dictionary<string, double> { ["efficiency"] = 0.99 }),
        ])).ToArray();
        ConsensusResult round;
        try
        {
            var client = new InProcessConsensusClient(set, validators);
            round = await client.ProposeAsync(InferenceReceipt.ToProposalContent(subject, envelope, receiptExplanation)).ConfigureAwait(false);
        }
        finally
        {
            foreach (var validator in validators)
            {
                validator.Dispose();
            }
        }

        if (round.Certificate is not { } certificate)
        {
            throw new InvalidOperationException($"The round failed ({round.FailureReason}): {round.FailureMessage}");
        }

        output.WriteLine($"consensus       {Took()}  {certificate.Verdict.ToString().ToLowerInvariant()} by {certificate.Votes.Count} of {set.Count} (quorum {set.QuorumWeight}), score {certificate.AggregateScore}, certificate {certificate.ToBytes().Length} bytes");

        clock.Restart();
        var receipt = new InferenceReceipt(subject, envelope, receiptExplanation, certificate);
        var receiptPath = Path.Combine(outputDirectory, "receipt.nzr");
        var verifyingKeyPath = Path.Combine(outputDirectory, "verification_key.json");
        var validatorsPath = Path.Combine(outputDirectory, "validators.json");
        var receiptBytes = receipt.ToBytes();
        File.WriteAllBytes(receiptPath, receiptBytes);
        File.WriteAllBytes(verifyingKeyPath, verifyingKeyJson);
        File.WriteAllBytes(validatorsPath, ValidatorSetFile.Serialize(set));
        output.WriteLine($"write           {Took()}  receipt {receiptBytes.Length} bytes → {receiptPath}");

        // Offline: nothing from above but the three files.
        clock.Restart();
        var verification = InferenceReceiptVerifier.Verify(
            InferenceReceipt.Load(receiptPath),
            SnarkjsJson.ReadVerifyingKey(File.ReadAllText(verifyingKeyPath)),
            ValidatorSetFile.Load(validatorsPath).ValidatorSet,
            modelCommitment,
            expectedWeights: weights);
        output.WriteLine($"verify offline  {Took()}  {verification}");
        output.WriteLine($"again with:     nexuszero receipt verify {receiptPath} --vk {verifyingKeyPath} --validators {validatorsPath} --model-commitment {Hex(modelCommitment)} --weights {weights.ToString().ToLowerInvariant()}");
        return new DemoRun(receiptPath, verifyingKeyPath, validatorsPath, verification, modelCommitment);
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
