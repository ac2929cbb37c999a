using System.CommandLine;
using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.Cli.Commands;

/// <summary>
/// <c>nexuszero validator keygen --id ID --out FILE [--scheme ecdsa-p256|ml-dsa-65]</c>: writes a validator private
/// key file (owner-only on Unix) and prints the public member entry for a validator-set file.
/// <c>nexuszero validator set add KEYFILE... --out FILE [--epoch N] [--force]</c>: assembles a validator-set file.
/// </summary>
internal static class ValidatorCommand
{
    public static Command Create()
    {
        var id = new Option<string>("--id") { Description = "The validator id (A-Z a-z 0-9 . _ - :, up to 64).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the private key file; never overwritten.", Required = true };
        var scheme = new Option<string>("--scheme") { Description = $"The signature scheme: {SignatureSchemes.OptionNames} (default ecdsa-p256).", DefaultValueFactory = _ => "ecdsa-p256" };
        var keygen = new Command("keygen", "Generate a validator key (ECDSA P-256 by default, or ML-DSA-65).") { id, output, scheme };
        keygen.SetAction(parseResult =>
        {
            var validatorId = parseResult.GetValue(id)!;
            if (!ValidatorMember.IsValidId(validatorId))
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"nexuszero: --id: '{validatorId}' is not a valid validator id (1 to 64 of A-Z a-z 0-9 . _ - :).");
                return ExitCodes.UsageOrMalformed;
            }

            if (!SignatureSchemes.TryGetByOptionName(parseResult.GetValue(scheme)!, out var chosen))
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"nexuszero: --scheme: unknown scheme '{parseResult.GetValue(scheme)}' ({SignatureSchemes.OptionNames}).");
                return ExitCodes.UsageOrMalformed;
            }

            using var key = chosen.GenerateKey();
            ValidatorKeyFile.Save(parseResult.GetValue(output)!.FullName, validatorId, key);
            parseResult.InvocationConfiguration.Output.WriteLine(ValidatorKeyFile.FormatPublicEntry(validatorId, key.PublicKey.Span));
            return ExitCodes.Success;
        });

        return new Command("validator", "Consensus validator keys and sets.") { keygen, CreateSet() };
    }

    private static Command CreateSet()
    {
        var keys = new Argument<FileInfo[]>("KEYFILE") { Description = "Validator key files (from keygen); only their ids and public keys are used.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the validator-set file.", Required = true };
        var epoch = new Option<ulong>("--epoch") { Description = "The set's epoch (default 1).", DefaultValueFactory = _ => 1 };
        var force = ForceOption.Create();
        var add = new Command("add", "Assemble a validator-set file from validator key files.") { keys, output, epoch, force };
        add.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var members = new List<ValidatorMember>();
            ISignatureScheme? setScheme = null;
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            var publicKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in parseResult.GetValue(keys)!)
            {
                string validatorId;
                byte[] publicKey;
                SignatureSchemeId schemeId;
                try
                {
                    using var key = ValidatorKeyFile.Load(file.FullName, out validatorId);
                    publicKey = key.PublicKey.ToArray();
                    schemeId = key.Scheme;
                }
                catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"nexuszero: {file.Name}: {ex.Message}");
                    return ExitCodes.UsageOrMalformed;
                }

                SignatureSchemes.TryGet(schemeId, out var keyScheme);
                if (setScheme is not null && keyScheme != setScheme)
                {
                    error.WriteLine($"nexuszero: {file.Name}: scheme {keyScheme!.Name} differs from {setScheme.Name} of the files before it; a set has one scheme.");
                    return ExitCodes.UsageOrMalformed;
                }

                setScheme = keyScheme;
                if (files.TryGetValue(validatorId, out var earlier))
                {
                    error.WriteLine($"nexuszero: {file.Name}: validator id '{validatorId}' is already taken by {earlier}.");
                    return ExitCodes.UsageOrMalformed;
                }

                var keyText = Convert.ToBase64String(publicKey);
                if (publicKeys.TryGetValue(keyText, out var sameKey))
                {
                    error.WriteLine($"nexuszero: {file.Name}: publicKey is the same as in {sameKey}; every member needs its own key.");
                    return ExitCodes.UsageOrMalformed;
                }

                files.Add(validatorId, file.Name);
                publicKeys.Add(keyText, file.Name);
                members.Add(new ValidatorMember(validatorId, publicKey));
            }

            if (members.Count > ValidatorSet.MaxMembers)
            {
                error.WriteLine($"nexuszero: KEYFILE: at most {ValidatorSet.MaxMembers} validators; got {members.Count}.");
                return ExitCodes.UsageOrMalformed;
            }

            var set = ValidatorSet.Create(parseResult.GetValue(epoch), setScheme!, members);
            var target = parseResult.GetValue(output)!.FullName;
            OutputFile.Write(target, parseResult.GetValue(force), "--out", ValidatorSetFile.Serialize(set));
            parseResult.InvocationConfiguration.Output.WriteLine($"{target}: {members.Count} validators, quorum weight {set.QuorumWeight}, set id {set.SetIdHex}");
            return ExitCodes.Success;
        });

        return new Command("set", "Validator-set files.") { add };
    }
}
