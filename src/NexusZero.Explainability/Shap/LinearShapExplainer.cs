using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Shap;

/// <summary>
/// Closed-form SHAP for a linear model with independent features: φ_i = w_i·(x_i − E[x_i]) over the background
/// (summed over the columns of a group). Deterministic and exact; for logistic models explain the linear score instead.
/// </summary>
public sealed class LinearShapExplainer : IExplainer
{
    private readonly ExplainerSetup _setup;
    private readonly DenseLayer _layer;
    private readonly double[] _mean;

    /// <summary>Creates the explainer.</summary>
    /// <param name="model">A linear model (<see cref="DenseModel.IsLinear"/>).</param>
    /// <param name="background">The background data supplying E[x].</param>
    /// <param name="options">Shared options; the seed is not used.</param>
    /// <exception cref="ArgumentException">The model is not linear or shapes disagree.</exception>
    public LinearShapExplainer(DenseModel model, BackgroundData background, ExplainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.IsLinear)
        {
            throw new ArgumentException(
                "Linear SHAP needs a linear model (one layer, identity activation); use ExactShapExplainer, KernelShapExplainer or PermutationShapExplainer for other models.",
                nameof(model));
        }

        _setup = ExplainerSetup.Create(model, background, options);
        _layer = model.Layers[0];
        _mean = background.Mean();
    }

    /// <inheritdoc />
    public Explanation Explain(IReadOnlyList<double[]> instances, CancellationToken cancellationToken = default)
    {
        var data = _setup.Flatten(instances);
        int rows = instances.Count;
        var run = _setup.StartRun(rows, cancellationToken);
        int p = _setup.InputCount;
        int m = _setup.FeatureCount;
        int k = _setup.OutputCount;
        var values = new double[rows * m * k];
        var columnToGroup = _setup.Groups.ColumnToGroup;
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < p; j++)
            {
                double centered = data[(r * p) + j] - _mean[j];
                for (int o = 0; o < k; o++)
                {
                    values[(((r * m) + columnToGroup[j]) * k) + o] += _layer.GetWeight(o, j) * centered;
                }
            }

            run.CompleteRow();
        }

        return _setup.Build("shap-linear", rows, values, _setup.RepeatBase(rows), data, null);
    }
}
