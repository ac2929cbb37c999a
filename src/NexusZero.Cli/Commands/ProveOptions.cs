using System.CommandLine;

namespace NexusZero.Cli.Commands;

/// <summary>The options every <c>prove</c> subcommand shares, so their names and help read the same everywhere.</summary>
internal static class ProveOptions
{
    /// <summary><c>--context TEXT</c>: bound into the proof's transcript.</summary>
    public static Option<string?> Context() => new("--context")
    {
        Description = "Text bound into the proof (UTF-8); the proof verifies only with the same context.",
    };

    /// <summary><c>--out FILE</c>: where the proof envelope is written.</summary>
    public static Option<string> Out() => new("--out")
    {
        Description = "Where to write the proof envelope.",
        Required = true,
    };
}
