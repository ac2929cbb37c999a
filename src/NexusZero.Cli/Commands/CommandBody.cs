namespace NexusZero.Cli.Commands;

/// <summary>Runs a command's body and turns each kind of failure into one stderr line and its documented exit code.</summary>
internal static class CommandBody
{
    /// <summary>
    /// Runs <paramref name="body"/>: a witness or value the proof system refuses exits 1, malformed input, I/O and
    /// usage errors exit 2, each with one line on stderr that names the command.
    /// </summary>
    public static int Run(TextWriter error, string name, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (NexusZeroException ex) when (ex.Kind == NexusZeroErrorKind.ValidationFailed)
        {
            error.WriteLine($"nexuszero: {name}: {ex.Message}");
            return ExitCodes.Invalid;
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or ArgumentException or NexusZeroException)
        {
            error.WriteLine($"nexuszero: {name}: {ex.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.UsageOrMalformed;
        }
    }
}
