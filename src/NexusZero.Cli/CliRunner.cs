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
            error.WriteLine($"nexuszero: {OneLine(Plain(ex))}");
            return ExitCodes.UsageOrMalformed;
        }
    }

    // The runtime appends " (Parameter 'x')" and "Actual value was …" to argument exceptions: noise to an
    // operator, who needs the field and the rule the message itself states.
    private static string Plain(Exception ex)
    {
        var message = ex.Message;
        if (ex is ArgumentOutOfRangeException && message.IndexOf("Actual value was", StringComparison.Ordinal) is var actual and >= 0)
        {
            message = message[..actual];
        }

        message = message.TrimEnd();
        if (ex is ArgumentException { ParamName: { } name } && message.EndsWith($"(Parameter '{name}')", StringComparison.Ordinal))
        {
            message = message[..^$"(Parameter '{name}')".Length].TrimEnd();
        }

        return message;
    }

    // Parser messages can span lines (e.g. a list of allowed values); stderr gets exactly one line.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
