using NexusZero.Explainability.Lime;
using NexusZero.Explainability.Models;
using NexusZero.Explainability.Quality;
using NexusZero.Explainability.Shap;

namespace NexusZero.Explainability.Tests.Quality;

public sealed class QualityTests
{
    [Fact]
    public void Agreement_of_methods_on_a_linear_model_is_perfect()
    {
        double[] w = [3, -1, 0.5, -6, 0.1, 2];
        var model = DenseModel.Linear(w, 1);
        var background = TestModels.Background(60, 6, seed: 1);
        var instances = TestModels.Rows(5, 6, seed: 2, scale: 2);
        var exact = new ExactShapExplainer(model, background).Explain(instances);
        var linear = new LinearShapExplainer(model, background).Explain(instances);
        var lime = new LimeTabularExplainer(model, background, new LimeOptions { Seed = 1, FeatureSelection = LimeFeatureSelection.None }).Explain(instances);
        var report = ExplanationAggregator.Compare([exact, linear, lime], topK: 2);
        Assert.Equal(["shap-exact", "shap-linear", "lime"], report.Methods);
        Assert.Equal(3, report.Pairs.Count);
        Assert.Equal(1.0, report.Pairs[0].RankCorrelation, 1e-12);
        Assert.Equal(1.0, report.Pairs[0].TopKOverlap);
        Assert.True(report.Pairs[1].RankCorrelation > 0.9);
        Assert.Equal((exact.GetValue(0, 3) + linear.GetValue(0, 3) + lime.GetValue(0, 3)) / 3, report.Consensus.GetValue(0, 3), 1e-12);
    }

    [Fact]
    public void Agreement_detects_disagreement()
    {
        var model = DenseModel.Linear([1, 2, 3, 4], 0);
        var flipped = DenseModel.Linear([4, 3, 2, 1], 0);
        var background = TestModels.Background(20, 4, seed: 1);
        var instances = new[] { new double[] { 5, 5, 5, 5 } };
        var a = new LinearShapExplainer(model, background).Explain(instances);
        var b = new LinearShapExplainer(flipped, background).Explain(instances);
        var report = ExplanationAggregator.Compare([a, b], topK: 1);
        Assert.True(report.Pairs[0].RankCorrelation < -0.9);
        Assert.Equal(0.0, report.Pairs[0].TopKOverlap);
    }

    [Fact]
    public void Efficiency_residual_is_tiny_for_shap_and_faithfulness_is_one_for_linear_models()
    {
        var model = DenseModel.Linear([3, -1, 0.5, -6, 0.1, 2], 1);
        var background = TestModels.Background(30, 6, seed: 3);
        var instances = TestModels.Rows(4, 6, seed: 4, scale: 2);
        var explanation = new ExactShapExplainer(model, background).Explain(instances);
        Assert.True(ExplanationQuality.EfficiencyResidual(explanation, model) < 1e-9);
        var faithfulness = ExplanationQuality.FaithfulnessCorrelation(explanation, model, background.Mean(), seed: 2);
        Assert.All(faithfulness, f => Assert.Equal(1.0, f, 1e-9));
    }

    [Fact]
    public void Local_lipschitz_of_linear_shap_equals_the_largest_weight()
    {
        var model = DenseModel.Linear([3, -1, 0.5, -6], 1);
        var background = TestModels.Background(30, 4, seed: 3);
        var explainer = new LinearShapExplainer(model, background);
        var estimate = ExplanationQuality.LocalLipschitz(explainer, TestModels.Rows(2, 4, seed: 1), radius: 0.05, samples: 20, seed: 3);
        Assert.All(estimate, e => Assert.InRange(e, 0.5, 6 + 1e-9));
        var noisy = new KernelShapExplainer(TestModels.Mlp(4, 8, 1, Activation.Tanh, Activation.Identity, 2), background, new KernelShapOptions { Seed = 1 });
        Assert.All(ExplanationQuality.LocalLipschitz(noisy, TestModels.Rows(1, 4, seed: 1), samples: 4), e => Assert.True(e >= 0 && double.IsFinite(e)));
    }

    [Fact]
    public void Efficiency_residual_of_lime_is_its_local_error_on_the_explained_output()
    {
        var model = TestModels.Mlp(4, 6, 2, Activation.Tanh, Activation.Softmax, seed: 5);
        var background = TestModels.Background(40, 4, seed: 1);
        var instances = TestModels.Rows(1, 4, seed: 2);
        var explainer = new LimeTabularExplainer(model, background, new LimeOptions { Seed = 1, OutputIndex = 1, Samples = 1000 });
        var detail = explainer.ExplainDetailed(instances)[0];
        var explanation = explainer.Explain(instances);
        Assert.Equal(detail.LocalError, ExplanationQuality.EfficiencyResidual(explanation, model, modelOutput: 1), 1e-12);
        Assert.Throws<ArgumentException>(() => ExplanationQuality.EfficiencyResidual(explanation, model, modelOutput: 2));
    }
}
