namespace NexusZero.Explainability.Quality;

/// <summary>Rank correlation, Pearson correlation and top-k overlap on attribution vectors.</summary>
internal static class RankStatistics
{
    /// <summary>Spearman's ρ with average ranks for ties; NaN when either vector is constant.</summary>
    public static double Spearman(double[] a, double[] b) => Pearson(Ranks(a), Ranks(b));

    public static double Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n = a.Count;
        double meanA = a.Average();
        double meanB = b.Average();
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++)
        {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }

        return varA > 0 && varB > 0 ? cov / Math.Sqrt(varA * varB) : double.NaN;
    }

    /// <summary>|top-k(|a|) ∩ top-k(|b|)| / k, ties broken by the lower index.</summary>
    public static double TopKOverlap(double[] a, double[] b, int k)
    {
        var topA = Top(a, k);
        var topB = Top(b, k);
        return topA.Intersect(topB).Count() / (double)k;
    }

    private static int[] Top(double[] values, int k) =>
        [.. Enumerable.Range(0, values.Length).OrderByDescending(i => Math.Abs(values[i])).ThenBy(i => i).Take(k)];

    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            double rank = (start + end) / 2.0;
            for (int i = start; i <= end; i++)
            {
                ranks[order[i]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
