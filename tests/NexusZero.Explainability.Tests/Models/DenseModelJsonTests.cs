using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Tests.Models;

public sealed class DenseModelJsonTests
{
    private const string Mlp = """
        {
          "format": "nexuszero.dense-model",
          "version": 1,
          "kind": "mlp",
          "inputs": ["a", "b"],
          "outputs": ["no", "yes"],
          "layers": [
            { "activation": "relu", "weights": [[1, -1], [0.5, 2], [-1, 1]], "bias": [0, 0.1, -0.2] },
            { "activation": "softmax", "weights": [[1, 0, -1], [-1, 2, 0.5]], "bias": [0.3, -0.3] }
          ]
        }
        """;

    [Fact]
    public void Parses_and_evaluates_an_mlp_like_a_hand_computation()
    {
        var model = DenseModelJson.Parse(Mlp);
        Assert.Equal(2, model.InputCount);
        Assert.Equal(2, model.OutputCount);
        Assert.Equal(["a", "b"], model.InputNames);
        var y = TestModels.Predict(model, [2, 1]);
        double[] h = [Math.Max(0, 2 - 1), Math.Max(0, 1 + 2 + 0.1), Math.Max(0, -2 + 1 - 0.2)];
        double z0 = h[0] - h[2] + 0.3;
        double z1 = -h[0] + (2 * h[1]) + (0.5 * h[2]) - 0.3;
        double e0 = Math.Exp(z0);
        double e1 = Math.Exp(z1);
        Assert.Equal(e0 / (e0 + e1), y[0], 1e-15);
        Assert.Equal(e1 / (e0 + e1), y[1], 1e-15);
    }

    [Fact]
    public void Round_trips_through_serialize()
    {
        var model = DenseModelJson.Parse(Mlp);
        var again = DenseModelJson.Parse(DenseModelJson.Serialize(model));
        var x = TestModels.Rows(20, 2, seed: 1).SelectMany(r => r).ToArray();
        var a = new double[40];
        var b = new double[40];
        model.Predict(x, 20, a);
        again.Predict(x, 20, b);
        Assert.Equal(a, b);
        Assert.Equal(model.OutputNames, again.OutputNames);
    }

    [Fact]
    public void Batched_prediction_equals_row_by_row_for_wide_and_narrow_layers()
    {
        var model = TestModels.Mlp(12, 37, 3, Activation.Tanh, Activation.Sigmoid, seed: 4);
        var rows = TestModels.Rows(300, 12, seed: 2);
        var batch = new double[300 * 3];
        model.Predict(rows.SelectMany(r => r).ToArray(), 300, batch);
        for (int r = 0; r < 300; r++)
        {
            var single = TestModels.Predict(model, rows[r]);
            for (int o = 0; o < 3; o++)
            {
                Assert.Equal(single[o], batch[(r * 3) + o]);
                Assert.InRange(batch[(r * 3) + o], 0, 1);
            }
        }
    }

    [Fact]
    public void Linear_and_logistic_kinds_are_checked()
    {
        var linear = DenseModel.Linear([1, 2], 3);
        Assert.True(DenseModelJson.Parse(DenseModelJson.Serialize(linear)).IsLinear);
        var logistic = DenseModel.Logistic([1, -2], 0.5);
        Assert.Equal(Activation.Sigmoid, DenseModelJson.Parse(DenseModelJson.Serialize(logistic)).Layers[0].Activation);
        Assert.Equal(1 / (1 + Math.Exp(-(1 - 2 + 0.5))), TestModels.Predict(logistic, [1, 1])[0], 1e-15);
    }

    [Theory]
    [InlineData("{", "malformed")]
    [InlineData("[]", "$ must be an object")]
    [InlineData("""{"format":"other","version":1,"kind":"mlp","layers":[]}""", "$.layers must hold 1 to 64 layers")]
    [InlineData("""{"format":"other","version":1,"kind":"linear","layers":[{"activation":"identity","weights":[[1]],"bias":[0]}]}""", "$.format")]
    [InlineData("""{"format":"nexuszero.dense-model","version":2,"kind":"linear","layers":[{"activation":"identity","weights":[[1]],"bias":[0]}]}""", "$.version")]
    [InlineData("""{"format":"nexuszero.dense-model","version":1,"kind":"linear","layers":[{"activation":"relu","weights":[[1]],"bias":[0]}]}""", "\"linear\" needs")]
    [InlineData("""{"format":"nexuszero.dense-model","version":1,"kind":"mlp","layers":[{"activation":"relu","weights":[[1,2],[3]],"bias":[0,0]}]}""", "$.layers[0].weights[1] must have 2 values")]
    [InlineData("""{"format":"nexuszero.dense-model","version":1,"kind":"mlp","layers":[{"activation":"relu","weights":[[1]],"bias":[0,1]}]}""", "$.layers[0].bias must have 1 values")]
    [InlineData("""{"format":"nexuszero.dense-model","version":1,"kind":"mlp","layers":[{"activation":"gelu","weights":[[1]],"bias":[0]}]}""", "gelu")]
    [InlineData("""{"format":"nexuszero.dense-model","version":1,"kind":"mlp","layers":[{"activation":"relu","weights":[["x"]],"bias":[0]}]}""", "finite number")]
    [InlineData("""{"format":"nexuszero.dense-model","version":1,"kind":"mlp","extra":1,"layers":[{"activation":"relu","weights":[[1]],"bias":[0]}]}""", "unknown property 'extra'")]
    [InlineData("""{"format":"nexuszero.dense-model","version":1,"kind":"mlp","layers":[{"activation":"relu","weights":[[1,2]],"bias":[0]},{"activation":"identity","weights":[[1,2]],"bias":[0]}]}""", "Layer 1 expects 2 inputs")]
    [InlineData("""{"format":"nexuszero.dense-model","version":1,"kind":"mlp","layers":[{"activation":"softmax","weights":[[1]],"bias":[0]},{"activation":"identity","weights":[[1]],"bias":[0]}]}""", "Softmax is only allowed")]
    [InlineData("""{"format":"nexuszero.dense-model","version":1,"kind":"mlp","inputs":["a","b"],"layers":[{"activation":"relu","weights":[[1]],"bias":[0]}]}""", "Expected 1 names")]
    public void Rejects_malformed_models_with_a_clear_message(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DenseModelJson.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_oversized_layers_before_allocating()
    {
        string row = "[" + string.Join(",", Enumerable.Repeat("0", 5000)) + "]";
        string json = $$"""{"format":"nexuszero.dense-model","version":1,"kind":"mlp","layers":[{"activation":"relu","weights":[{{row}}],"bias":[0]}]}""";
        var error = Assert.Throws<FormatException>(() => DenseModelJson.Parse(json));
        Assert.Contains("1 to 4096 values", error.Message, StringComparison.Ordinal);
    }
}
