using System.CommandLine;

namespace NexusZero.Cli.Commands;

/// <summary>`nexuszero prove KIND ...`: the parent of one subcommand per kind of statement.</summary>
internal static class ProveCommand
{
    public static Command Create()
    {
        var prove = new Command("prove", "Generate a proof and write its envelope to a file.");
        foreach (var subcommand in Subcommands())
        {
            prove.Subcommands.Add(subcommand);
        }

        return prove;
    }

    // One line per kind of statement; each subcommand lives in its own file.
    private static IEnumerable<Command> Subcommands()
    {
        yield return ProveDlogCommand.Create();
        yield return ProveDleqCommand.Create();
        yield return ProveRangeCommand.Create();
        yield return ProveKeyCommand.Create();
        yield return ProveMlweCommand.Create();
        yield return ProvePreimageCommand.Create();
        yield return ProveInferenceCommand.Create();
    }
}
