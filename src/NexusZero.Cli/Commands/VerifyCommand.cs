using System.CommandLine;
using System.Text.Json.Nodes;
using NexusZero.Proofs;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero verify FILE [--json]`: verifies a proof envelope and prints the statement's public values and
/// the verdict. Exit 0 valid, 1 invalid, 2 malformed or usage error.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var fileArgument = new Argument<string>("FILE") { Description = "The proof envelope to verify." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("verify", "Verify a proof envelope.") { fileArgument, jsonOption };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(fileArgument),
            parseResult.GetValue(jsonOption),
            parseResult.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string path, bool json, TextWriter output)
    {
        var api = new NexuszeroApi();
        var limits = api.Config.EnvelopeLimits;
        var bytes = ProofFiles.ReadEnvelope(path, limits);
        var result = api.Verify(bytes);
        EnvelopeDescription.TryCreate(bytes, limits, ProofSystemRegistry.Default, out var description, out _);
        var exitCode = result.IsValid ? ExitCodes.Success
            : result.Failure == VerificationFailure.MalformedProof ? ExitCodes.UsageOrMalformed
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
            description.WritePublicValues(output);
        }

        var elapsed = result.Elapsed is { } time ? $" in {time.TotalMilliseconds:F3} ms" : "";
        var slow = result.ExceededTimeLimit ? " (over the verification time limit)" : "";
        output.WriteLine(result.IsValid ? $"verdict:        valid{elapsed}{slow}" : $"verdict:        invalid ({result.Failure}): {result.Reason}");
        return exitCode;
    }
}
