using System.Numerics;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Shap;

/// <summary>
/// Exact interventional Shapley values by enumerating all 2^M coalitions of M features (or groups) over the background:
/// φ_i = Σ_{S ⊆ N∖{i}} |S|!(M−|S|−1)!/M! · (v(S ∪ {i}) − v(S)). Deterministic; limited to
/// <see cref="MaxFeatures"/> features.
/// </summary>
public sealed class ExactShapExplainer : IExplainer
{
    /// <summary>Most features (or groups) the enumeration accepts: 2^20 coalitions.</summary>
    public const int MaxFeatures = 20;

    private readonly ExplainerSetup _setup;
    private readonly double[] _sizeWeights;

    /// <summary>Creates the explainer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="background">The background data.</param>
    /// <param name="options">Shared options; the seed is not used because nothing is sampled.</param>
    /// <exception cref="ArgumentException">Shapes disagree, or there are more than <see cref="MaxFeatures"/> features.</exception>
    public ExactShapExplainer(IBatchModel model, BackgroundData background, ExplainerOptions? options = null)
    {
        _setup = ExplainerSetup.Create(model, background, options);
        if (_setup.FeatureCount > MaxFeatures)
        {
            throw new ArgumentException(
                $"Exact SHAP enumerates 2^M coalitions and accepts at most {MaxFeatures} features or groups; this model has {_setup.FeatureCount}. " +
                $"Use {nameof(KernelShapExplainer)} or {nameof(PermutationShapExplainer)}, or group features with FeatureGroups.",
                nameof(model));
        }

        _sizeWeights = ShapleyWeights.ForSizes(_setup.FeatureCount);
    }

    /// <summary>The expected model output over the background, per output.</summary>
    public IReadOnlyList<double> BaseValues => _setup.BaseValue;

    /// <inheritdoc />
    public Explanation Explain(IReadOnlyList<double[]> instances, CancellationToken cancellationToken = default)
    {
        var data = _setup.Flatten(instances);
        int rows = instances.Count;
        var run = _setup.StartRun(rows, cancellationToken);
        int m = _setup.FeatureCount;
        int k = _setup.OutputCount;
        var values = new double[rows * m * k];
        RowParallel.For(rows, _setup.Parallelism, run, r => ExplainRow(data.AsSpan(r * _setup.InputCount, _setup.InputCount), values.AsSpan(r * m * k, m * k), run));
        return _setup.Build("shap-exact", rows, values, _setup.RepeatBase(rows), data, null);
    }

    private void ExplainRow(ReadOnlySpan<double> instance, Span<double> phi, ExplainRun run)
    {
        int m = _setup.FeatureCount;
        int k = _setup.OutputCount;
        int coalitions = 1 << m;
        var valueFunction = new CoalitionValueFunction(_setup, instance, run);
        var v = new double[coalitions * k];
        int chunk = Math.Min(coalitions, Math.Max(valueFunction.CoalitionsPerCall, 64));
        var masks = new byte[chunk * m];
        for (int start = 0; start < coalitions; start += chunk)
        {
            int count = Math.Min(chunk, coalitions - start);
            for (int c = 0; c < count; c++)
            {
                int subset = start + c;
                for (int i = 0; i < m; i++)
                {
                    masks[(c * m) + i] = (byte)((subset >> i) & 1);
                }
            }

            valueFunction.Evaluate(masks, count, v.AsSpan(start * k, count * k));
        }

        phi.Clear();
        for (int subset = 0; subset < coalitions; subset++)
        {
            double w = _sizeWeights[Math.Min(BitOperations.PopCount((uint)subset), m - 1)];
            for (int i = 0; i < m; i++)
            {
                int bit = 1 << i;
                if ((subset & bit) != 0)
                {
                    continue;
                }

                int with = (subset | bit) * k;
                int without = subset * k;
                for (int o = 0; o < k; o++)
                {
                    phi[(i * k) + o] += w * (v[with + o] - v[without + o]);
                }
            }
        }
    }
}
