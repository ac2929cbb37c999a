using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Shap;

/// <summary>
/// Permutation SHAP: the mean marginal contribution of each feature along random feature orderings, each ordering walked
/// forward and in reverse (antithetic sampling). Each walk telescopes to f(x) − base, so efficiency holds for any number
/// of permutations, and on additive models every walk gives the exact values. The standard error is the spread of the
/// per-pair estimates over √pairs (NaN with a single pair).
/// </summary>
public sealed class PermutationShapExplainer : IExplainer
{
    private readonly ExplainerSetup _setup;
    private readonly int _pairs;

    /// <summary>Creates the explainer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="background">The background data.</param>
    /// <param name="options">Options, including the seed.</param>
    /// <exception cref="ArgumentException">Shapes disagree or fewer than one permutation pair was asked for.</exception>
    public PermutationShapExplainer(IBatchModel model, BackgroundData background, PermutationShapOptions? options = null)
    {
        options ??= new PermutationShapOptions();
        if (options.PermutationPairs < 1)
        {
            throw new ArgumentException("PermutationPairs must be at least 1.", nameof(options));
        }

        _setup = ExplainerSetup.Create(model, background, options);
        _pairs = options.PermutationPairs;
    }

    /// <inheritdoc />
    public Explanation Explain(IReadOnlyList<double[]> instances, CancellationToken cancellationToken = default)
    {
        var data = _setup.Flatten(instances);
        int rows = instances.Count;
        var run = _setup.StartRun(rows, cancellationToken);
        int size = _setup.FeatureCount * _setup.OutputCount;
        var values = new double[rows * size];
        var errors = new double[rows * size];
        RowParallel.For(rows, _setup.Parallelism, run, r => ExplainRow(r, data.AsSpan(r * _setup.InputCount, _setup.InputCount), values.AsSpan(r * size, size), errors.AsSpan(r * size, size), run));
        return _setup.Build("shap-permutation", rows, values, _setup.RepeatBase(rows), data, errors);
    }

    private void ExplainRow(int row, ReadOnlySpan<double> instance, Span<double> phi, Span<double> errors, ExplainRun run)
    {
        int m = _setup.FeatureCount;
        int k = _setup.OutputCount;
        var random = DeterministicRandom.ForRow(_setup.Seed, row);
        var valueFunction = new CoalitionValueFunction(_setup, instance, run);
        int steps = m - 1;

        // One pair of antithetic permutations at a time: the masks of all pairs at once would take pairs · 2 · M² bytes
        // (335 MB for M = 4096 and 10 pairs), one pair takes 2 · M². The draws happen in the same order either way.
        var masks = new byte[2 * steps * m];
        var v = new double[2 * steps * k];
        var order = new int[m];
        var sum = new double[m * k];
        var sumSquares = new double[m * k];
        var pair = new double[m * k];
        for (int p = 0; p < _pairs; p++)
        {
            for (int i = 0; i < m; i++)
            {
                order[i] = i;
            }

            for (int i = m - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            Array.Clear(masks);
            for (int direction = 0; direction < 2; direction++)
            {
                for (int t = 0; t < steps; t++)
                {
                    var mask = masks.AsSpan(((direction * steps) + t) * m, m);
                    for (int u = 0; u <= t; u++)
                    {
                        mask[order[direction == 0 ? u : m - 1 - u]] = 1;
                    }
                }
            }

            valueFunction.Evaluate(masks, 2 * steps, v);
            Array.Clear(pair);
            for (int direction = 0; direction < 2; direction++)
            {
                for (int o = 0; o < k; o++)
                {
                    double previous = _setup.BaseValue[o];
                    for (int t = 0; t < m; t++)
                    {
                        double current = t == m - 1 ? valueFunction.Prediction[o] : v[(((direction * steps) + t) * k) + o];
                        int feature = order[direction == 0 ? t : m - 1 - t];
                        pair[(feature * k) + o] += 0.5 * (current - previous);
                        previous = current;
                    }
                }
            }

            for (int i = 0; i < m * k; i++)
            {
                sum[i] += pair[i];
                sumSquares[i] += pair[i] * pair[i];
            }
        }

        for (int i = 0; i < m * k; i++)
        {
            double mean = sum[i] / _pairs;
            phi[i] = mean;
            errors[i] = _pairs < 2
                ? double.NaN
                : Math.Sqrt(Math.Max(0, (sumSquares[i] - (_pairs * mean * mean)) / (_pairs - 1)) / _pairs);
        }
    }
}
