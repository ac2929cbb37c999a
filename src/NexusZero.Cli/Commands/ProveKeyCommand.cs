using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using NexusZero.Pipeline;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero prove key --scheme ml-dsa-44|ml-dsa-65|ml-dsa-87 --seed-hex HEX [--context TEXT] --out FILE`:
/// derives the ML-DSA key pair from the 32-byte seed ξ (FIPS 204 KeyGen) and proves possession of its
/// secret key, bound to the context.
/// </summary>
internal static class ProveKeyCommand
{
    public static Command Create()
    {
        var schemeOption = new Option<string>("--scheme")
        {
            Description = "The ML-DSA parameter set: ml-dsa-44, ml-dsa-65 or ml-dsa-87.",
            Required = true,
        };
        schemeOption.AcceptOnlyFromAmong("ml-dsa-44", "ml-dsa-65", "ml-dsa-87");
        var seedOption = new Option<string>("--seed-hex")
        {
            Description = "The 32-byte key-generation seed ξ in hex (the key pair is derived from it).",
            Required = true,
        };
        var contextOption = ProveOptions.Context();
        var outOption = ProveOptions.Out();
        var forceOption = ForceOption.Create();
        var command = new Command("key", "Prove possession of the ML-DSA secret key derived from a seed.")
        {
            schemeOption,
            seedOption,
            contextOption,
            outOption,
            forceOption,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(schemeOption),
            parseResult.GetRequiredValue(seedOption),
            parseResult.GetValue(contextOption),
            new OutputTarget(parseResult.GetRequiredValue(outOption), parseResult.GetValue(forceOption)),
            parseResult.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string schemeName, string seedHex, string? context, OutputTarget target, TextWriter output)
    {
        // Refused before any work is done, so an existing output costs nothing and changes nothing.
        OutputFile.EnsureWritable(target.Path, target.Force, "--out");
        if (!MLDsaScheme.TryFromName(schemeName, out MLDsaScheme? scheme))
        {
            throw new ArgumentException($"--scheme: unknown ML-DSA parameter set '{schemeName}'.");
        }

        byte[] seed = LatticeCliInput.DecodeSeed(seedHex);
        try
        {
            using MLDsaPrivateKey key = scheme.GenerateKey(seed);
            using var witness = new KeyPossessionWitness(key);
            var statement = new KeyPossessionStatement(key.PublicKey);
            var api = new NexuszeroApi();
            ProofResult result = api.Prove(new ProofRequest(LatticeKeyPossessionProofSystem.Instance, statement, witness, Encoding.UTF8.GetBytes(context ?? "")));
            byte[] bytes = result.ToBytes();
            OutputFile.Write(target.Path, target.Force, "--out", bytes);
            output.WriteLine($"scheme:         {scheme.Name}");
            output.WriteLine($"public key:     {Convert.ToHexStringLower(key.PublicKey.Encoded)}");
            LatticeCliInput.WriteSummary(output, result, bytes.Length, target.Path);
            return ExitCodes.Success;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
