using System.CommandLine;
using NexusZero.Cli.Commands;

namespace NexusZero.Cli;

/// <summary>Builds the `nexuszero` command tree. Each subcommand lives in its own file under Commands/.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create()
    {
        var root = new RootCommand("NexusZero: prove, verify and inspect zero-knowledge proofs.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
