using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.ValidatorNode;

/// <summary>
/// <c>keygen --id ID --out FILE [--scheme ecdsa-p256|ml-dsa-65]</c>: writes a private key file and prints the public
/// member entry, exactly as <c>nexuszero validator keygen</c> does (same options, same file format).
/// </summary>
internal static class KeyGeneration
{
    public static int Run(string[] args)
    {
        string? id = null;
        string? output = null;
        var schemeName = "ecdsa-p256";
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"validator-node keygen: {args[i]} needs a value.");
                return 2;
            }

            switch (args[i])
            {
                case "--id": id = args[i + 1]; break;
                case "--out": output = args[i + 1]; break;
                case "--scheme": schemeName = args[i + 1]; break;
                default:
                    Console.Error.WriteLine($"validator-node keygen: unknown option {args[i]} (--id, --out, --scheme).");
                    return 2;
            }
        }

        if (id is null || output is null)
        {
            Console.Error.WriteLine("validator-node keygen: --id ID and --out FILE are required.");
            return 2;
        }

        if (!ValidatorMember.IsValidId(id))
        {
            Console.Error.WriteLine($"validator-node keygen: --id: '{id}' is not a valid validator id (1 to 64 of A-Z a-z 0-9 . _ - :).");
            return 2;
        }

        if (!SignatureSchemes.TryGetByOptionName(schemeName, out var scheme))
        {
            Console.Error.WriteLine($"validator-node keygen: --scheme: unknown scheme '{schemeName}' ({SignatureSchemes.OptionNames}).");
            return 2;
        }

        try
        {
            using var key = scheme.GenerateKey();
            ValidatorKeyFile.Save(output, id, key);
            Console.WriteLine(ValidatorKeyFile.FormatPublicEntry(id, key.PublicKey.Span));
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"validator-node keygen: --out: {ex.Message}");
            return 2;
        }
    }
}
