using System.Globalization;
using NexusZero.Pipeline;

namespace NexusZero.Cli.Commands;

/// <summary>Input parsing and output shared by the lattice `prove` subcommands.</summary>
internal static class LatticeCliInput
{
    /// <summary>Decodes a 32-byte seed given in hex; the caller zeroes the result.</summary>
    /// <exception cref="FormatException">Not hex, or not 32 bytes.</exception>
    public static byte[] DecodeSeed(string hex)
    {
        byte[] seed;
        try
        {
            seed = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException("--seed-hex: not a hexadecimal string.");
        }

        return seed.Length == 32 ? seed : throw new FormatException($"--seed-hex: the seed is 32 bytes (64 hex digits), got {seed.Length}.");
    }

    /// <summary>Prints the parameter set, the lattice figures, the proof size and the timings.</summary>
    public static void WriteSummary(TextWriter output, ProofResult result, int length, string outPath)
    {
        var metrics = result.Metrics;
        output.WriteLine($"parameters:     {metrics.ParameterSetName} (id {metrics.ParameterSetId}, {metrics.SecurityBits}-bit)");
        foreach (var figure in metrics.Figures)
        {
            string value = figure.Value.ToString("0.####", CultureInfo.InvariantCulture);
            output.WriteLine($"  {figure.Name}: {value}{(figure.Unit is null ? "" : " " + figure.Unit)}");
        }

        output.WriteLine($"proof:          {length} bytes ({metrics.OriginalPayloadSize}-byte payload, codec {metrics.Codec}) written to {outPath}");
        var stages = string.Join(", ", metrics.StageDurations.OrderBy(s => s.Key).Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Value.TotalMilliseconds:F3} ms"));
        output.WriteLine($"timings:        {stages}; total {metrics.TotalDuration.TotalMilliseconds:F3} ms");
    }
}
