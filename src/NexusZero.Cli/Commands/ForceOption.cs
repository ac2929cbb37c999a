using System.CommandLine;

namespace NexusZero.Cli.Commands;

/// <summary><c>--force</c>: the one way every command that writes a file agrees to replace an existing one.</summary>
internal static class ForceOption
{
    public static Option<bool> Create() => new("--force")
    {
        Description = "Replace existing output files (without it, an existing output is refused and nothing is written).",
    };
}
