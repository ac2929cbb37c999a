using NexusZero.VerifiableInference;

namespace NexusZero.Inference.Tests.Cli;

/// <summary>The verifiable-inference sample's main path, and `nexuszero receipt verify` on the files it writes.</summary>
public sealed class ReceiptCommandTests : CliHarness
{
    [Fact]
    public async Task TheSampleWritesAReceiptThatVerifiesOfflineAndTheCliNamesEachFailedPart()
    {
        using var report = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var run = await VerifiableInferenceDemo.RunAsync(report, PathOf("sample"));
        Assert.True(run.Verification.IsValid, report.ToString());
        foreach (var step in new[] { "import+quantize", "local setup", "prove", "quantization    max |dequantized − ONNX Runtime|", "explain", "consensus", "write", "verify offline", " ms", " bytes", "accept by 4 of 4 (quorum 3)" })
        {
            Assert.Contains(step, report.ToString(), StringComparison.Ordinal);
        }

        string[] Verify(string receipt, params string[] extra) => ["receipt", "verify", receipt, "--vk", run.VerifyingKeyPath, "--validators", run.ValidatorsPath, .. extra];
        var (code, output, error) = Run(Verify(run.ReceiptPath));
        Assert.True(code == 0, output + error);
        foreach (var line in new[] { "valid:", "model:", "input:", "output:", "argmax", "explanation:    shap-kernel", "certificate:    accept" })
        {
            Assert.Contains(line, output, StringComparison.Ordinal);
        }

        var commitment = output.Split('\n').Single(l => l.StartsWith("model:", StringComparison.Ordinal))["model:".Length..].Trim()[..64];
        Assert.Equal(0, Run(Verify(run.ReceiptPath, "--model-commitment", commitment)).Code);
        var pinnedOther = Run(Verify(run.ReceiptPath, "--model-commitment", new string('0', 64)));
        Assert.Equal(1, pinnedOther.Code);
        Assert.Contains("invalid (StatementMismatch)", pinnedOther.Out, StringComparison.Ordinal);
        Assert.Equal(2, Run(Verify(run.ReceiptPath, "--model-commitment", "abc")).Code);

        // Another validator set: the certificate fails, and the output says so.
        var others = Write("others.json", System.Text.Encoding.UTF8.GetString(Consensus.Keys.ValidatorSetFile.Serialize(OtherSet())));
        var strangers = Run(["receipt", "verify", run.ReceiptPath, "--vk", run.VerifyingKeyPath, "--validators", others]);
        Assert.Equal(1, strangers.Code);
        Assert.Contains("invalid (Certificate)", strangers.Out, StringComparison.Ordinal);

        // Changed bytes: malformed (2) or invalid (1) naming the part, never valid.
        var bytes = File.ReadAllBytes(run.ReceiptPath);
        var changed = PathOf("changed.nzr");
        for (var i = 0; i < bytes.Length; i += 37)
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 0x04;
            File.WriteAllBytes(changed, copy);
            var result = Run(Verify(changed));
            Assert.True(result.Code is 1 or 2, $"byte {i}: exit {result.Code}: {result.Out}");
            Assert.True(result.Code == 1 ? result.Out.StartsWith("invalid (", StringComparison.Ordinal) : result.Err.Contains("malformed receipt", StringComparison.Ordinal), result.Out + result.Err);
        }

        var missing = Run(Verify(PathOf("missing.nzr")));
        Assert.Equal(2, missing.Code);
        Assert.DoesNotContain("   at ", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSampleWithPrivateWeightsWritesAReceiptNamingTheWeightsCommitment()
    {
        using var report = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var run = await VerifiableInferenceDemo.RunAsync(report, PathOf("private"), NexusZero.Inference.Proofs.WeightVisibility.Private);
        Assert.True(run.Verification.IsValid, report.ToString());
        var weights = Convert.ToHexStringLower(run.ModelCommitment);
        Assert.Contains($"weights commitment {weights}", report.ToString(), StringComparison.Ordinal);
        Assert.Equal(NexusZero.Inference.Proofs.WeightVisibility.Private, NexusZero.Inference.Receipts.InferenceReceipt.Load(run.ReceiptPath).Subject.Weights);

        string[] Verify(params string[] extra) => ["receipt", "verify", run.ReceiptPath, "--vk", run.VerifyingKeyPath, "--validators", run.ValidatorsPath, .. extra];
        var (code, output, error) = Run(Verify("--model-commitment", weights, "--weights", "private"));
        Assert.True(code == 0, output + error);
        Assert.Contains($"model:          {weights} (private weights, Poseidon commitment;", output, StringComparison.Ordinal);
        var asPublic = Run(Verify("--weights", "public"));
        Assert.Equal(1, asPublic.Code);
        Assert.Contains("invalid (StatementMismatch)", asPublic.Out, StringComparison.Ordinal);
    }

    private static Consensus.Validators.ValidatorSet OtherSet()
    {
        using var key = Consensus.Signing.SignatureSchemes.Default.GenerateKey();
        return Consensus.Validators.ValidatorSet.Create(1, Consensus.Signing.SignatureSchemes.Default, [new Consensus.Validators.ValidatorMember("validator-1", key.PublicKey.Span)]);
    }
}
