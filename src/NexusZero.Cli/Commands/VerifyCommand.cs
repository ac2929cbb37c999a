using System.CommandLine;
using System.Text.Json.Nodes;
using NexusZero.Pipeline;
using NexusZero.IO;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero verify FILE [--json] [--min-security BITS] [--vk verification_key.json]`: verifies a proof envelope
/// and prints the parameter set's security, the statement's public values and the verdict. A circuit (Groth16)
/// envelope verifies only against the verifying key given with --vk, never one it could carry. Exit 0 valid, 1 invalid (including a set
/// below the floor), 2 malformed (bytes, statement, or a parameter set the verifier does not accept) or usage error.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var fileArgument = new Argument<string>("FILE") { Description = "The proof envelope to verify." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var securityOption = new Option<int>("--min-security")
        {
            Description = "The security floor in bits (100, 128, 192 or 256; Groth16 over BN254 needs 100): envelopes whose parameter set offers less are invalid.",
            DefaultValueFactory = _ => 128,
        };
        securityOption.AcceptOnlyFromAmong("100", "128", "192", "256");
        var vkOption = new Option<FileInfo>("--vk")
        {
            Description = "For a circuit proof: the trusted verification_key.json (snarkjs format) to verify against.",
        };
        var command = new Command("verify", "Verify a proof envelope.") { fileArgument, jsonOption, securityOption, vkOption };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(fileArgument),
            parseResult.GetValue(jsonOption),
            parseResult.GetValue(securityOption),
            parseResult.GetValue(vkOption),
            parseResult.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string path, bool json, int minimumSecurity, FileInfo? verifyingKey, TextWriter output)
    {
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = minimumSecurity });
        var limits = api.Config.EnvelopeLimits;
        var bytes = ProofFiles.ReadEnvelope(path, limits);
        var result = verifyingKey is null ? api.Verify(bytes) : VerifyWithKey(api, bytes, verifyingKey);
        EnvelopeDescription.TryCreate(bytes, limits, ProofSystemRegistry.Default, out var description, out _);
        var exitCode = result.IsValid ? ExitCodes.Success
            : result.Failure is VerificationFailure.MalformedProof or VerificationFailure.InvalidStatement or VerificationFailure.UnknownProofSystem ? ExitCodes.UsageOrMalformed
            : ExitCodes.Invalid;

        if (json)
        {
            CliJson.Write(output, new JsonObject
            {
                ["file"] = path,
                ["valid"] = result.IsValid,
                ["failure"] = result.Failure.ToString(),
                ["reason"] = result.Reason,
                ["proofSystem"] = description?.Envelope.ProofSystem.ToString(),
                ["parameterSet"] = description?.Parameters?.Name,
                ["securityBits"] = description?.Parameters?.SecurityBits,
                ["security"] = description?.SecurityLabel,
                ["publicValues"] = description?.PublicValuesJson() ?? new JsonObject(),
                ["elapsedMs"] = result.Elapsed?.TotalMilliseconds,
                ["exceededTimeLimit"] = result.ExceededTimeLimit,
            });
            return exitCode;
        }

        if (description is not null)
        {
            output.WriteLine($"proof system:   {description.ProofSystemLabel}");
            output.WriteLine($"parameter set:  {description.ParameterSetLabel}");
            output.WriteLine($"security:       {description.SecurityLabel}");
            description.WritePublicValues(output);
        }

        var elapsed = result.Elapsed is { } time ? $" in {time.TotalMilliseconds:F3} ms" : "";
        var slow = result.ExceededTimeLimit ? " (over the verification time limit)" : "";
        output.WriteLine(result.IsValid ? $"verdict:        valid{elapsed}{slow}" : $"verdict:        invalid ({result.Failure}): {result.Reason}");
        return exitCode;
    }

    /// <summary>Pins the key: the expected statement is the envelope's own inputs under the caller's key.</summary>
    private static VerificationResult VerifyWithKey(NexuszeroApi api, byte[] bytes, FileInfo verifyingKey)
    {
        var key = SnarkjsJson.ReadVerifyingKey(BoundedFile.ReadAllText(verifyingKey.FullName, SnarkjsJson.MaxJsonBytes, "--vk file"));
        if (!ProofEnvelope.TryParse(bytes, api.Config.EnvelopeLimits, out var envelope, out _)
            || envelope.ProofSystem != ProofSystemId.Groth16Bn254
            || !CircuitStatement.TryDecode(envelope.Statement.Span, out var statement, out _))
        {
            // Not a well-formed circuit envelope: the ordinary path reports exactly what is wrong.
            return api.Verify(bytes);
        }

        if (key.PublicInputCount != statement.PublicInputs.Count + 1)
        {
            return VerificationResult.Invalid(VerificationFailure.StatementMismatch, $"The verifying key takes {key.PublicInputCount - 1} statement inputs; the envelope has {statement.PublicInputs.Count}.");
        }

        return api.Verify(bytes, new CircuitStatement(key, statement.PublicInputs));
    }
}
