using System.CommandLine;
using System.Text;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero prove dleq --secret-hex HEX --h-hex HEX [--g-hex HEX] [--group NAME] [--context TEXT] --out FILE`:
/// a Chaum–Pedersen proof that X = x·G and Y = x·H share the secret x.
/// </summary>
internal static class ProveDleqCommand
{
    public static Command Create()
    {
        var secretOption = new Option<string>("--secret-hex") { Description = "The secret x as a canonical scalar of the group, in hex.", Required = true };
        var hOption = new Option<string>("--h-hex") { Description = "The second generator H as a canonical element of the group, in hex.", Required = true };
        var gOption = new Option<string?>("--g-hex") { Description = "The first generator G (default: the group's standard generator)." };
        var groupOption = ClassicalCliValues.GroupOption();
        var contextOption = ProveOptions.Context();
        var outOption = ProveOptions.Out();
        var forceOption = ForceOption.Create();
        var command = new Command("dleq", "Prove X = x·G and Y = x·H for one secret x (Chaum–Pedersen).")
        {
            secretOption, hOption, gOption, groupOption, contextOption, outOption, forceOption,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            OutputFile.EnsureWritable(parseResult.GetRequiredValue(outOption), parseResult.GetValue(forceOption), "--out");
            var group = ClassicalCliValues.Group(parseResult.GetRequiredValue(groupOption));
            var gHex = parseResult.GetValue(gOption);
            var g = gHex is null ? group.Generator : ClassicalCliValues.Element(group, gHex, "--g-hex");
            var h = ClassicalCliValues.Element(group, parseResult.GetRequiredValue(hOption), "--h-hex");
            using var secret = ClassicalCliValues.Scalar(group, parseResult.GetRequiredValue(secretOption), "--secret-hex");
            var result = new NexuszeroApi().ProveEquality(g, h, secret, Encoding.UTF8.GetBytes(parseResult.GetValue(contextOption) ?? ""));
            output.WriteLine($"group:          {group.Name}");
            output.WriteLine($"X = x·G:        {Convert.ToHexStringLower(g.Multiply(secret).ToBytes())}");
            output.WriteLine($"Y = x·H:        {Convert.ToHexStringLower(h.Multiply(secret).ToBytes())}");
            ClassicalCliValues.WriteProof(result, parseResult.GetRequiredValue(outOption), parseResult.GetValue(forceOption), output);
            return ExitCodes.Success;
        });
        return command;
    }
}
