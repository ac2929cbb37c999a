using System.Diagnostics;
using System.Globalization;

namespace NexusZero.Cli.Commands;

/// <summary>
/// Stage-by-stage progress of a long setup or proof on stderr ("nexuszero: proving (3.1 s)"), written only when
/// asked (--progress) or when stderr is a terminal, so that scripts reading stderr see only errors.
/// </summary>
internal sealed class StageProgress(TextWriter? error)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>A writer that reports when <paramref name="requested"/> or stderr is a terminal; otherwise silent.</summary>
    public static StageProgress For(TextWriter error, bool requested) =>
        new(requested || ExplainProgressWriter.IsTerminal(error) ? error : null);

    /// <summary>Runs <paramref name="body"/> as the stage <paramref name="name"/>, reporting its start and its duration.</summary>
    public T Stage<T>(string name, Func<T> body)
    {
        error?.WriteLine($"nexuszero: {name}...");
        var started = _clock.Elapsed;
        var result = body();
        error?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nexuszero: {name}: done in {(_clock.Elapsed - started).TotalSeconds:F1} s"));
        return result;
    }

    /// <summary>The option every long command takes.</summary>
    public static System.CommandLine.Option<bool> Option() =>
        new("--progress") { Description = "Report each stage and its duration on stderr (on by default when stderr is a terminal)." };
}
