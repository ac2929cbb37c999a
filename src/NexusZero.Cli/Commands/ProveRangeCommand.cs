using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero prove range --value V --min A --max B [--bits 64] [--group NAME] [--blinding-hex HEX]
/// --blinding-out FILE [--context TEXT] --out FILE [--force]`: commits to V with a fresh (or given) blinding and
/// proves A ≤ V ≤ B with Bulletproofs. Prints the commitment; the blinding goes to the file the caller names.
/// </summary>
internal static class ProveRangeCommand
{
    public static Command Create()
    {
        var valueOption = new Option<ulong>("--value") { Description = "The secret value V (0 ≤ V < 2^64).", Required = true };
        var minOption = new Option<ulong>("--min") { Description = "The lower bound A.", Required = true };
        var maxOption = new Option<ulong>("--max") { Description = "The upper bound B (A ≤ B).", Required = true };
        var bitsOption = new Option<int>("--bits") { Description = "Bits of each proven difference: 8, 16, 32 or 64 (V − A and B − V must fit).", DefaultValueFactory = _ => 64 };
        var groupOption = ClassicalCliValues.GroupOption();
        var blindingOption = new Option<string?>("--blinding-hex") { Description = "Use this blinding (a canonical scalar in hex) instead of a fresh random one." };
        var blindingOutOption = new Option<string>("--blinding-out") { Description = "File to write the blinding to (hex, created owner-only); keep it secret: it opens the commitment. Must differ from --out.", Required = true };
        var contextOption = ProveOptions.Context();
        var outOption = ProveOptions.Out();
        var forceOption = ForceOption.Create();
        var command = new Command("range", "Commit to a value and prove it lies in [min, max] (Bulletproofs).")
        {
            valueOption, minOption, maxOption, bitsOption, groupOption, blindingOption, blindingOutOption, contextOption, outOption, forceOption,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var outPath = parseResult.GetRequiredValue(outOption);
            var blindingPath = parseResult.GetRequiredValue(blindingOutOption);
            var force = parseResult.GetValue(forceOption);
            if (string.Equals(Path.GetFullPath(outPath), Path.GetFullPath(blindingPath), StringComparison.Ordinal))
            {
                throw new ArgumentException($"--blinding-out and --out name the same file '{outPath}': the proof would replace the blinding.");
            }

            // Both targets are checked before proving, so a refusal writes neither.
            OutputFile.EnsureWritable(blindingPath, force, "--blinding-out");
            OutputFile.EnsureWritable(outPath, force, "--out");
            var group = ClassicalCliValues.Group(parseResult.GetRequiredValue(groupOption));
            var value = parseResult.GetRequiredValue(valueOption);
            var blindingHex = parseResult.GetValue(blindingOption);
            using var blinding = blindingHex is null ? group.RandomScalar() : ClassicalCliValues.Scalar(group, blindingHex, "--blinding-hex");
            if (blinding.IsZero)
            {
                // C = v·G + 0·H = v·G: anyone can find v by trying values, so the commitment would hide nothing.
                throw new ArgumentException("--blinding-hex: the blinding is zero, which makes the commitment reveal the value; use a random blinding.");
            }

            var commitment = PedersenGenerators.Commit(value, blinding);
            var min = parseResult.GetRequiredValue(minOption);
            var max = parseResult.GetRequiredValue(maxOption);
            var result = new NexuszeroApi().ProveRange(
                commitment, value, blinding, min, max, parseResult.GetRequiredValue(bitsOption), Encoding.UTF8.GetBytes(parseResult.GetValue(contextOption) ?? ""));

            var hex = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(blinding.ToBytes()) + "\n");
            try
            {
                OutputFile.Write(blindingPath, force, "--blinding-out", hex, secret: true);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(hex);
            }

            output.WriteLine($"group:          {group.Name}");
            output.WriteLine($"range:          [{min}, {max}]");
            output.WriteLine($"commitment:     {Convert.ToHexStringLower(commitment.ToBytes())}");
            output.WriteLine($"blinding:       written to {blindingPath} (owner-only)");
            ClassicalCliValues.WriteProof(result, outPath, force, output);
            return ExitCodes.Success;
        });
        return command;
    }
}
