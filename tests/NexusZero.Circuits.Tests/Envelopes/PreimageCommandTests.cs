using System.Globalization;
using NexusZero.Cli;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Circuits.Tests.Envelopes;

/// <summary>`nexuszero prove preimage` and `nexuszero verify --vk` on the envelope it writes.</summary>
public sealed class PreimageCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nexuszero-preimage-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ProveWritesAnEnvelopeThatVerifiesOnlyWithItsKeyAndContext()
    {
        var proof = Path.Combine(_folder, "proof.nzp");
        var vk = Path.Combine(_folder, "verification_key.json");
        var (code, output, error) = Run("prove", "preimage", "--hash", "sha256", "--preimage-hex", "616263", "--context", "order-1", "--out", proof, "--vk-out", vk);
        Assert.True(code == 0, error);
        Assert.Contains("digest:         ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", output, StringComparison.Ordinal);
        Assert.Contains("local setup", error, StringComparison.Ordinal);

        var inspected = Run("inspect", proof);
        Assert.True(inspected.Code == 0, inspected.Err);
        Assert.Contains("verifyingKeyDigest", inspected.Out, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SnarkjsJson.ReadVerifyingKey(File.ReadAllText(vk)).Digest.Span), inspected.Out, StringComparison.Ordinal);

        var verified = Run("verify", proof, "--vk", vk, "--min-security", "100");
        Assert.True(verified.Code == 0, verified.Out + verified.Err);
        Assert.Contains("verdict:        valid", verified.Out, StringComparison.Ordinal);

        // Without the key, or at the default 128-bit floor, the envelope is not accepted.
        var unpinned = Run("verify", proof, "--min-security", "100");
        Assert.Equal(1, unpinned.Code);
        Assert.Contains("KeyNotPinned", unpinned.Out, StringComparison.Ordinal);
        Assert.Equal(1, Run("verify", proof, "--vk", vk).Code);

        // Another key (a second run's local setup) does not verify it.
        var otherProof = Path.Combine(_folder, "other.nzp");
        var otherVk = Path.Combine(_folder, "other_vk.json");
        Assert.Equal(0, Run("prove", "preimage", "--hash", "sha256", "--preimage-hex", "616263", "--out", otherProof, "--vk-out", otherVk).Code);
        Assert.NotEqual(
            SnarkjsJson.ReadVerifyingKey(File.ReadAllText(vk)).Digest.ToArray(),
            SnarkjsJson.ReadVerifyingKey(File.ReadAllText(otherVk)).Digest.ToArray());
        var crossed = Run("verify", proof, "--vk", otherVk, "--min-security", "100");
        Assert.Equal(1, crossed.Code);
        Assert.Contains("StatementMismatch", crossed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void BadHexOrTooLongPreimagesAreUsageErrorsAndWriteNothing()
    {
        var proof = Path.Combine(_folder, "proof.nzp");
        var vk = Path.Combine(_folder, "vk.json");
        var odd = Run("prove", "preimage", "--hash", "sha256", "--preimage-hex", "abc", "--out", proof, "--vk-out", vk);
        Assert.Equal(2, odd.Code);
        Assert.Contains("--preimage-hex", odd.Err, StringComparison.Ordinal);
        var longOne = Run("prove", "preimage", "--hash", "sha256", "--preimage-hex", new string('a', 240), "--out", proof, "--vk-out", vk);
        Assert.Equal(2, longOne.Code);
        Assert.Contains("at most 119 bytes", longOne.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(proof));
        Assert.False(File.Exists(vk));
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliRunner.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
