using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using NexusZero.Pipeline;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero prove preimage --hash sha256 --preimage-hex HEX [--context TEXT] --out FILE --vk-out FILE`:
/// proves knowledge of a SHA-256 preimage (Groth16 over BN254). The command makes the circuit's keys with a
/// local setup on every run and writes the verifying key next to the proof: it convinces whoever trusts this
/// machine's setup; a verifier that must not trust the prover makes the keys itself (docs/security.md).
/// </summary>
internal static class ProvePreimageCommand
{
    public static Command Create()
    {
        var hashOption = new Option<string>("--hash") { Description = "The hash function: sha256.", Required = true };
        hashOption.AcceptOnlyFromAmong("sha256");
        var preimageOption = new Option<string>("--preimage-hex")
        {
            Description = $"The secret preimage in hex, at most {PreimageCircuit.MaxSha256PreimageLength} bytes.",
            Required = true,
        };
        var contextOption = ProveOptions.Context();
        var outOption = ProveOptions.Out();
        var vkOption = new Option<string>("--vk-out")
        {
            Description = "Where to write the circuit's verification_key.json (snarkjs format); verify with nexuszero verify --vk.",
            Required = true,
        };
        var forceOption = ForceOption.Create();
        var command = new Command("preimage", "Prove knowledge of a SHA-256 preimage of a public digest (Groth16 over BN254, ~100-bit security).")
        {
            hashOption,
            preimageOption,
            contextOption,
            outOption,
            vkOption,
            forceOption,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(preimageOption),
            parseResult.GetValue(contextOption),
            new OutputTarget(parseResult.GetRequiredValue(outOption), parseResult.GetValue(forceOption)),
            new OutputTarget(parseResult.GetRequiredValue(vkOption), parseResult.GetValue(forceOption)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string preimageHex, string? context, OutputTarget target, OutputTarget vkTarget, TextWriter output, TextWriter error)
    {
        OutputFile.EnsureWritable(target.Path, target.Force, "--out");
        OutputFile.EnsureWritable(vkTarget.Path, vkTarget.Force, "--vk-out");
        if (preimageHex.Length > 2 * PreimageCircuit.MaxSha256PreimageLength)
        {
            throw new ArgumentException($"--preimage-hex: at most {PreimageCircuit.MaxSha256PreimageLength} bytes ({2 * PreimageCircuit.MaxSha256PreimageLength} hex digits), not {preimageHex.Length / 2}.");
        }

        byte[] preimage;
        try
        {
            preimage = Convert.FromHexString(preimageHex);
        }
        catch (FormatException)
        {
            throw new ArgumentException("--preimage-hex: not an even number of hex digits.");
        }

        try
        {
            var digest = SHA256.HashData(preimage);
            // Always on stderr: the stages take tens of seconds, and the key's trust model must not go unsaid.
            var stages = new StageProgress(error);
            var keys = stages.Stage($"setting up the SHA-256 circuit for {preimage.Length}-byte preimages (local setup: the key convinces whoever trusts this machine)", () => PreimageCircuitKeys.CreateWithLocalSetup(HashFunction.Sha256, preimage.Length));
            var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
            ProofResult result = stages.Stage("proving", () => api.ProvePreimage(HashFunction.Sha256, digest, preimage, keys, Encoding.UTF8.GetBytes(context ?? "")));
            byte[] bytes = result.ToBytes();
            OutputFile.Write(target.Path, target.Force, "--out", bytes);
            OutputFile.Write(vkTarget.Path, vkTarget.Force, "--vk-out", Encoding.UTF8.GetBytes(SnarkjsJson.WriteVerifyingKey(keys.VerifyingKey)));
            output.WriteLine($"digest:         {Convert.ToHexStringLower(digest)}");
            output.WriteLine($"length:         {preimage.Length} bytes");
            output.WriteLine($"verifying key:  {Convert.ToHexStringLower(keys.VerifyingKey.Digest.Span)} ({vkTarget.Path})");
            LatticeCliInput.WriteSummary(output, result, bytes.Length, target.Path);
            return ExitCodes.Success;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(preimage);
        }
    }
}
