using NexusZero.Explainability.Data;
using NexusZero.Explainability.Lime;
using NexusZero.Explainability.Models;
using NexusZero.Explainability.Tests.Shap;

namespace NexusZero.Explainability.Tests.Lime;

public sealed class LimeTests
{
    private static readonly double[] Coefficients = [2, -1, 0.5, 3, -0.25, 1.5];

    [Fact]
    public void Linear_model_without_discretization_fits_well_with_weights_proportional_to_coefficient_times_scale()
    {
        var model = DenseModel.Linear(Coefficients, 0.3);
        var background = TestModels.Background(200, 6, seed: 1);
        var scale = Scales(background);
        var x = TestModels.Rows(1, 6, seed: 2)[0];
        var explainer = new LimeTabularExplainer(model, background, new LimeOptions { Seed = 5, FeatureSelection = LimeFeatureSelection.None });
        Assert.Equal(0.75 * Math.Sqrt(6), explainer.KernelWidth, 1e-15);
        var result = explainer.ExplainDetailed([x])[0];
        Assert.True(result.Score > 0.99, $"R² {result.Score}");
        double ratio = result.Weights[0] / (Coefficients[0] * scale[0]);
        Assert.InRange(ratio, 0.95, 1.0);
        for (int j = 0; j < 6; j++)
        {
            Assert.Equal(ratio, result.Weights[j] / (Coefficients[j] * scale[j]), 1e-3);
        }

        Assert.Equal(result.LocalPrediction, result.Intercept + result.Contributions.Sum(), 1e-12);
        Assert.True(result.LocalError < 0.05, $"local error {result.LocalError}");
        Assert.Equal(TestModels.Predict(model, x)[0], result.ModelPrediction, 1e-15);
    }

    [Fact]
    public void Contributions_on_a_linear_model_approach_linear_shap()
    {
        var model = DenseModel.Linear(Coefficients, 0.3);
        var background = TestModels.Background(200, 6, seed: 1);
        var mean = background.Mean();
        var x = TestModels.Rows(1, 6, seed: 3)[0];
        var explanation = new LimeTabularExplainer(model, background, new LimeOptions { Seed = 5, FeatureSelection = LimeFeatureSelection.None }).Explain([x]);
        for (int j = 0; j < 6; j++)
        {
            double shap = Coefficients[j] * (x[j] - mean[j]);
            Assert.Equal(shap, explanation.GetValue(0, j), 0.02 * (1 + Math.Abs(shap)));
        }
    }

    [Theory]
    [InlineData(LimeFeatureSelection.Forward)]
    [InlineData(LimeFeatureSelection.HighestWeights)]
    [InlineData(LimeFeatureSelection.Auto)]
    public void Feature_selection_keeps_the_strong_features(LimeFeatureSelection selection)
    {
        var model = DenseModel.Linear([5, 0, 0.01, -4, 0.1], 0);
        var background = TestModels.Background(100, 5, seed: 4);
        var x = TestModels.Rows(1, 5, seed: 6)[0];
        var result = new LimeTabularExplainer(model, background, new LimeOptions { Seed = 1, FeatureSelection = selection, FeatureCount = 2 }).ExplainDetailed([x])[0];
        Assert.Equal([0, 3], result.SelectedFeatures);
        Assert.Equal(0.0, result.Weights[1]);
        Assert.Equal(0.0, result.Weights[4]);
    }

    [Fact]
    public void Discretized_lime_ranks_the_dominant_feature_first()
    {
        var model = new DelegateModel(4, 1, (inputs, rows, outputs) =>
        {
            for (int r = 0; r < rows; r++)
            {
                outputs[r] = (10 * inputs[r * 4]) + inputs[(r * 4) + 1] + (0.1 * inputs[(r * 4) + 2]);
            }
        });
        var background = TestModels.Background(120, 4, seed: 8);
        var x = new double[] { 0.9, 0.5, 0.2, 0.0 };
        var result = new LimeTabularExplainer(model, background, new LimeOptions { Seed = 2, Discretize = true }).ExplainDetailed([x])[0];
        Assert.InRange(result.Score, 0, 1);
        int top = Enumerable.Range(0, 4).OrderByDescending(j => Math.Abs(result.Weights[j])).First();
        Assert.Equal(0, top);
        Assert.True(result.Weights[0] > 0);
        Assert.Equal(result.Contributions[0], result.Weights[0]);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_output_sequential_or_parallel()
    {
        var model = TestModels.Mlp(6, 8, 2, Activation.Tanh, Activation.Softmax, seed: 3);
        var background = TestModels.Background(50, 6, seed: 1);
        var instances = TestModels.Rows(5, 6, seed: 9);
        var a = new LimeTabularExplainer(model, background, new LimeOptions { Seed = 4, OutputIndex = 1, Samples = 800 }).Explain(instances);
        var b = new LimeTabularExplainer(model, background, new LimeOptions { Seed = 4, OutputIndex = 1, Samples = 800, MaxDegreeOfParallelism = 2 }).Explain(instances);
        ExactShapTests.AssertBitIdentical(a, b);
        Assert.Equal(1, a.OutputCount);
        Assert.Equal("lime", a.Method);
    }

    [Fact]
    public void Rejects_bad_options()
    {
        var model = DenseModel.Linear([1, 2], 0);
        var background = TestModels.Background(10, 2, seed: 1);
        Assert.Throws<ArgumentException>(() => new LimeTabularExplainer(model, background, new LimeOptions { Samples = 1 }));
        Assert.Throws<ArgumentException>(() => new LimeTabularExplainer(model, background, new LimeOptions { OutputIndex = 1 }));
        Assert.Throws<ArgumentException>(() => new LimeTabularExplainer(model, background, new LimeOptions { KernelWidth = -1 }));
        Assert.Throws<ArgumentException>(() => new LimeTabularExplainer(model, background, new LimeOptions { Groups = FeatureGroups.Singletons(["a", "b"]) }));
    }

    private static double[] Scales(BackgroundData background)
    {
        var mean = background.Mean();
        var scale = new double[background.ColumnCount];
        for (int r = 0; r < background.RowCount; r++)
        {
            for (int j = 0; j < scale.Length; j++)
            {
                double d = background.GetValue(r, j) - mean[j];
                scale[j] += background.GetWeight(r) * d * d;
            }
        }

        return [.. scale.Select(Math.Sqrt)];
    }
}
