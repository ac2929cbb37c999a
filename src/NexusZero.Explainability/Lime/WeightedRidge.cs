using MathNet.Numerics.LinearAlgebra;

namespace NexusZero.Explainability.Lime;

/// <summary>
/// Weighted ridge regression with an unpenalized intercept, minimizing Σ w_i (y_i − b − x_i·β)² + α‖β‖² as
/// scikit-learn's Ridge does with sample weights. The centered weighted Gram matrix is formed once, so any feature
/// subset is fitted (and scored by weighted R²) from its sub-blocks.
/// </summary>
internal sealed class WeightedRidge
{
    private readonly Matrix<double> _gram;
    private readonly double[] _cross;
    private readonly double[] _xMean;
    private readonly double _yMean;
    private readonly double _yVariation;

    public WeightedRidge(ReadOnlySpan<double> x, int features, ReadOnlySpan<double> y, ReadOnlySpan<double> weights)
    {
        int n = y.Length;
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        _xMean = new double[features];
        for (int i = 0; i < n; i++)
        {
            _yMean += weights[i] * y[i];
            for (int j = 0; j < features; j++)
            {
                _xMean[j] += weights[i] * x[(i * features) + j];
            }
        }

        _yMean /= total;
        for (int j = 0; j < features; j++)
        {
            _xMean[j] /= total;
        }

        var gram = new double[features, features];
        _cross = new double[features];
        var centered = new double[features];
        for (int i = 0; i < n; i++)
        {
            double w = weights[i];
            double dy = y[i] - _yMean;
            _yVariation += w * dy * dy;
            for (int j = 0; j < features; j++)
            {
                centered[j] = x[(i * features) + j] - _xMean[j];
            }

            for (int j = 0; j < features; j++)
            {
                double wc = w * centered[j];
                _cross[j] += wc * dy;
                for (int l = 0; l <= j; l++)
                {
                    gram[j, l] += wc * centered[l];
                }
            }
        }

        for (int j = 0; j < features; j++)
        {
            for (int l = 0; l < j; l++)
            {
                gram[l, j] = gram[j, l];
            }
        }

        _gram = Matrix<double>.Build.DenseOfArray(gram);
    }

    public (double[] Coefficients, double Intercept, double Score) Fit(IReadOnlyList<int> subset, double alpha)
    {
        int s = subset.Count;
        if (s == 0)
        {
            return ([], _yMean, 0);
        }

        var g = Matrix<double>.Build.Dense(s, s, (a, b) => _gram[subset[a], subset[b]] + (a == b ? alpha : 0));
        var c = Vector<double>.Build.Dense(s, a => _cross[subset[a]]);
        Vector<double> beta;
        try
        {
            beta = g.Cholesky().Solve(c);
        }
        catch (ArgumentException)
        {
            beta = g.PseudoInverse() * c;
        }

        double intercept = _yMean;
        for (int a = 0; a < s; a++)
        {
            intercept -= _xMean[subset[a]] * beta[a];
        }

        var unpenalized = Matrix<double>.Build.Dense(s, s, (a, b) => _gram[subset[a], subset[b]]);
        double residual = _yVariation - (2 * beta.DotProduct(c)) + beta.DotProduct(unpenalized * beta);
        double score = _yVariation > 0 ? 1 - (Math.Max(residual, 0) / _yVariation) : (residual <= 1e-24 ? 1 : 0);
        return (beta.ToArray(), intercept, score);
    }
}
