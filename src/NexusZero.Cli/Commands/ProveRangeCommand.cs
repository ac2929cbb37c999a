using System.CommandLine;
using System.Text;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero prove range --value V --min A --max B [--bits 64] [--group NAME] [--blinding-hex HEX]
/// --blinding-out FILE [--context TEXT] --out FILE`: commits to V with a fresh (or given) blinding and
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
        var blindingOutOption = new Option<string>("--blinding-out") { Description = "File to write the blinding to (hex); keep it secret: it opens the commitment.", Required = true };
        var contextOption = ProveOptions.Context();
        var outOption = ProveOptions.Out();
        var command = new Command("range", "Commit to a value and prove it lies in [min, max] (Bulletproofs).")
        {
            valueOption, minOption, maxOption, bitsOption, groupOption, blindingOption, blindingOutOption, contextOption, outOption,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var group = ClassicalCliValues.Group(parseResult.GetRequiredValue(groupOption));
            var value = parseResult.GetRequiredValue(valueOption);
            var blindingHex = parseResult.GetValue(blindingOption);
            using var blinding = blindingHex is null ? group.RandomScalar() : ClassicalCliValues.Scalar(group, blindingHex, "--blinding-hex");
            var commitment = PedersenGenerators.Commit(value, blinding);
            var min = parseResult.GetRequiredValue(minOption);
            var max = parseResult.GetRequiredValue(maxOption);
            var result = new NexuszeroApi().ProveRange(
                commitment, value, blinding, min, max, parseResult.GetRequiredValue(bitsOption), Encoding.UTF8.GetBytes(parseResult.GetValue(contextOption) ?? ""));

            var blindingPath = parseResult.GetRequiredValue(blindingOutOption);
            File.WriteAllText(blindingPath, Convert.ToHexStringLower(blinding.ToBytes()) + "\n");
            output.WriteLine($"group:          {group.Name}");
            output.WriteLine($"range:          [{min}, {max}]");
            output.WriteLine($"commitment:     {Convert.ToHexStringLower(commitment.ToBytes())}");
            output.WriteLine($"blinding:       written to {blindingPath}");
            ClassicalCliValues.WriteProof(result, parseResult.GetRequiredValue(outOption), output);
            return ExitCodes.Success;
        });
        return command;
    }
}
