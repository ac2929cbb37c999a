using System.Globalization;
using NexusZero.Explainability;

namespace NexusZero.Cli.Commands;

/// <summary>Writes an explainer's progress to stderr, at most once a second and only once a run has lasted a second.</summary>
internal sealed class ExplainProgressWriter(TextWriter error) : IProgress<ExplainProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private TimeSpan _next = Interval;

    /// <summary>True when the writer is the process's stderr and stderr is a terminal (not a file or a pipe).</summary>
    public static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;

    /// <inheritdoc />
    public void Report(ExplainProgress value)
    {
        lock (_lock)
        {
            if (value.Elapsed < _next)
            {
                return;
            }

            _next = value.Elapsed + Interval;
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"nexuszero: explain: {value.CompletedRows}/{value.TotalRows} row(s), {value.ModelRows} model evaluations, {value.Elapsed.TotalSeconds:0.0} s"));
        }
    }
}
