using System.CommandLine;

namespace NexusZero.Cli.Commands;

/// <summary>The list of top-level subcommands; one line per command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return CompressCommand.Create();
        yield return DecompressCommand.Create();
        yield return ExplainCommand.Create();
        yield return ProveCommand.Create();
        yield return VerifyCommand.Create();
        yield return InspectCommand.Create();
        yield return ConsensusCommand.Create();
        yield return ReceiptCommand.Create();
        yield return ValidatorCommand.Create();
        yield return Groth16Command.Create();
        yield return CircuitCommand.Create();
    }
}
