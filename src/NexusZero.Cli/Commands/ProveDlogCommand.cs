using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using NexusZero.Diagnostics;
using NexusZero.Groups;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero prove dlog --secret-hex HEX [--generator-hex HEX] [--context TEXT] --out FILE`: a Schnorr proof
/// of knowledge of x with X = x·G over ristretto255.
/// </summary>
internal static class ProveDlogCommand
{
    public static Command Create()
    {
        var secretOption = new Option<string>("--secret-hex")
        {
            Description = "The secret x: a canonical ristretto255 scalar, 32 bytes little-endian, in hex (visible in the process list: for demonstrations).",
            Required = true,
        };
        var generatorOption = new Option<string?>("--generator-hex")
        {
            Description = "The generator G as a canonical ristretto255 element in hex (default: the standard base point).",
        };
        var contextOption = ProveOptions.Context();
        var outOption = ProveOptions.Out();
        var forceOption = ForceOption.Create();
        var groupOption = ClassicalCliValues.GroupOption();
        var command = new Command("dlog", "Prove knowledge of x with X = x·G (Schnorr over ristretto255 or secp256k1).")
        {
            groupOption,
            secretOption,
            generatorOption,
            contextOption,
            outOption,
            forceOption,
        };
        command.SetAction(parseResult => Run(
            ClassicalCliValues.Group(parseResult.GetRequiredValue(groupOption)),
            parseResult.GetRequiredValue(secretOption),
            parseResult.GetValue(generatorOption),
            parseResult.GetValue(contextOption),
            new OutputTarget(parseResult.GetRequiredValue(outOption), parseResult.GetValue(forceOption)),
            parseResult.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(IPrimeOrderGroup group, string secretHex, string? generatorHex, string? context, OutputTarget target, TextWriter output)
    {
        // Refused before any work is done, so an existing output costs nothing and changes nothing.
        OutputFile.EnsureWritable(target.Path, target.Force, "--out");
        var generator = generatorHex is null ? group.Generator : DecodeGenerator(group, generatorHex);
        using var secret = DecodeSecret(group, secretHex);
        var publicValue = generator.Multiply(secret);
        var api = new NexuszeroApi();
        var result = api.ProveDiscreteLog(generator, publicValue, secret, Encoding.UTF8.GetBytes(context ?? ""));
        var bytes = result.ToBytes();
        OutputFile.Write(target.Path, target.Force, "--out", bytes);

        var metrics = result.Metrics;
        output.WriteLine($"public value:   {Convert.ToHexStringLower(publicValue.ToBytes())}");
        output.WriteLine($"generator:      {Convert.ToHexStringLower(generator.ToBytes())}");
        output.WriteLine($"proof:          {bytes.Length} bytes ({metrics.OriginalPayloadSize}-byte payload, codec {metrics.Codec}) written to {target.Path}");
        var stages = string.Join(", ", metrics.StageDurations.OrderBy(s => s.Key).Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Value.TotalMilliseconds:F3} ms"));
        output.WriteLine($"timings:        {stages}; total {metrics.TotalDuration.TotalMilliseconds:F3} ms");
        return ExitCodes.Success;
    }

    private static GroupScalar DecodeSecret(IPrimeOrderGroup group, string hex)
    {
        var bytes = DecodeHex(hex, "--secret-hex");
        try
        {
            return group.TryDecodeScalar(bytes, out var scalar)
                ? scalar
                : throw new FormatException($"--secret-hex: not a canonical {group.Name} scalar ({group.ScalarLength} bytes, below the group order; little-endian for ristretto255, big-endian for secp256k1).");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static GroupElement DecodeGenerator(IPrimeOrderGroup group, string hex) =>
        group.TryDecodeElement(DecodeHex(hex, "--generator-hex"), out var element)
            ? element
            : throw new FormatException($"--generator-hex: not a canonical {group.Name} element encoding ({group.ElementLength} bytes).");

    private static byte[] DecodeHex(string hex, string option)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException($"{option}: not a hexadecimal string.");
        }
    }
}
