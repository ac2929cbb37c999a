using System.CommandLine;

namespace NexusZero.Cli.Commands;

/// <summary>`nexuszero compress [--codec lz4|lz4-high|brotli|none] [--max-input BYTES] [--force] IN OUT`.</summary>
internal static class CompressCommand
{
    /// <summary>The default of <c>--max-input</c>: 1 GiB.</summary>
    public const long DefaultMaxInput = 1L << 30;

    public static Command Create()
    {
        var codec = new Option<string>("--codec")
        {
            Description = "lz4 (a standard LZ4 frame), lz4-high, brotli or none.",
            DefaultValueFactory = _ => "lz4",
        };
        codec.AcceptOnlyFromAmong("lz4", "lz4-high", "brotli", "none");
        var maxInput = new Option<long>("--max-input")
        {
            Description = $"Refuse an input longer than this many bytes (default {DefaultMaxInput}); pipes and special files are read up to it.",
            DefaultValueFactory = _ => DefaultMaxInput,
        };
        var force = ForceOption.Create();
        var input = new Argument<FileInfo>("IN") { Description = "The file to compress (a pipe or special file is read up to --max-input)." };
        var output = new Argument<FileInfo>("OUT") { Description = "Where to write the compressed file; an existing file is replaced only with --force." };
        var command = new Command("compress", "Compress a file (decompress detects the codec).") { codec, maxInput, force, input, output };
        command.SetAction(parse =>
        {
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            var name = parse.GetValue(codec)!;
            var limit = parse.GetValue(maxInput);
            if (limit < 0)
            {
                throw new ArgumentException("--max-input: must be zero or more bytes.");
            }

            long read = 0;
            OutputFile.Write(target.FullName, parse.GetValue(force), "OUT", stream =>
            {
                using var file = new FileStream(source.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
                // Only a regular file's length can be trusted ahead of reading; /proc entries, devices and pipes report 0 or nothing.
                long? length = file.CanSeek && file.Length > 0 ? file.Length : null;
                if (length > limit)
                {
                    throw new FormatException($"IN '{source.FullName}' is longer than the limit of {limit} bytes (--max-input).");
                }

                var bounded = new BoundedReadStream(file, limit, $"IN '{source.FullName}' (--max-input)");
                CompressedFile.Compress(name, bounded, length, stream);
                read = bounded.BytesRead;
            });
            parse.InvocationConfiguration.Output.WriteLine($"{read} -> {new FileInfo(target.FullName).Length} bytes ({name})");
            return ExitCodes.Success;
        });
        return command;
    }
}
