using System.CommandLine;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.Cli.Commands;

/// <summary>
/// <c>nexuszero validator keygen --id ID --out FILE</c>: writes a validator private key file (owner-only on Unix)
/// and prints the public member entry for a validator-set file.
/// </summary>
internal static class ValidatorCommand
{
    public static Command Create()
    {
        var id = new Option<string>("--id") { Description = "The validator id (A-Z a-z 0-9 . _ - :, up to 64).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the private key file; never overwritten.", Required = true };
        var scheme = new Option<string>("--scheme") { Description = "ecdsa-p256-sha256 (default) or ml-dsa-65.", DefaultValueFactory = _ => SignatureSchemes.Default.Name };
        var keygen = new Command("keygen", "Generate a validator key (ECDSA P-256 by default, or ML-DSA-65).") { id, output, scheme };
        keygen.SetAction(parseResult =>
        {
            var validatorId = parseResult.GetValue(id)!;
            if (!ValidatorMember.IsValidId(validatorId))
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"nexuszero: --id: '{validatorId}' is not a valid validator id.");
                return ExitCodes.UsageOrMalformed;
            }

            if (!SignatureSchemes.TryGetByName(parseResult.GetValue(scheme)!, out var chosen))
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"nexuszero: --scheme: unknown scheme '{parseResult.GetValue(scheme)}' (ecdsa-p256-sha256 or ml-dsa-65).");
                return ExitCodes.UsageOrMalformed;
            }

            using var key = chosen.GenerateKey();
            ValidatorKeyFile.Save(parseResult.GetValue(output)!.FullName, validatorId, key);
            parseResult.InvocationConfiguration.Output.WriteLine(ValidatorKeyFile.FormatPublicEntry(validatorId, key.PublicKey.Span));
            return ExitCodes.Success;
        });

        return new Command("validator", "Consensus validator keys.") { keygen };
    }
}
