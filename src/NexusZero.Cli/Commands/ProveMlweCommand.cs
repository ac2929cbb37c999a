using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using NexusZero.Pipeline;
using NexusZero.Proofs.Lattice;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero prove mlwe --k K --l L --eta E [--security 128|192|256] --seed-hex HEX [--context TEXT] --out FILE`:
/// derives a Module-LWE instance t = A·s1 + s2 from the seed (ModuleLweInstance.FromSeed) and proves
/// knowledge of (s1, s2), with γ1 and τ chosen by the estimator for the requested level.
/// </summary>
internal static class ProveMlweCommand
{
    public static Command Create()
    {
        var kOption = new Option<int>("--k") { Description = "Rows of A (1..8).", Required = true };
        var lOption = new Option<int>("--l") { Description = "Columns of A (1..8).", Required = true };
        var etaOption = new Option<int>("--eta") { Description = "Bound η on the secret coefficients (1..8).", Required = true };
        var securityOption = new Option<int>("--security")
        {
            Description = "Security level in bits: 128, 192 or 256.",
            DefaultValueFactory = _ => 128,
        };
        securityOption.AcceptOnlyFromAmong("128", "192", "256");
        var seedOption = new Option<string>("--seed-hex")
        {
            Description = "The 32-byte instance seed in hex (ρ and the secret are derived from it).",
            Required = true,
        };
        var contextOption = ProveOptions.Context();
        var outOption = ProveOptions.Out();
        var forceOption = ForceOption.Create();
        var command = new Command("mlwe", "Prove knowledge of short s1, s2 with t = A·s1 + s2 (Module-LWE).")
        {
            kOption,
            lOption,
            etaOption,
            securityOption,
            seedOption,
            contextOption,
            outOption,
            forceOption,
        };
        command.SetAction(parseResult => Run(
            new Shape(parseResult.GetValue(kOption), parseResult.GetValue(lOption), parseResult.GetValue(etaOption)),
            parseResult.GetValue(securityOption),
            parseResult.GetRequiredValue(seedOption),
            parseResult.GetValue(contextOption),
            new OutputTarget(parseResult.GetRequiredValue(outOption), parseResult.GetValue(forceOption)),
            parseResult.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(Shape shape, int security, string seedHex, string? context, OutputTarget target, TextWriter output)
    {
        // Refused before any work is done, so an existing output costs nothing and changes nothing.
        OutputFile.EnsureWritable(target.Path, target.Force, "--out");
        byte[] seed = LatticeCliInput.DecodeSeed(seedHex);
        try
        {
            (ModuleLweStatement statement, ModuleLweWitness witness) = ModuleLweInstance.FromSeed(seed, shape.K, shape.L, shape.Eta);
            using (witness)
            {
                var api = new NexuszeroApi(ProtocolConfig.Default() with { SecurityLevel = security });
                ProofResult result = api.Prove(new ProofRequest(ModuleLweProofSystem.Instance, statement, witness, Encoding.UTF8.GetBytes(context ?? "")));
                byte[] bytes = result.ToBytes();
                OutputFile.Write(target.Path, target.Force, "--out", bytes);
                output.WriteLine($"statement:      {shape.K}×{shape.L} Module-LWE, η = {shape.Eta}, ρ = {Convert.ToHexStringLower(statement.Seed)}");
                LatticeCliInput.WriteSummary(output, result, bytes.Length, target.Path);
                return ExitCodes.Success;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private readonly record struct Shape(int K, int L, int Eta);
}
