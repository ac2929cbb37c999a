namespace NexusZero.Explainability.Shap;

/// <summary>
/// Weighted lasso by coordinate descent along a decreasing penalty grid; returns features in the order they first
/// become non-zero (the order a LARS path would add them), used to pick Kernel SHAP's L1 feature subset.
/// </summary>
internal static class LassoPath
{
    private const int GridPoints = 60;
    private const double GridRatio = 0.85;
    private const int Sweeps = 50;

    public static int[] EntryOrder(ReadOnlySpan<byte> masks, int m, ReadOnlySpan<double> weights, ReadOnlySpan<double> targets, int wanted)
    {
        int n = weights.Length;
        var x = new double[n * m];
        for (int i = 0; i < n * m; i++)
        {
            x[i] = masks[i];
        }

        var norms = new double[m];
        double lambdaMax = 0;
        for (int j = 0; j < m; j++)
        {
            double correlation = 0;
            for (int i = 0; i < n; i++)
            {
                norms[j] += weights[i] * x[(i * m) + j] * x[(i * m) + j];
                correlation += weights[i] * x[(i * m) + j] * targets[i];
            }

            lambdaMax = Math.Max(lambdaMax, Math.Abs(correlation));
        }

        var beta = new double[m];
        var residual = targets.ToArray();
        var order = new List<int>();
        double lambda = lambdaMax;
        for (int step = 0; step < GridPoints && order.Count < wanted; step++)
        {
            lambda *= GridRatio;
            for (int sweep = 0; sweep < Sweeps; sweep++)
            {
                double change = 0;
                for (int j = 0; j < m; j++)
                {
                    if (norms[j] == 0)
                    {
                        continue;
                    }

                    double rho = 0;
                    for (int i = 0; i < n; i++)
                    {
                        rho += weights[i] * x[(i * m) + j] * (residual[i] + (x[(i * m) + j] * beta[j]));
                    }

                    double updated = Math.Sign(rho) * Math.Max(Math.Abs(rho) - lambda, 0) / norms[j];
                    double diff = updated - beta[j];
                    if (diff != 0)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            residual[i] -= x[(i * m) + j] * diff;
                        }

                        beta[j] = updated;
                        change = Math.Max(change, Math.Abs(diff));
                    }
                }

                if (change < 1e-10)
                {
                    break;
                }
            }

            var entering = Enumerable.Range(0, m).Where(j => beta[j] != 0 && !order.Contains(j)).OrderByDescending(j => Math.Abs(beta[j])).ThenBy(j => j);
            order.AddRange(entering);
        }

        foreach (int j in Enumerable.Range(0, m).OrderByDescending(j => Math.Abs(beta[j])).ThenBy(j => j))
        {
            if (!order.Contains(j))
            {
                order.Add(j);
            }
        }

        return [.. order.Take(wanted)];
    }
}
