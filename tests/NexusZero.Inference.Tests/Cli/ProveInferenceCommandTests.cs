using System.Globalization;
using NexusZero.Inference.Tests.Models;
using NexusZero.Proofs.Groth16;
using static NexusZero.Inference.Tests.Models.OnnxGraphBuilder;

namespace NexusZero.Inference.Tests.Cli;

/// <summary>`nexuszero prove inference`, and `verify --vk` and `inspect` on the envelope it writes.</summary>
public sealed class ProveInferenceCommandTests : CliHarness
{
    private string[] Prove(string model, string input, string proof, string vk, params string[] extra) =>
        ["prove", "inference", "--model", model, "--input", input, "--out", proof, "--vk-out", vk, .. extra];

    [Fact]
    public void TheEnvelopeVerifiesWithItsKeyOnlyAndNotWithAnyByteChanged()
    {
        var model = Write("mlp.onnx", TestModels.Mlp());
        var input = Write("input.csv", "a,b,c,d", Csv(TestModels.Inputs(1, 4, seed: 41)[0]));
        var (proof, vk) = (PathOf("proof.nzp"), PathOf("verification_key.json"));
        var (code, output, error) = Run(Prove(model, input, proof, vk, "--context", "request-7"));
        Assert.True(code == 0, error);
        Assert.Contains("local setup", error, StringComparison.Ordinal);
        foreach (var line in new[] { "commitment:", "argmax:", "error:          max |quantized − ONNX Runtime|", "constraints:", "gemm_0", "public inputs:  public0…public2 output, public3 argmax, public4…public5 model commitment, public6…public9 input", "timings:", "setup:" })
        {
            Assert.Contains(line, output, StringComparison.Ordinal);
        }

        var key = SnarkjsJson.ReadVerifyingKey(File.ReadAllText(vk));
        var inspected = Run("inspect", proof);
        Assert.True(inspected.Code == 0, inspected.Err);
        Assert.Contains("Groth16", inspected.Out, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(key.Digest.Span), inspected.Out, StringComparison.Ordinal);
        Assert.Contains("public9:", inspected.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("public10:", inspected.Out, StringComparison.Ordinal);
        Assert.Contains("\"request-7\"", inspected.Out, StringComparison.Ordinal);

        // The fixed-point values read as signed integers: the quantized input and output the prover printed.
        var quantizedInput = output.Split('\n').Single(l => l.StartsWith("input:", StringComparison.Ordinal))["input:".Length..].Replace("(quantized)", "", StringComparison.Ordinal).Split(',').Select(v => long.Parse(v.Trim(), CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains($"public{6 + i}:", inspected.Out.Split('\n').Single(l => l.EndsWith($"(= {quantizedInput[i]})", StringComparison.Ordinal) && l.StartsWith($"public{6 + i}:", StringComparison.Ordinal)), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("(=", inspected.Out.Split('\n').Single(l => l.StartsWith("public4:", StringComparison.Ordinal)), StringComparison.Ordinal);

        var verified = Run("verify", proof, "--vk", vk, "--min-security", "100");
        Assert.True(verified.Code == 0, verified.Out + verified.Err);
        Assert.Contains("verdict:        valid", verified.Out, StringComparison.Ordinal);

        // Another model's key (same shape, other weights) does not verify it.
        var (otherProof, otherVk) = (PathOf("other.nzp"), PathOf("other_vk.json"));
        Assert.Equal(0, Run(Prove(Write("other.onnx", TestModels.Mlp(seed: 9)), input, otherProof, otherVk)).Code);
        var crossed = Run("verify", proof, "--vk", otherVk, "--min-security", "100");
        Assert.Equal(1, crossed.Code);
        Assert.Contains("StatementMismatch", crossed.Out, StringComparison.Ordinal);

        // Any changed byte: malformed (2) or invalid (1), never valid.
        var bytes = File.ReadAllBytes(proof);
        var changed = PathOf("changed.nzp");
        for (var i = 0; i < bytes.Length; i += Math.Max(1, bytes.Length / 97))
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 0x01;
            File.WriteAllBytes(changed, copy);
            var result = Run("verify", changed, "--vk", vk, "--min-security", "100");
            Assert.True(result.Code is 1 or 2, $"byte {i}: exit {result.Code}: {result.Out}");
        }

        bytes[^1] ^= 0x80;
        File.WriteAllBytes(changed, bytes);
        Assert.NotEqual(0, Run("verify", changed, "--vk", vk, "--min-security", "100").Code);
    }

    [Fact]
    public void AnUnsupportedOperatorIsNamedAndNothingIsWritten()
    {
        var model = Write("exp.onnx", new OnnxGraphBuilder("x", [1, 2]).Node("Exp", ["x"], "y").Build("y", [1, 2]));
        var input = Write("input.csv", "0.5,1");
        var (proof, vk) = (PathOf("proof.nzp"), PathOf("vk.json"));
        var (code, output, error) = Run(Prove(model, input, proof, vk));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("not supported", error, StringComparison.Ordinal);
        Assert.Contains("Exp", error, StringComparison.Ordinal);
        Assert.Contains("exp_0", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(proof) || File.Exists(vk));
    }

    [Theory]
    [InlineData("0.1,0.2,0.3", "the row has 3 values but the model takes 4")]
    [InlineData("0.1,x,0.3,0.4", "value 2 ('x') is not a finite number")]
    [InlineData("0.1,NaN,0.3,0.4", "value 2 ('NaN') is not a finite number")]
    [InlineData("0.1,0.2,0.3,0.4\n0.5,0.6,0.7,0.8", "one row of comma-separated numbers is proven at a time")]
    [InlineData("", "the file holds no row")]
    [InlineData("0.1,0.2,0.3,999", "outside the quantized input range")]
    public void ABadInputRowIsAUsageErrorNamingTheProblem(string row, string message)
    {
        var model = Write("mlp.onnx", TestModels.Mlp());
        var input = Write("input.csv", row);
        var (proof, vk) = (PathOf("proof.nzp"), PathOf("vk.json"));
        var (code, _, error) = Run(Prove(model, input, proof, vk));
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(proof) || File.Exists(vk));
    }

    [Fact]
    public void ABadModelFileOrScaleIsAUsageError()
    {
        var input = Write("input.csv", "0.1,0.2,0.3,0.4");
        var (proof, vk) = (PathOf("proof.nzp"), PathOf("vk.json"));
        var garbage = Run(Prove(Write("garbage.onnx", [0xff, 0xff, 0xff, 0xff]), input, proof, vk));
        Assert.Equal(2, garbage.Code);
        Assert.Contains("not an ONNX ModelProto", garbage.Err, StringComparison.Ordinal);

        var scale = Run(Prove(Write("mlp.onnx", TestModels.Mlp()), input, proof, vk, "--input-scale-bits", "30"));
        Assert.Equal(2, scale.Code);
        Assert.Contains("--input-scale-bits 30 is outside 1 … 24", scale.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(proof) || File.Exists(vk));
    }

    [Fact]
    public void AModelThatWouldWrapAroundIsRefused()
    {
        var model = Write("big.onnx", new OnnxGraphBuilder("x", [1, 2]).Initializer("W", [2, 2], [3e9f, 3e9f, 3e9f, 3e9f]).Node("MatMul", ["x", "W"], "y").Build("y", [1, 2]));
        var input = Write("input.csv", "0.1,0.2");
        var (code, _, error) = Run(Prove(model, input, PathOf("proof.nzp"), PathOf("vk.json"), "--parameter-scale-bits", "24", "--input-bits", "40"));
        Assert.Equal(2, code);
        Assert.Contains("cannot be quantized without wrap-around", error, StringComparison.Ordinal);
    }
}
