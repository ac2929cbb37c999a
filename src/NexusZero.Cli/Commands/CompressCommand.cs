using System.CommandLine;

namespace NexusZero.Cli.Commands;

/// <summary>`nexuszero compress --codec lz4|lz4-high|brotli|none IN OUT`.</summary>
internal static class CompressCommand
{
    public static Command Create()
    {
        var codec = new Option<string>("--codec")
        {
            Description = "lz4 (a standard LZ4 frame), lz4-high, brotli or none.",
            DefaultValueFactory = _ => "lz4",
        };
        codec.AcceptOnlyFromAmong("lz4", "lz4-high", "brotli", "none");
        var input = new Argument<FileInfo>("IN") { Description = "The file to compress." };
        var output = new Argument<FileInfo>("OUT") { Description = "Where to write the compressed file." };
        var command = new Command("compress", "Compress a file (decompress detects the codec).") { codec, input, output };
        command.SetAction(parse =>
        {
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            var name = parse.GetValue(codec)!;
            OutputFile.Write(target, stream =>
            {
                using var reader = source.OpenRead();
                CompressedFile.Compress(name, reader, reader.Length, stream);
            });
            parse.InvocationConfiguration.Output.WriteLine($"{source.Length} -> {new FileInfo(target.FullName).Length} bytes ({name})");
            return ExitCodes.Success;
        });
        return command;
    }
}
