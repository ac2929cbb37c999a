using System.CommandLine;
using System.Text.Json.Nodes;
using NexusZero.Circuits;
using NexusZero.Circuits.Circom;
using NexusZero.Pipeline;
using NexusZero.IO;
using NexusZero.Proofs;
using NexusZero.Proofs.Circuits;
using NexusZero.Proofs.Groth16;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero verify FILE [--json] [--min-security BITS] [--vk verification_key.json | --r1cs C.r1cs | --preimage HASH:LENGTH]`:
/// verifies a proof envelope and prints the parameter set's security, the proof's size, the statement's public values and
/// the verdict. A circuit envelope verifies only against what the verifier trusts, never anything it could carry: a Groth16
/// envelope against the verifying key given with --vk, a post-quantum (Ligero) envelope against the circuit given with
/// --r1cs (circom's format) or rebuilt from --preimage. Exit 0 valid, 1 invalid (including a set below the floor),
/// 2 malformed (bytes, statement, or a parameter set the verifier does not accept) or usage error.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>The security floor when none is given: 128 bits.</summary>
    internal const int DefaultMinimumSecurity = 128;

    public static Command Create()
    {
        var fileArgument = new Argument<string>("FILE") { Description = "The proof envelope to verify." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var securityOption = new Option<int>("--min-security")
        {
            Description = "The security floor in bits (100, 128, 192 or 256; Groth16 over BN254 needs 100): envelopes whose parameter set offers less are invalid.",
            DefaultValueFactory = _ => DefaultMinimumSecurity,
        };
        securityOption.AcceptOnlyFromAmong("100", "128", "192", "256");
        var vkOption = new Option<FileInfo>("--vk")
        {
            Description = "For a circuit proof: the trusted verification_key.json (snarkjs format) to verify against.",
        };
        var r1csOption = new Option<FileInfo>("--r1cs")
        {
            Description = "For a post-quantum circuit proof: the trusted circuit (.r1cs, circom's format) to verify against.",
        };
        var preimageOption = new Option<string>("--preimage")
        {
            Description = "For a post-quantum preimage proof: HASH:LENGTH (e.g. sha3-256:32); the preimage circuit is rebuilt and verified against.",
        };
        var command = new Command("verify", "Verify a proof envelope.") { fileArgument, jsonOption, securityOption, vkOption, r1csOption, preimageOption };
        command.SetAction(parseResult =>
        {
            var trusted = new[] { parseResult.GetValue(vkOption) is not null, parseResult.GetValue(r1csOption) is not null, parseResult.GetValue(preimageOption) is not null };
            if (trusted.Count(given => given) > 1)
            {
                throw new ArgumentException("--vk, --r1cs and --preimage each name what to verify against: give at most one.");
            }

            return Run(
                parseResult.GetRequiredValue(fileArgument),
                parseResult.GetValue(jsonOption),
                parseResult.GetValue(securityOption),
                parseResult.GetValue(vkOption),
                parseResult.GetValue(r1csOption),
                parseResult.GetValue(preimageOption),
                parseResult.InvocationConfiguration.Output);
        });
        return command;
    }

    /// <summary>Verifies the envelope at <paramref name="path"/> against what the caller trusts (at most one of the three).</summary>
    internal static int Run(string path, bool json, int minimumSecurity, FileInfo? verifyingKey, FileInfo? r1cs, string? preimage, TextWriter output)
    {
        // A malformed --preimage is a usage error before any file is read.
        var preimageSystem = preimage is null ? null : PreimageSystem(preimage);
        var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = minimumSecurity });
        var limits = api.Config.EnvelopeLimits;
        var bytes = ProofFiles.ReadEnvelope(path, limits);
        var result = verifyingKey is not null ? VerifyWithKey(api, bytes, verifyingKey)
            : r1cs is not null ? VerifyWithCircuit(api, bytes, () => CircomR1csReader.ReadFile(r1cs.FullName).System)
            : preimageSystem is not null ? VerifyWithCircuit(api, bytes, preimageSystem)
            : api.Verify(bytes);
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
                ["envelopeBytes"] = bytes.Length,
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
            output.WriteLine($"size:           {bytes.Length} bytes");
            description.WritePublicValues(output);
        }

        var elapsed = result.Elapsed is { } time ? $" in {time.TotalMilliseconds:F3} ms" : "";
        var slow = result.ExceededTimeLimit ? " (over the verification time limit)" : "";
        output.WriteLine(result.IsValid ? $"verdict:        valid{elapsed}{slow}" : $"verdict:        invalid ({result.Failure}): {result.Reason}");
        return exitCode;
    }

    /// <summary>The preimage circuit a <c>--preimage HASH:LENGTH</c> value names, built only when it is needed.</summary>
    private static Func<ConstraintSystem> PreimageSystem(string value)
    {
        var (hash, length) = CircuitCliValues.PreimageCircuitName(value);
        return () => PreimageCircuit.ForSetup(hash, length);
    }

    /// <summary>
    /// Pins the circuit (post-quantum backend): the expected statement is the envelope's own public values under the
    /// caller's circuit, so an envelope for any other circuit fails with a statement mismatch.
    /// </summary>
    private static VerificationResult VerifyWithCircuit(NexuszeroApi api, byte[] bytes, Func<ConstraintSystem> trustedCircuit)
    {
        if (!ProofEnvelope.TryParse(bytes, api.Config.EnvelopeLimits, out var envelope, out _)
            || envelope.ProofSystem != ProofSystemId.LigeroR1cs
            || !CircuitStatement.TryDecode(envelope.Statement.Span, out var statement, out _))
        {
            // Not a well-formed post-quantum circuit envelope: the ordinary path reports exactly what is wrong.
            return envelope is { ProofSystem: not ProofSystemId.LigeroR1cs }
                ? VerificationResult.Invalid(VerificationFailure.StatementMismatch, $"--r1cs and --preimage verify post-quantum circuit proofs; this envelope is {envelope.ProofSystem}.")
                : api.Verify(bytes);
        }

        var system = trustedCircuit();
        if (system.PublicCount != statement.PublicInputs.Count)
        {
            return VerificationResult.Invalid(VerificationFailure.StatementMismatch, $"The trusted circuit has {system.PublicCount} public values; the envelope has {statement.PublicInputs.Count}.");
        }

        return api.Verify(bytes, new CircuitStatement(system, statement.PublicInputs));
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
