using System.Text.Json;
using NexusZero.Inference.Runtime;
using NexusZero.Inference.Tests.Models;

namespace NexusZero.Inference.Tests.Cli;

/// <summary>`nexuszero explain --model M.onnx`: the explainers run the ONNX model through ONNX Runtime.</summary>
public sealed class ExplainOnnxCommandTests : CliHarness
{
    private const string Header = "a,b,c,d";

    private string[] Args(string model, string method, params string[] extra)
    {
        var background = Write("background.csv", [Header, .. TestModels.Inputs(12, 4, seed: 31).Select(Csv)]);
        var instance = Write("instance.csv", Header, Csv(TestModels.Inputs(1, 4, seed: 32)[0]));
        return ["explain", "--model", model, "--background", background, "--instance", instance, "--method", method, .. extra];
    }

    [Fact]
    public void ExactShapOfAnOnnxModelAddsUpToOnnxRuntimesOutput()
    {
        var (code, output, error) = Run(Args(Write("mlp.onnx", TestModels.Mlp()), "shap-exact", "--json"));
        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(["a", "b", "c", "d"], document.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        var row = document.RootElement.GetProperty("rows")[0];

        using var model = new OnnxBatchModel(TestModels.Mlp());
        var expected = new double[3];
        model.Predict(TestModels.Inputs(1, 4, seed: 32)[0], 1, expected);
        for (var o = 0; o < 3; o++)
        {
            var reconstructed = row.GetProperty("baseValues")[o].GetDouble() + row.GetProperty("values")[o].EnumerateArray().Sum(v => v.GetDouble());
            Assert.Equal(expected[o], reconstructed, 5);
        }
    }

    [Fact]
    public void TextOutputAndLimeWorkOnAnOnnxModel()
    {
        var (code, output, error) = Run(Args(Write("mlp.onnx", TestModels.Mlp()), "lime", "--seed", "3"));
        Assert.True(code == 0, error);
        Assert.Contains("method: lime", output, StringComparison.Ordinal);
        Assert.Contains("intercept", output, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAnOnnxFileIsOneLineNamingTheFile()
    {
        var path = Write("garbage.onnx", [0x08, 0x07, 0xff, 0xff, 0x01]);
        var (code, output, error) = Run(Args(path, "shap-kernel"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("nexuszero: explain: --model " + path + ": ONNX Runtime cannot load the model", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelWithTwoInputsIsRefusedWithTheReason()
    {
        var builder = new OnnxGraphBuilder("x", [1, 4]).Node("Add", ["x", "y"], "z");
        builder.Graph.Input.Add(OnnxGraphBuilder.ValueInfo("y", [1, 4], symbolicBatch: false));
        var (code, _, error) = Run(Args(Write("two.onnx", builder.Build("z", [1, 4])), "shap-kernel"));
        Assert.Equal(2, code);
        Assert.Contains("one input", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelOnnxRuntimeRefusesToRunIsOneLine()
    {
        // ONNX Runtime loads a model with an integer input, and refuses it only when the explainer feeds it floats.
        var builder = new OnnxGraphBuilder("x", [1, 4], symbolicBatch: true).Node("Cast", ["x"], "y", OnnxGraphBuilder.Int("to", 1));
        builder.Graph.Input[0].Type.TensorType.ElemType = (int)Onnx.TensorProto.Types.DataType.Int64;
        var (code, output, error) = Run(Args(Write("int.onnx", builder.Build("y", [1, 4], symbolicBatch: true)), "shap-kernel"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("nexuszero: explain: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnsThatDoNotFitTheModelAndShapLinearAreRefused()
    {
        var model = Write("mlp.onnx", TestModels.Mlp());
        var background = Write("narrow.csv", "a,b,c", "1,2,3", "0,1,0");
        var narrow = Run("explain", "--model", model, "--background", background, "--instance", background, "--method", "shap-kernel");
        Assert.Equal(2, narrow.Code);
        Assert.Contains("3 columns but the model takes 4 inputs", narrow.Err, StringComparison.Ordinal);

        var linear = Run(Args(model, "shap-linear"));
        Assert.Equal(2, linear.Code);
        Assert.Contains("not available for ONNX models", linear.Err, StringComparison.Ordinal);
    }
}
