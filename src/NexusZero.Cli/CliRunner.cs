using System.CommandLine;

namespace NexusZero.Cli;

/// <summary>
/// Parses and runs a command line. Usage errors and failures become one line on stderr and exit code 2;
/// a stack trace is never printed.
/// </summary>
internal static class CliRunner
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = RootCommandFactory.Create();
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            error.WriteLine($"nexuszero: {string.Join(" ", parseResult.Errors.Select(e => OneLine(e.Message)))}");
            return ExitCodes.UsageOrMalformed;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return parseResult.Invoke(configuration);
        }
        catch (Exception ex) when (ex is NexusZeroException or FormatException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            error.WriteLine($"nexuszero: {OneLine(ex.Message)}");
            return ExitCodes.UsageOrMalformed;
        }
    }

    // Parser messages can span lines (e.g. a list of allowed values); stderr gets exactly one line.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
