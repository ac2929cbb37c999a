using System.Text.Json;
using System.Text.Json.Nodes;

namespace NexusZero.Cli.Commands;

/// <summary>Writes the `--json` output of a command.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(TextWriter output, JsonObject json) => output.WriteLine(json.ToJsonString(Indented));
}
