using NexusZero.Consensus.Keys;
using NexusZero.Consensus.Signing;
using NexusZero.Consensus.Validators;

namespace NexusZero.ValidatorNode;

/// <summary><c>keygen --id ID --out FILE</c>: writes a private key file and prints the public member entry.</summary>
internal static class KeyGeneration
{
    public static int Run(string[] args)
    {
        string? id = null;
        string? output = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--id": id = args[i + 1]; break;
                case "--out": output = args[i + 1]; break;
                default:
                    Console.Error.WriteLine($"validator-node keygen: unknown option {args[i]}.");
                    return 2;
            }
        }

        if (id is null || output is null || !ValidatorMember.IsValidId(id))
        {
            Console.Error.WriteLine("validator-node keygen: --id ID (A-Z a-z 0-9 . _ - :, up to 64) and --out FILE are required.");
            return 2;
        }

        try
        {
            using var key = SignatureSchemes.Default.GenerateKey();
            ValidatorKeyFile.Save(output, id, key);
            Console.WriteLine(ValidatorKeyFile.FormatPublicEntry(id, key.PublicKey.Span));
            return 0;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"validator-node keygen: {ex.Message}");
            return 2;
        }
    }
}
