using System.Runtime.ExceptionServices;

namespace NexusZero.Explainability;

/// <summary>Runs one body per row, sequentially or on several threads; each body writes only its own row's slots.</summary>
internal static class RowParallel
{
    public static void For(int rows, int maxDegreeOfParallelism, ExplainRun run, Action<int> body)
    {
        if (maxDegreeOfParallelism <= 1 || rows <= 1)
        {
            for (int r = 0; r < rows; r++)
            {
                body(r);
                run.CompleteRow();
            }

            return;
        }

        try
        {
            Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, r =>
            {
                body(r);
                run.CompleteRow();
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // A cancelled or expired run fails every row still running; the caller wants the one reason, not the set.
            var first = ex.InnerExceptions.FirstOrDefault(e => e is OperationCanceledException or TimeoutException) ?? ex.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
