using System.Text;
using NexusZero.Consensus.Keys;
using NexusZero.Inference.Tests.Receipts;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Inference.Tests.Cli;

/// <summary>`nexuszero receipt verify` on a receipt of a model with private weights (the receipt tests' fixture, written to files).</summary>
[Collection(PrivateWeightsReceiptTests.Collection)]
public sealed class PrivateWeightsReceiptCommandTests(PrivateWeightsReceiptTests.Receipts fixture) : CliHarness
{
    [Fact]
    public void APrivateWeightsReceiptVerifiesAndTheWeightsPinsAreEnforced()
    {
        var receipt = Write("receipt.nzr", fixture.Receipt.ToBytes());
        var vk = Write("verification_key.json", Encoding.UTF8.GetBytes(SnarkjsJson.WriteVerifyingKey(fixture.Keys.VerifyingKey)));
        var validators = Write("validators.json", ValidatorSetFile.Serialize(ReceiptFixture.Instance.Set));
        string[] Verify(params string[] extra) => ["receipt", "verify", receipt, "--vk", vk, "--validators", validators, .. extra];

        var weights = Convert.ToHexStringLower(fixture.Opening.CommitmentBytes());
        var (code, output, error) = Run(Verify("--weights", "private", "--model-commitment", weights));
        Assert.True(code == 0, output + error);
        Assert.Contains($"model:          {weights} (private weights, Poseidon commitment;", output, StringComparison.Ordinal);
        Assert.Equal(0, Run(Verify()).Code);

        // The other form pinned, another weights commitment, and an unknown form.
        var asPublic = Run(Verify("--weights", "public"));
        Assert.Equal(1, asPublic.Code);
        Assert.Contains("invalid (StatementMismatch)", asPublic.Out, StringComparison.Ordinal);
        Assert.Contains("private weights; the pinned key is for public weights", asPublic.Out, StringComparison.Ordinal);
        var other = Run(Verify("--model-commitment", new string('0', 64)));
        Assert.Equal(1, other.Code);
        Assert.Contains("not the pinned", other.Out, StringComparison.Ordinal);
        Assert.Equal(2, Run(Verify("--weights", "secret")).Code);

        // The committed-input receipt names its input by commitment.
        var committed = Write("committed.nzr", fixture.CommittedReceipt.ToBytes());
        var committedVk = Write("committed_key.json", Encoding.UTF8.GetBytes(SnarkjsJson.WriteVerifyingKey(fixture.CommittedKeys.VerifyingKey)));
        var both = Run(["receipt", "verify", committed, "--vk", committedVk, "--validators", validators, "--weights", "private", "--model-commitment", weights]);
        Assert.True(both.Code == 0, both.Out + both.Err);
        Assert.Contains("(committed, Poseidon commitment)", both.Out, StringComparison.Ordinal);
    }
}
