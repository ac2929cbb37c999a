using NexusZero.Inference.Import;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Quantization;
using NexusZero.Inference.Tests.Models;

namespace NexusZero.Inference.Tests.Cli;

/// <summary>`nexuszero prove inference --input-opening-out`: the input is committed, not published, and the opening opens it.</summary>
public sealed class CommittedInputCommandTests : CliHarness
{
    [Fact]
    public void TheEnvelopeCarriesOnlyTheCommitmentAndTheOpeningOpensIt()
    {
        var onnx = TestModels.Mlp();
        var model = Write("mlp.onnx", onnx);
        var row = TestModels.Inputs(1, 4, seed: 43)[0];
        var input = Write("input.csv", "a,b,c,d", Csv(row));
        var (proof, vk, opening) = (PathOf("proof.nzp"), PathOf("verification_key.json"), PathOf("input.opening"));
        var (code, output, error) = Run("prove", "inference", "--model", model, "--input", input, "--out", proof, "--vk-out", vk, "--input-opening-out", opening);
        Assert.True(code == 0, error);
        Assert.Contains("input:          committed, ", output, StringComparison.Ordinal);
        Assert.Contains("input commitment tag and commitment", output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(opening));
        }

        // The statement: outputs, argmax, model commitment, tag, commitment; none of the input values.
        var quantized = ModelQuantizer.Quantize(OnnxModelImporter.Import(onnx));
        var quantizedInput = quantized.QuantizeInput(row);
        var inspected = Run("inspect", proof);
        Assert.True(inspected.Code == 0, inspected.Err);
        var publics = inspected.Out.Split('\n').Where(l => l.StartsWith("public", StringComparison.Ordinal)).ToArray();
        Assert.Equal(quantized.Source.OutputSize + 1 + 2 + 2, publics.Length);
        foreach (var value in quantizedInput.Where(v => Math.Abs(v) > 3))
        {
            Assert.DoesNotContain(publics, l => l.EndsWith($"(= {value})", StringComparison.Ordinal) && !IsOutputOrArgmax(l, quantized.Source.OutputSize));
        }

        using var parsed = CommittedInputOpening.Parse(quantized, quantizedInput, File.ReadAllBytes(opening));
        Assert.True(parsed.Opens(quantized, quantizedInput));
        var other = (long[])quantizedInput.Clone();
        other[0] += 1;
        Assert.False(parsed.Opens(quantized, other));
        Assert.Throws<FormatException>(() => CommittedInputOpening.Parse(quantized, other, File.ReadAllBytes(opening)));
        var commitmentHex = Convert.ToHexStringLower(parsed.Commitment.ToBigEndianBytes());
        Assert.Contains(commitmentHex, output, StringComparison.Ordinal);

        var verified = Run("verify", proof, "--vk", vk, "--min-security", "100");
        Assert.True(verified.Code == 0, verified.Out + verified.Err);

        // Another commitment in the envelope's statement (its last public value's last byte): not valid.
        var bytes = File.ReadAllBytes(proof);
        var at = bytes.AsSpan().IndexOf(Convert.FromHexString(commitmentHex));
        Assert.True(at > 0);
        bytes[at + 31] ^= 0x01;
        var changed = Write("changed.nzp", bytes);
        Assert.NotEqual(0, Run("verify", changed, "--vk", vk, "--min-security", "100").Code);
    }

    private static bool IsOutputOrArgmax(string line, int outputs) =>
        Enumerable.Range(0, outputs + 1).Any(i => line.StartsWith($"public{i}:", StringComparison.Ordinal));
}
