using MathNet.Numerics.LinearAlgebra;

namespace NexusZero.Explainability.Shap;

/// <summary>
/// Shapley-kernel weighted least squares with the efficiency constraint Σφ = f(x) − base built in: the last active
/// feature is eliminated (φ_last = Δ − Σ_{j&lt;last} φ_j), the reduced normal equations are solved by Cholesky
/// (pseudo-inverse when the sample is too small to make them positive definite), so base + Σφ = f(x) holds by construction.
/// </summary>
internal static class ConstrainedKernelSolver
{
    /// <param name="masks">Row-major masks, count × m.</param>
    /// <param name="m">Number of features.</param>
    /// <param name="weights">Kernel weight per mask.</param>
    /// <param name="targets">v(S) − base for one output, per mask.</param>
    /// <param name="delta">f(x) − base for that output.</param>
    /// <param name="active">Features allowed a non-zero value (at least one).</param>
    /// <param name="phi">Destination, m values; inactive features get 0.</param>
    public static void Solve(ReadOnlySpan<byte> masks, int m, ReadOnlySpan<double> weights, ReadOnlySpan<double> targets, double delta, int[] active, Span<double> phi)
    {
        phi.Clear();
        int a = active.Length;
        if (a == 1)
        {
            phi[active[0]] = delta;
            return;
        }

        int last = active[a - 1];
        int q = a - 1;
        var gram = Matrix<double>.Build.Dense(q, q);
        var rhs = Vector<double>.Build.Dense(q);
        Span<double> d = stackalloc double[q];
        for (int i = 0; i < weights.Length; i++)
        {
            double w = weights[i];
            if (w == 0)
            {
                continue;
            }

            var mask = masks.Slice(i * m, m);
            double zLast = mask[last];
            double t = targets[i] - (zLast * delta);
            for (int j = 0; j < q; j++)
            {
                d[j] = mask[active[j]] - zLast;
            }

            for (int j = 0; j < q; j++)
            {
                if (d[j] == 0)
                {
                    continue;
                }

                double wd = w * d[j];
                rhs[j] += wd * t;
                for (int l = 0; l <= j; l++)
                {
                    gram[j, l] += wd * d[l];
                }
            }
        }

        for (int j = 0; j < q; j++)
        {
            for (int l = 0; l < j; l++)
            {
                gram[l, j] = gram[j, l];
            }
        }

        Vector<double> solution;
        try
        {
            solution = gram.Cholesky().Solve(rhs);
        }
        catch (ArgumentException)
        {
            solution = gram.PseudoInverse() * rhs;
        }

        double sum = 0;
        for (int j = 0; j < q; j++)
        {
            phi[active[j]] = solution[j];
            sum += solution[j];
        }

        phi[last] = delta - sum;
    }
}
