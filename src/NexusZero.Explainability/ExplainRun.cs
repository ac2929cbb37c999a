using System.Diagnostics;
using System.Globalization;

namespace NexusZero.Explainability;

/// <summary>
/// One call of an explainer: its cancellation token, its deadline and its progress. Every model evaluation goes
/// through <see cref="Models.ModelCall"/>, which checks the run before each chunk of rows, so a cancelled or expired
/// call stops within one chunk (about 2^24 multiply-adds for a dense model) instead of at the end of a row.
/// </summary>
internal sealed class ExplainRun
{
    /// <summary>Least time between two progress reports, so that a fast run does not flood its listener.</summary>
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationToken _cancellationToken;
    private readonly TimeSpan? _timeLimit;
    private readonly IProgress<ExplainProgress>? _progress;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _reportLock = new();
    private long _lastReport;
    private int _completedRows;
    private long _modelRows;

    private ExplainRun(int totalRows, ExplainerOptions options, CancellationToken cancellationToken)
    {
        TotalRows = totalRows;
        _timeLimit = options.TimeLimit;
        _progress = options.Progress;
        _cancellationToken = cancellationToken;
        _lastReport = _started;
    }

    /// <summary>Rows asked for in this call.</summary>
    public int TotalRows { get; }

    /// <summary>Starts a run; throws at once if the token is already cancelled.</summary>
    public static ExplainRun Start(int totalRows, ExplainerOptions options, CancellationToken cancellationToken)
    {
        var run = new ExplainRun(totalRows, options, cancellationToken);
        run.Check();
        return run;
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when cancelled and <see cref="TimeoutException"/> past the time limit.</summary>
    public void Check()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_timeLimit is { } limit && Stopwatch.GetElapsedTime(_started) > limit)
        {
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"The explanation ran past its time limit of {limit.TotalSeconds:0.###} s after {Volatile.Read(ref _completedRows)} of {TotalRows} row(s) and {Interlocked.Read(ref _modelRows)} model evaluations."));
        }
    }

    /// <summary>Counts model evaluations and reports progress now and then.</summary>
    public void AddModelRows(int rows)
    {
        Interlocked.Add(ref _modelRows, rows);
        Report(force: false);
    }

    /// <summary>Marks one row finished, reports progress and checks the budget.</summary>
    public void CompleteRow()
    {
        Interlocked.Increment(ref _completedRows);
        Report(force: true);
        Check();
    }

    private void Report(bool force)
    {
        if (_progress is null)
        {
            return;
        }

        long now = Stopwatch.GetTimestamp();
        lock (_reportLock)
        {
            if (!force && Stopwatch.GetElapsedTime(_lastReport, now) < ReportInterval)
            {
                return;
            }

            _lastReport = now;
        }

        _progress.Report(new ExplainProgress(Volatile.Read(ref _completedRows), TotalRows, Interlocked.Read(ref _modelRows), Stopwatch.GetElapsedTime(_started, now)));
    }
}
