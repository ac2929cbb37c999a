namespace NexusZero.Explainability.Data;

/// <summary>Seeded k-means (k-means++ initialization, Lloyd iterations) for background summaries.</summary>
internal static class KMeans
{
    public static (double[][] Centroids, int[] Counts) Fit(IReadOnlyList<double[]> rows, int columns, int k, Random random, int maxIterations)
    {
        int n = rows.Count;
        var centroids = new double[k][];
        centroids[0] = (double[])rows[random.Next(n)].Clone();
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        for (int c = 1; c < k; c++)
        {
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], Distance2(rows[i], centroids[c - 1]));
                total += nearest[i];
            }

            int pick = n - 1;
            double target = random.NextDouble() * total;
            for (int i = 0; i < n && total > 0; i++)
            {
                target -= nearest[i];
                if (target <= 0)
                {
                    pick = i;
                    break;
                }
            }

            centroids[c] = (double[])rows[pick].Clone();
        }

        var assignment = new int[n];
        var counts = new int[k];
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            bool changed = iteration == 0;
            for (int i = 0; i < n; i++)
            {
                int best = 0;
                double bestDistance = double.PositiveInfinity;
                for (int c = 0; c < k; c++)
                {
                    double d = Distance2(rows[i], centroids[c]);
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        best = c;
                    }
                }

                changed |= assignment[i] != best;
                assignment[i] = best;
            }

            Array.Clear(counts);
            var sums = new double[k][];
            for (int c = 0; c < k; c++)
            {
                sums[c] = new double[columns];
            }

            for (int i = 0; i < n; i++)
            {
                counts[assignment[i]]++;
                for (int j = 0; j < columns; j++)
                {
                    sums[assignment[i]][j] += rows[i][j];
                }
            }

            for (int c = 0; c < k; c++)
            {
                if (counts[c] > 0)
                {
                    for (int j = 0; j < columns; j++)
                    {
                        centroids[c][j] = sums[c][j] / counts[c];
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return (centroids, counts);
    }

    private static double Distance2(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double d = a[j] - b[j];
            sum += d * d;
        }

        return sum;
    }
}
