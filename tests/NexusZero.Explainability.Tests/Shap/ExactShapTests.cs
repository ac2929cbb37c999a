using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;
using NexusZero.Explainability.Shap;

namespace NexusZero.Explainability.Tests.Shap;

public sealed class ExactShapTests
{
    [Theory]
    [InlineData(Activation.Tanh, Activation.Identity, 1)]
    [InlineData(Activation.Relu, Activation.Sigmoid, 1)]
    [InlineData(Activation.Sigmoid, Activation.Softmax, 3)]
    public void Matches_brute_force_permutation_definition(Activation hidden, Activation output, int outputs)
    {
        var model = TestModels.Mlp(5, 7, outputs, hidden, output, seed: 11);
        var rows = TestModels.Rows(9, 5, seed: 3);
        var weights = new double[] { 1, 2, 3, 1, 1, 2, 5, 1, 1 };
        var background = BackgroundData.FromRows(rows, weights);
        var instances = TestModels.Rows(3, 5, seed: 99, scale: 2);
        var explanation = new ExactShapExplainer(model, background).Explain(instances);
        var singletons = Enumerable.Range(0, 5).Select(i => new[] { i }).ToArray();
        for (int r = 0; r < instances.Length; r++)
        {
            var expected = BruteForceShapley.Compute(model, rows, weights, instances[r], singletons);
            for (int i = 0; i < 5; i++)
            {
                for (int o = 0; o < outputs; o++)
                {
                    Assert.Equal(expected[i, o], explanation.GetValue(r, i, o), 1e-12);
                }
            }
        }
    }

    [Fact]
    public void Groups_match_brute_force_over_groups()
    {
        var model = TestModels.Mlp(6, 8, 1, Activation.Tanh, Activation.Identity, seed: 5);
        var rows = TestModels.Rows(12, 6, seed: 8);
        int[][] columns = [[0], [1, 2, 3], [4], [5]];
        var groups = new FeatureGroups(["a", "onehot", "c", "d"], columns, 6);
        var x = TestModels.Rows(1, 6, seed: 17)[0];
        var explanation = new ExactShapExplainer(model, BackgroundData.FromRows(rows), new ExplainerOptions { Groups = groups }).Explain([x]);
        var expected = BruteForceShapley.Compute(model, rows, null, x, columns);
        Assert.Equal(4, explanation.FeatureCount);
        Assert.Equal("onehot", explanation.FeatureNames[1]);
        Assert.True(double.IsNaN(explanation.GetData(0, 1)));
        Assert.Equal(x[4], explanation.GetData(0, 2));
        for (int g = 0; g < 4; g++)
        {
            Assert.Equal(expected[g, 0], explanation.GetValue(0, g), 1e-12);
        }
    }

    [Fact]
    public void Efficiency_holds_within_1e9()
    {
        var model = TestModels.Mlp(10, 16, 2, Activation.Relu, Activation.Softmax, seed: 2);
        var background = TestModels.Background(30, 10, seed: 4);
        var instances = TestModels.Rows(4, 10, seed: 6, scale: 3);
        var explanation = new ExactShapExplainer(model, background).Explain(instances);
        for (int r = 0; r < instances.Length; r++)
        {
            var fx = TestModels.Predict(model, instances[r]);
            for (int o = 0; o < 2; o++)
            {
                Assert.Equal(fx[o], explanation.GetReconstructedOutput(r, o), 1e-9);
            }
        }
    }

    [Fact]
    public void Linear_model_gives_weight_times_centered_value()
    {
        double[] w = [1.5, -2, 0.25, 3, 0];
        var model = DenseModel.Linear(w, 0.7);
        var background = TestModels.Background(40, 5, seed: 1);
        var mean = background.Mean();
        var x = new double[] { 2, -1, 4, 0.5, 9 };
        var explanation = new ExactShapExplainer(model, background).Explain([x]);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(w[i] * (x[i] - mean[i]), explanation.GetValue(0, i), 1e-9);
        }
    }

    [Fact]
    public void Dummy_feature_gets_zero_and_symmetric_features_get_equal_values()
    {
        var model = new DelegateModel(4, 1, (inputs, rows, outputs) =>
        {
            for (int r = 0; r < rows; r++)
            {
                var x = inputs.Slice(r * 4, 4);
                outputs[r] = Math.Tanh(x[0] * x[1]) + (x[3] * x[3]) + Math.Sin(x[0] + x[1] + x[3]);
            }
        });
        var half = TestModels.Rows(10, 4, seed: 21);
        var rows = half.Concat(half.Select(r => new[] { r[1], r[0], r[2], r[3] })).ToArray();
        var x = new double[] { 0.7, 0.7, -3, 1.1 };
        var explanation = new ExactShapExplainer(model, BackgroundData.FromRows(rows)).Explain([x]);
        Assert.Equal(0.0, explanation.GetValue(0, 2), 1e-15);
        Assert.Equal(explanation.GetValue(0, 0), explanation.GetValue(0, 1), 1e-12);
        Assert.NotEqual(0.0, explanation.GetValue(0, 0));
    }

    [Fact]
    public void Refuses_more_than_twenty_features_and_names_the_sampled_explainers()
    {
        var model = DenseModel.Linear(new double[21], 0);
        var error = Assert.Throws<ArgumentException>(() => new ExactShapExplainer(model, TestModels.Background(3, 21, seed: 1)));
        Assert.Contains("KernelShapExplainer", error.Message, StringComparison.Ordinal);
        Assert.Contains("PermutationShapExplainer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parallel_and_sequential_runs_are_bit_identical()
    {
        var model = TestModels.Mlp(8, 12, 1, Activation.Tanh, Activation.Identity, seed: 9);
        var background = TestModels.Background(20, 8, seed: 4);
        var instances = TestModels.Rows(6, 8, seed: 5);
        var one = new ExactShapExplainer(model, background).Explain(instances);
        var two = new ExactShapExplainer(model, background, new ExplainerOptions { MaxDegreeOfParallelism = 2 }).Explain(instances);
        AssertBitIdentical(one, two);
    }

    internal static void AssertBitIdentical(Explanation a, Explanation b)
    {
        Assert.Equal(a.RowCount, b.RowCount);
        for (int r = 0; r < a.RowCount; r++)
        {
            for (int f = 0; f < a.FeatureCount; f++)
            {
                for (int o = 0; o < a.OutputCount; o++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(a.GetValue(r, f, o)), BitConverter.DoubleToInt64Bits(b.GetValue(r, f, o)));
                    Assert.Equal(Bits(a.GetStandardError(r, f, o)), Bits(b.GetStandardError(r, f, o)));
                }
            }
        }
    }

    private static long? Bits(double? value) => value is double v ? BitConverter.DoubleToInt64Bits(v) : null;
}
