using System.CommandLine;
using System.Globalization;
using NexusZero.Consensus.Keys;
using NexusZero.Inference.Proofs;
using NexusZero.Inference.Receipts;
using NexusZero.IO;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Cli.Commands;

/// <summary>
/// <c>nexuszero receipt verify FILE --vk KEY --validators FILE [--model-commitment HEX] [--weights public|private]</c>:
/// checks an inference receipt offline (proof under the pinned key, statement about the receipt's model, input and
/// output, explanation binding, quorum certificate) and names the part that failed. A receipt of a model with private
/// weights names them by their Poseidon commitment, which <c>--model-commitment</c> then pins (the key fixes only the
/// architecture). Exit 0 valid, 1 invalid, 2 malformed receipt, key or set file.
/// </summary>
internal static class ReceiptCommand
{
    public static Command Create()
    {
        var receipt = new Argument<FileInfo>("FILE") { Description = "The inference receipt (binary, docs/formats.md \"Inference receipt\")." };
        var vk = new Option<FileInfo>("--vk") { Description = "The model circuit's verification_key.json (snarkjs format), as the verifier trusts it.", Required = true };
        var validators = new Option<FileInfo>("--validators") { Description = "The validator-set file (JSON) the verifier trusts.", Required = true };
        var commitment = new Option<string?>("--model-commitment") { Description = "The model commitment (64 hex digits) the receipt must name: the SHA-256 model commitment, or with private weights the weights commitment; without it, any commitment the proof is valid for (with private weights: any weights of the key's architecture)." };
        var weights = new Option<string?>("--weights") { Description = "The weights the key was made for: public or private; the receipt must be of that form. Without it, the receipt's own form." };
        weights.AcceptOnlyFromAmong("public", "private");
        var verify = new Command("verify", "Verify an inference receipt offline: proof, statement, explanation binding and quorum certificate.") { receipt, vk, validators, commitment, weights };
        verify.SetAction(parse => Verify(
            parse.GetValue(receipt)!,
            parse.GetValue(vk)!,
            parse.GetValue(validators)!,
            parse.GetValue(commitment),
            parse.GetValue(weights) switch { "public" => WeightVisibility.Public, "private" => WeightVisibility.Private, _ => null },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return new Command("receipt", "Inference receipts: a proof of inference, its explanation and the validators' quorum certificate.") { verify };
    }

    private static int Verify(FileInfo receiptFile, FileInfo vkFile, FileInfo validatorsFile, string? commitmentHex, WeightVisibility? weights, TextWriter output, TextWriter error)
    {
        var expected = commitmentHex is null ? [] : ParseCommitment(commitmentHex);
        var key = SnarkjsJson.ReadVerifyingKey(BoundedFile.ReadAllText(vkFile.FullName, SnarkjsJson.MaxJsonBytes, "--vk file"));
        var set = ValidatorSetFile.Load(validatorsFile.FullName).ValidatorSet;
        var bytes = BoundedFile.ReadAllBytes(receiptFile.FullName, InferenceReceipt.MaxEncodedBytes, "receipt file");
        if (!InferenceReceipt.TryParse(bytes, out var parsed, out var malformed))
        {
            error.WriteLine($"nexuszero: malformed receipt: {malformed}");
            return ExitCodes.UsageOrMalformed;
        }

        var result = InferenceReceiptVerifier.Verify(parsed!, key, set, expected, expectedWeights: weights);
        if (!result.IsValid)
        {
            output.WriteLine($"invalid ({result.Failure}): {result.Reason}");
            return ExitCodes.Invalid;
        }

        var subject = parsed!.Subject;
        var claim = subject.Claim;
        var explanation = parsed.Explanation;
        var certificate = parsed.Certificate;
        output.WriteLine($"valid:          {bytes.Length} bytes");
        var kind = subject.Weights == WeightVisibility.Private ? "private weights, Poseidon commitment" : "public weights, SHA-256 commitment";
        output.WriteLine($"model:          {Convert.ToHexStringLower(subject.ModelCommitment)} ({kind}; verifying key {Convert.ToHexStringLower(key.Digest.Span)})");
        output.WriteLine(subject.IsInputCommitted
            ? $"input:          {Convert.ToHexStringLower(subject.InputCommitment.Span)} (committed, Poseidon commitment)"
            : $"input:          {Convert.ToHexStringLower(subject.InputCommitment.Span)} ({claim.Input.Count} values, quantized)");
        output.WriteLine($"output:         {string.Join(", ", claim.Output)} (quantized){(claim.ArgMax is int argMax ? $"; argmax {argMax}" : "")}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"explanation:    {explanation.Method} of output {explanation.OutputIndex}, base {explanation.BaseValue:G6}, {explanation.Values.Count} features; metrics {string.Join(", ", explanation.Metrics.Select(m => $"{m.Key} {m.Value:G6}"))}"));
        output.WriteLine($"certificate:    {certificate.Verdict.ToString().ToLowerInvariant()} score {certificate.AggregateScore} round {certificate.Round}, votes {certificate.Votes.Count}, commits {certificate.CommitSignatures.Count}, set {set.SetIdHex}");
        return ExitCodes.Success;
    }

    private static byte[] ParseCommitment(string hex)
    {
        if (hex.Length != 2 * InferenceSubject.CommitmentSize || !hex.All(Uri.IsHexDigit))
        {
            throw new FormatException($"--model-commitment: {2 * InferenceSubject.CommitmentSize} hex digits expected.");
        }

        return Convert.FromHexString(hex);
    }
}
