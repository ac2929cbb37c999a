using System.CommandLine;

namespace NexusZero.Cli.Commands;

/// <summary>`nexuszero decompress IN OUT`; the codec is recognized from the first bytes.</summary>
internal static class DecompressCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("IN") { Description = "A file written by `nexuszero compress` or by the lz4 tool." };
        var output = new Argument<FileInfo>("OUT") { Description = "Where to write the content." };
        var command = new Command("decompress", "Decompress a file; malformed input exits with code 2.") { input, output };
        command.SetAction(parse =>
        {
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            OutputFile.Write(target, stream =>
            {
                using var reader = source.OpenRead();
                CompressedFile.Decompress(reader, stream);
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
