using System.CommandLine;

namespace NexusZero.Cli.Commands;

/// <summary>`nexuszero decompress [--max-output BYTES] [--force] IN OUT`; the codec is recognized from the first bytes.</summary>
internal static class DecompressCommand
{
    /// <summary>The default of <c>--max-output</c>: 1 GiB.</summary>
    public const long DefaultMaxOutput = 1L << 30;

    public static Command Create()
    {
        var maxOutput = new Option<long>("--max-output")
        {
            Description = $"Refuse content longer than this many bytes (default {DefaultMaxOutput}): decoding stops at the limit and writes nothing.",
            DefaultValueFactory = _ => DefaultMaxOutput,
        };
        var force = ForceOption.Create();
        var input = new Argument<FileInfo>("IN") { Description = "A file written by `nexuszero compress` or by the lz4 tool." };
        var output = new Argument<FileInfo>("OUT") { Description = "Where to write the content; an existing file is replaced only with --force." };
        var command = new Command("decompress", "Decompress a file; malformed or oversized input exits with code 2.") { maxOutput, force, input, output };
        command.SetAction(parse =>
        {
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            var limit = parse.GetValue(maxOutput);
            if (limit < 0)
            {
                throw new ArgumentException("--max-output: must be zero or more bytes.");
            }

            OutputFile.Write(target.FullName, parse.GetValue(force), "OUT", stream =>
            {
                using var reader = new FileStream(source.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
                CompressedFile.Decompress(reader, new BoundedWriteStream(stream, limit, "Decompressed content (--max-output)"), limit);
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
