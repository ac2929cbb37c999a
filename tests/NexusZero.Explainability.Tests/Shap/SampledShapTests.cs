using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;
using NexusZero.Explainability.Shap;

namespace NexusZero.Explainability.Tests.Shap;

public sealed class SampledShapTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    public void Kernel_shap_with_a_full_budget_equals_exact(int m)
    {
        var model = TestModels.Mlp(m, 10, 2, Activation.Tanh, Activation.Softmax, seed: m);
        var background = TestModels.Background(15, m, seed: 3);
        var instances = TestModels.Rows(3, m, seed: 77, scale: 2);
        var exact = new ExactShapExplainer(model, background).Explain(instances);
        var kernel = new KernelShapExplainer(model, background, new KernelShapOptions { Budget = (1 << m) - 2, Seed = 4 }).Explain(instances);
        for (int r = 0; r < instances.Length; r++)
        {
            for (int i = 0; i < m; i++)
            {
                for (int o = 0; o < 2; o++)
                {
                    Assert.Equal(exact.GetValue(r, i, o), kernel.GetValue(r, i, o), 1e-8);
                    Assert.Equal(0.0, kernel.GetStandardError(r, i, o)!.Value);
                }
            }
        }
    }

    [Fact]
    public void Kernel_shap_with_the_default_budget_is_efficient_and_close_to_exact()
    {
        int m = 12;
        var model = TestModels.Mlp(m, 16, 1, Activation.Relu, Activation.Identity, seed: 31);
        var background = TestModels.Background(20, m, seed: 3);
        var instances = TestModels.Rows(2, m, seed: 8, scale: 2);
        var explainer = new KernelShapExplainer(model, background, new KernelShapOptions { Seed = 1 });
        Assert.Equal(2 * m + 2048, explainer.EffectiveBudget);
        var kernel = explainer.Explain(instances);
        var exact = new ExactShapExplainer(model, background).Explain(instances);
        for (int r = 0; r < instances.Length; r++)
        {
            Assert.Equal(TestModels.Predict(model, instances[r])[0], kernel.GetReconstructedOutput(r), 1e-6);
            for (int i = 0; i < m; i++)
            {
                double error = Math.Abs(kernel.GetValue(r, i) - exact.GetValue(r, i));
                double se = kernel.GetStandardError(r, i)!.Value;
                Assert.True(se > 0, "sampled values report a positive standard error");
                Assert.True(error <= (5 * se) + 1e-9, $"feature {i}: error {error} vs standard error {se}");
            }
        }
    }

    [Fact]
    public void Sampled_explainers_are_exact_on_a_linear_model_within_their_error()
    {
        double[] w = [1.5, -2, 0.25, 3, 0, -0.5, 1, 2, -1, 0.1, 0.3, -4];
        var model = DenseModel.Linear(w, -1);
        var background = TestModels.Background(25, 12, seed: 2);
        var mean = background.Mean();
        var instances = TestModels.Rows(3, 12, seed: 12, scale: 3);
        IExplainer[] explainers =
        [
            new KernelShapExplainer(model, background, new KernelShapOptions { Seed = 3 }),
            new PermutationShapExplainer(model, background, new PermutationShapOptions { Seed = 3 }),
            new LinearShapExplainer(model, background),
            new ExactShapExplainer(model, background),
        ];
        foreach (var explainer in explainers)
        {
            var explanation = explainer.Explain(instances);
            for (int r = 0; r < instances.Length; r++)
            {
                Assert.Equal(TestModels.Predict(model, instances[r])[0], explanation.GetReconstructedOutput(r), 1e-9);
                for (int i = 0; i < w.Length; i++)
                {
                    double tolerance = Math.Max(1e-9, 3 * (explanation.GetStandardError(r, i) ?? 0));
                    Assert.Equal(w[i] * (instances[r][i] - mean[i]), explanation.GetValue(r, i), tolerance);
                }
            }
        }
    }

    [Fact]
    public void Sampled_explainers_handle_more_features_than_exact_accepts()
    {
        var weights = Enumerable.Range(0, 25).Select(i => (i % 5) - 2.0).ToArray();
        var model = DenseModel.Linear(weights, 0.5);
        var background = TestModels.Background(10, 25, seed: 1);
        var mean = background.Mean();
        var x = TestModels.Rows(1, 25, seed: 2, scale: 2)[0];
        var kernel = new KernelShapExplainer(model, background, new KernelShapOptions { Seed = 1, Budget = 400 }).Explain([x]);
        var permutation = new PermutationShapExplainer(model, background, new PermutationShapOptions { Seed = 1, PermutationPairs = 2 }).Explain([x]);
        foreach (var explanation in new[] { kernel, permutation })
        {
            Assert.Equal(TestModels.Predict(model, x)[0], explanation.GetReconstructedOutput(0), 1e-9);
            for (int i = 0; i < 25; i++)
            {
                Assert.Equal(weights[i] * (x[i] - mean[i]), explanation.GetValue(0, i), 1e-8);
            }
        }
    }

    [Fact]
    public void Permutation_shap_equals_exact_on_an_additive_model()
    {
        var model = new DelegateModel(6, 2, (inputs, rows, outputs) =>
        {
            for (int r = 0; r < rows; r++)
            {
                var x = inputs.Slice(r * 6, 6);
                outputs[r * 2] = Math.Sin(x[0]) + (x[1] * x[1]) + Math.Exp(0.3 * x[2]) - Math.Abs(x[3]) + (2 * x[4]) + Math.Tanh(x[5]);
                outputs[(r * 2) + 1] = Math.Cos(x[5]) - (x[0] * x[0] * x[0]);
            }
        });
        var background = TestModels.Background(17, 6, seed: 5);
        var instances = TestModels.Rows(4, 6, seed: 50, scale: 2);
        var exact = new ExactShapExplainer(model, background).Explain(instances);
        var permutation = new PermutationShapExplainer(model, background, new PermutationShapOptions { PermutationPairs = 3, Seed = 9 }).Explain(instances);
        for (int r = 0; r < instances.Length; r++)
        {
            for (int i = 0; i < 6; i++)
            {
                for (int o = 0; o < 2; o++)
                {
                    Assert.Equal(exact.GetValue(r, i, o), permutation.GetValue(r, i, o), 1e-9);
                }
            }
        }
    }

    [Fact]
    public void Permutation_shap_is_efficient_on_a_non_additive_model()
    {
        var model = TestModels.Mlp(9, 12, 1, Activation.Tanh, Activation.Sigmoid, seed: 8);
        var background = TestModels.Background(20, 9, seed: 5);
        var instances = TestModels.Rows(3, 9, seed: 5, scale: 2);
        var permutation = new PermutationShapExplainer(model, background, new PermutationShapOptions { Seed = 2 }).Explain(instances);
        for (int r = 0; r < instances.Length; r++)
        {
            Assert.Equal(TestModels.Predict(model, instances[r])[0], permutation.GetReconstructedOutput(r), 1e-9);
        }
    }

    [Fact]
    public void Same_seed_gives_bit_identical_output_sequential_or_parallel()
    {
        var model = TestModels.Mlp(10, 12, 1, Activation.Tanh, Activation.Identity, seed: 9);
        var background = TestModels.Background(20, 10, seed: 4);
        var instances = TestModels.Rows(6, 10, seed: 5);
        var k1 = new KernelShapExplainer(model, background, new KernelShapOptions { Seed = 7, Budget = 300 }).Explain(instances);
        var k2 = new KernelShapExplainer(model, background, new KernelShapOptions { Seed = 7, Budget = 300, MaxDegreeOfParallelism = 2 }).Explain(instances);
        ExactShapTests.AssertBitIdentical(k1, k2);
        var k3 = new KernelShapExplainer(model, background, new KernelShapOptions { Seed = 8, Budget = 300 }).Explain(instances);
        Assert.NotEqual(k1.GetValue(0, 0), k3.GetValue(0, 0));
        var p1 = new PermutationShapExplainer(model, background, new PermutationShapOptions { Seed = 7 }).Explain(instances);
        var p2 = new PermutationShapExplainer(model, background, new PermutationShapOptions { Seed = 7, MaxDegreeOfParallelism = 2 }).Explain(instances);
        ExactShapTests.AssertBitIdentical(p1, p2);
    }

    [Fact]
    public void L1_selection_keeps_the_requested_number_of_features_and_efficiency()
    {
        double[] w = [5, 0, 0, -4, 0, 0, 0, 0.01, 3, 0];
        var model = DenseModel.Linear(w, 0);
        var background = TestModels.Background(20, 10, seed: 3);
        var x = TestModels.Rows(1, 10, seed: 4, scale: 3)[0];
        var explanation = new KernelShapExplainer(model, background, new KernelShapOptions { Seed = 1, Budget = 200, L1FeatureCount = 3 }).Explain([x]);
        var nonZero = Enumerable.Range(0, 10).Where(i => explanation.GetValue(0, i) != 0).ToArray();
        Assert.Equal([0, 3, 8], nonZero);
        Assert.Equal(TestModels.Predict(model, x)[0], explanation.GetReconstructedOutput(0), 1e-6);
    }
}
