using NexusZero.Explainability.Counterfactuals;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Tests.Counterfactuals;

public sealed class CounterfactualTests
{
    // income, debt, age (immutable), late payments (integer)
    private static readonly DenseModel Credit = DenseModel.Logistic([0.08, -0.05, 0.01, -0.9], -2.0);

    private static BackgroundData CreditBackground()
    {
        var random = new Random(4);
        var rows = Enumerable.Range(0, 80).Select(_ => new double[]
        {
            20 + (random.NextDouble() * 80), random.NextDouble() * 40, 18 + random.Next(60), random.Next(6),
        }).ToArray();
        return BackgroundData.FromRows(rows);
    }

    [Fact]
    public void Found_counterfactuals_are_valid_feasible_and_diverse()
    {
        var x = new double[] { 30, 30, 40, 3 };
        Assert.True(TestModels.Predict(Credit, x)[0] < 0.5);
        var options = new CounterfactualOptions { Seed = 3, ImmutableFeatures = [2], IntegerFeatures = [3], LowerBounds = [0, 0, 18, 0], UpperBounds = [150, 60, 90, 10] };
        var result = new CounterfactualExplainer(Credit, CreditBackground(), options).Explain([x], CounterfactualTarget.Class(1))[0];
        Assert.True(result.Found, result.Summary);
        Assert.Equal(3, result.Counterfactuals.Count);
        Assert.Equal(1.0, result.Validity);
        foreach (var cf in result.Counterfactuals)
        {
            var values = cf.Values.ToArray();
            Assert.True(TestModels.Predict(Credit, values)[0] >= 0.5, "checked against the model");
            Assert.True(cf.IsValid);
            Assert.Equal(40, values[2]);
            Assert.Equal(Math.Round(values[3]), values[3]);
            Assert.InRange(values[0], 0, 150);
            Assert.InRange(values[1], 0, 60);
            Assert.InRange(values[3], 0, 10);
            Assert.Equal(cf.ChangedFeatures.Count, cf.Sparsity);
            Assert.DoesNotContain(2, cf.ChangedFeatures);
            Assert.True(cf.Proximity > 0);
        }

        Assert.True(result.Diversity > 0);
        Assert.Equal(result.Counterfactuals.Average(c => c.Proximity), result.MeanProximity, 1e-12);
        Assert.Contains("Found 3", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_plainly_when_none_is_found()
    {
        var x = new double[] { 30, 30, 40, 3 };
        var options = new CounterfactualOptions { Seed = 1, ImmutableFeatures = [0, 1, 3], MaxCandidates = 300 };
        var result = new CounterfactualExplainer(Credit, CreditBackground(), options).Explain([x], CounterfactualTarget.Class(1))[0];
        Assert.False(result.Found);
        Assert.Empty(result.Counterfactuals);
        Assert.StartsWith("No counterfactual found", result.Summary, StringComparison.Ordinal);
        Assert.Equal(0, result.Validity);
    }

    [Fact]
    public void Output_range_target_on_a_regression()
    {
        var model = DenseModel.Linear([1, 2, -1], 0);
        var background = TestModels.Background(50, 3, seed: 2);
        var x = new double[] { 0, 0, 0 };
        var result = new CounterfactualExplainer(model, background, new CounterfactualOptions { Seed = 2, Count = 2 }).Explain([x], CounterfactualTarget.Range(0, 1.0, 1.5))[0];
        Assert.True(result.Found, result.Summary);
        foreach (var cf in result.Counterfactuals)
        {
            Assert.InRange(TestModels.Predict(model, [.. cf.Values])[0], 1.0, 1.5);
        }
    }

    [Fact]
    public void Same_seed_gives_identical_results_sequential_or_parallel()
    {
        var rows = new[] { new double[] { 30, 30, 40, 3 }, new double[] { 25, 35, 30, 4 }, new double[] { 40, 20, 50, 2 } };
        var a = new CounterfactualExplainer(Credit, CreditBackground(), new CounterfactualOptions { Seed = 9 }).Explain(rows, CounterfactualTarget.Class(1));
        var b = new CounterfactualExplainer(Credit, CreditBackground(), new CounterfactualOptions { Seed = 9, MaxDegreeOfParallelism = 2 }).Explain(rows, CounterfactualTarget.Class(1));
        for (int r = 0; r < rows.Length; r++)
        {
            Assert.Equal(a[r].Counterfactuals.Count, b[r].Counterfactuals.Count);
            for (int i = 0; i < a[r].Counterfactuals.Count; i++)
            {
                Assert.Equal(a[r].Counterfactuals[i].Values, b[r].Counterfactuals[i].Values);
            }
        }
    }

    [Fact]
    public void Rejects_a_target_the_model_cannot_have()
    {
        var explainer = new CounterfactualExplainer(Credit, CreditBackground());
        Assert.Throws<ArgumentException>(() => explainer.Explain([[30, 30, 40, 3]], CounterfactualTarget.Class(2)));
        Assert.Throws<ArgumentException>(() => CounterfactualTarget.Range(0, 2, 1));
    }
}
