namespace NexusZero.Explainability;

/// <summary>Runs one body per row, sequentially or on several threads; each body writes only its own row's slots.</summary>
internal static class RowParallel
{
    public static void For(int rows, int maxDegreeOfParallelism, Action<int> body)
    {
        if (maxDegreeOfParallelism <= 1 || rows <= 1)
        {
            for (int r = 0; r < rows; r++)
            {
                body(r);
            }

            return;
        }

        Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, body);
    }
}
