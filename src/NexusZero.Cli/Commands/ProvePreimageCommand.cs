using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using NexusZero.Pipeline;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero prove preimage --hash sha256|sha3-256 --preimage-hex HEX [--backend groth16|pq] [--context TEXT] --out FILE
/// [--vk-out FILE]`: proves knowledge of a SHA-256 or SHA3-256 preimage. Groth16 (the default) makes the circuit's keys
/// with a local setup on every run and writes the verifying key next to the proof: it convinces whoever trusts this
/// machine's setup; a verifier that must not trust the prover makes the keys itself (docs/security.md). The
/// post-quantum backend (Ligero) has no keys: verify with <c>nexuszero verify FILE --preimage HASH:LENGTH</c>, which
/// rebuilds the circuit.
/// </summary>
internal static class ProvePreimageCommand
{
    public static Command Create()
    {
        var hashOption = new Option<string>("--hash") { Description = "The hash function: sha256 or sha3-256.", Required = true };
        hashOption.AcceptOnlyFromAmong("sha256", "sha3-256");
        var preimageOption = new Option<string>("--preimage-hex")
        {
            Description = $"The secret preimage in hex, at most {PreimageCircuit.MaxSha256PreimageLength} bytes for sha256 and {PreimageCircuit.MaxSha3_256PreimageLength} for sha3-256.",
            Required = true,
        };
        var backendOption = CircuitCliValues.BackendOption("groth16", "groth16", "pq");
        var contextOption = ProveOptions.Context();
        var outOption = ProveOptions.Out();
        var vkOption = new Option<string>("--vk-out")
        {
            Description = "Groth16 only, and required there: where to write the circuit's verification_key.json (snarkjs format); verify with nexuszero verify --vk.",
        };
        var forceOption = ForceOption.Create();
        var command = new Command("preimage", "Prove knowledge of a SHA-256 or SHA3-256 preimage of a public digest (Groth16 over BN254, ~100-bit security, or the post-quantum backend, 128 bits).")
        {
            hashOption,
            preimageOption,
            backendOption,
            contextOption,
            outOption,
            vkOption,
            forceOption,
        };
        command.SetAction(parseResult =>
        {
            var backend = CircuitCliValues.Backend(parseResult.GetRequiredValue(backendOption));
            var vkPath = parseResult.GetValue(vkOption);
            if (backend == CircuitBackend.Groth16 && vkPath is null)
            {
                throw new ArgumentException("--vk-out is required with --backend groth16: the proof verifies only against the verifying key.");
            }

            if (backend == CircuitBackend.PostQuantum && vkPath is not null)
            {
                throw new ArgumentException("--vk-out: the post-quantum backend has no verifying key; verify with nexuszero verify FILE --preimage HASH:LENGTH.");
            }

            return Run(
                CircuitCliValues.Hash(parseResult.GetRequiredValue(hashOption)),
                backend,
                parseResult.GetRequiredValue(preimageOption),
                parseResult.GetValue(contextOption),
                new OutputTarget(parseResult.GetRequiredValue(outOption), parseResult.GetValue(forceOption)),
                vkPath is null ? null : new OutputTarget(vkPath, parseResult.GetValue(forceOption)),
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error);
        });
        return command;
    }

    private static int Run(HashFunction hash, CircuitBackend backend, string preimageHex, string? context, OutputTarget target, OutputTarget? vkTarget, TextWriter output, TextWriter error)
    {
        OutputFile.EnsureWritable(target.Path, target.Force, "--out");
        if (vkTarget is { } vk)
        {
            OutputFile.EnsureWritable(vk.Path, vk.Force, "--vk-out");
        }

        int maxLength = CircuitCliValues.MaxPreimageLength(hash);
        if (preimageHex.Length > 2 * maxLength)
        {
            throw new ArgumentException($"--preimage-hex: at most {maxLength} bytes ({2 * maxLength} hex digits) for {CircuitCliValues.Name(hash)}, not {preimageHex.Length / 2}.");
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
            var digest = new byte[32];
            PreimageCircuit.Hash(hash, preimage, digest);
            var contextBytes = Encoding.UTF8.GetBytes(context ?? "");
            // Always on stderr: the stages take seconds to tens of seconds, and a key's trust model must not go unsaid.
            var stages = new StageProgress(error);
            ProofResult result;
            Groth16VerifyingKey? verifyingKey = null;
            if (backend == CircuitBackend.Groth16)
            {
                var keys = stages.Stage($"setting up the {CircuitCliValues.Name(hash)} circuit for {preimage.Length}-byte preimages (local setup: the key convinces whoever trusts this machine)", () => PreimageCircuitKeys.CreateWithLocalSetup(hash, preimage.Length));
                var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = 100 });
                result = stages.Stage("proving (Groth16)", () => api.ProvePreimage(hash, digest, preimage, keys, contextBytes));
                verifyingKey = keys.VerifyingKey;
            }
            else
            {
                var api = new NexuszeroApi(ProtocolConfig.Default());
                result = stages.Stage($"proving (post-quantum, {CircuitCliValues.Name(hash)} circuit for {preimage.Length}-byte preimages, no setup)", () => api.ProvePreimage(hash, digest, preimage, CircuitBackend.PostQuantum, contextBytes));
            }

            byte[] bytes = result.ToBytes();
            OutputFile.Write(target.Path, target.Force, "--out", bytes);
            output.WriteLine($"hash:           {CircuitCliValues.Name(hash)}");
            output.WriteLine($"digest:         {Convert.ToHexStringLower(digest)}");
            output.WriteLine($"length:         {preimage.Length} bytes");
            if (verifyingKey is not null && vkTarget is { } vkFile)
            {
                OutputFile.Write(vkFile.Path, vkFile.Force, "--vk-out", Encoding.UTF8.GetBytes(SnarkjsJson.WriteVerifyingKey(verifyingKey)));
                output.WriteLine($"verifying key:  {Convert.ToHexStringLower(verifyingKey.Digest.Span)} ({vkFile.Path})");
            }
            else
            {
                output.WriteLine($"verify with:    nexuszero verify {target.Path} --preimage {CircuitCliValues.Name(hash)}:{preimage.Length}");
            }

            LatticeCliInput.WriteSummary(output, result, bytes.Length, target.Path);
            return ExitCodes.Success;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(preimage);
        }
    }
}
