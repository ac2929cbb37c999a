namespace NexusZero.Explainability.Shap;

/// <summary>Shapley weights and binomial coefficients for small feature counts, exact in double up to M = 60.</summary>
internal static class ShapleyWeights
{
    /// <summary>|S|!(M−|S|−1)!/M! = 1 / (M · C(M−1, |S|)) for every coalition size |S| = 0..M−1.</summary>
    public static double[] ForSizes(int m)
    {
        var weights = new double[m];
        for (int s = 0; s < m; s++)
        {
            weights[s] = 1.0 / (m * Binomial(m - 1, s));
        }

        return weights;
    }

    public static double Binomial(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        k = Math.Min(k, n - k);
        double result = 1;
        for (int i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return Math.Round(result);
    }
}
