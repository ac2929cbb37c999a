using NexusZero.Cli;

namespace NexusZero.Tests.Cli;

/// <summary>Runs the CLI in-process and keeps its files in a temporary folder removed on dispose.</summary>
public sealed class CliHarness : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nexuszero-cli-").FullName;

    public string PathOf(string name) => Path.Combine(_folder, name);

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliRunner.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
