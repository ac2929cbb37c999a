using System.CommandLine;
using System.Text.Json.Nodes;
using NexusZero.Proofs;

namespace NexusZero.Cli.Commands;

/// <summary>`nexuszero inspect FILE [--json]`: an envelope's header fields, ids, sizes and public values, without verifying it.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var fileArgument = new Argument<string>("FILE") { Description = "The proof envelope to inspect." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the fields as JSON." };
        var command = new Command("inspect", "Show a proof envelope's header, sizes and public values (does not verify).") { fileArgument, jsonOption };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(fileArgument),
            parseResult.GetValue(jsonOption),
            parseResult.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string path, bool json, TextWriter output)
    {
        var limits = EnvelopeLimits.Default;
        var bytes = ProofFiles.ReadEnvelope(path, limits);
        if (!EnvelopeDescription.TryCreate(bytes, limits, ProofSystemRegistry.Default, out var description, out var error))
        {
            throw new FormatException($"{path}: malformed proof envelope: {error}");
        }

        var envelope = description.Envelope;
        if (json)
        {
            CliJson.Write(output, new JsonObject
            {
                ["file"] = path,
                ["formatVersion"] = ProofEnvelope.FormatVersion,
                ["proofSystem"] = envelope.ProofSystem.ToString(),
                ["proofSystemId"] = (int)envelope.ProofSystem,
                ["parameterSetId"] = envelope.ParameterSetId,
                ["parameterSet"] = description.Parameters?.Name,
                ["securityBits"] = description.Parameters?.SecurityBits,
                ["security"] = description.SecurityLabel,
                ["codec"] = envelope.Codec.ToString(),
                ["codecId"] = (int)envelope.Codec,
                ["statementKind"] = description.Statement?.Kind.ToString(),
                ["publicValues"] = description.PublicValuesJson(),
                ["statementError"] = description.StatementError,
                ["contextHex"] = Convert.ToHexStringLower(envelope.Context.Span),
                ["contextText"] = description.ContextText,
                ["sizes"] = new JsonObject
                {
                    ["file"] = description.FileLength,
                    ["statement"] = envelope.Statement.Length,
                    ["context"] = envelope.Context.Length,
                    ["storedPayload"] = envelope.Payload.Length,
                    ["uncompressedPayload"] = envelope.UncompressedPayloadLength,
                },
            });
            return ExitCodes.Success;
        }

        output.WriteLine($"format:         NZPF v{ProofEnvelope.FormatVersion}");
        output.WriteLine($"proof system:   {description.ProofSystemLabel}");
        output.WriteLine($"parameter set:  {description.ParameterSetLabel}");
        output.WriteLine($"security:       {description.SecurityLabel}");
        output.WriteLine($"codec:          {envelope.Codec} ({(int)envelope.Codec})");
        if (description.Statement is not null)
        {
            output.WriteLine($"statement kind: {description.Statement.Kind}");
        }

        description.WritePublicValues(output);
        var text = description.ContextText is { Length: > 0 } t ? $" \"{t}\"" : "";
        output.WriteLine($"context:        {envelope.Context.Length} bytes {Convert.ToHexStringLower(envelope.Context.Span)}{text}");
        output.WriteLine($"sizes:          file {description.FileLength}, statement {envelope.Statement.Length}, payload {envelope.Payload.Length} stored / {envelope.UncompressedPayloadLength} uncompressed");
        return ExitCodes.Success;
    }
}
