using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using NexusZero.Cli;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Tests.Cli;

public sealed class ExplainCommandTests : IDisposable
{
    private static readonly double[] Weights = [0.04, -0.06, 0.02, -0.8];
    private readonly string _directory = Directory.CreateTempSubdirectory("nz-explain-").FullName;

    public ExplainCommandTests()
    {
        var model = DenseModel.Logistic(Weights, -1, ["income", "debt", "age", "late"]);
        File.WriteAllText(Path("model.json"), DenseModelJson.Serialize(model));
        var random = new Random(3);
        var lines = new List<string> { "income,debt,age,late" };
        for (int i = 0; i < 150; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{20 + (random.NextDouble() * 80):F2},{random.NextDouble() * 40:F2},{18 + random.Next(60)},{random.Next(6)}"));
        }

        File.WriteAllLines(Path("background.csv"), lines);
        File.WriteAllLines(Path("instance.csv"), ["income,debt,age,late", "30,30,40,3", "80,5,50,0"]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_directory, name);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliRunner.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string[] Args(string method, params string[] extra) =>
        ["explain", "--model", Path("model.json"), "--background", Path("background.csv"), "--instance", Path("instance.csv"), "--method", method, .. extra];

    [Theory]
    [InlineData("shap-exact")]
    [InlineData("shap-kernel")]
    [InlineData("shap-permutation")]
    [InlineData("lime")]
    public void Prints_attributions_per_feature_and_the_base_value(string method)
    {
        var (code, output, error) = Run(Args(method, "--seed", "5"));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("method: " + method, output, StringComparison.Ordinal);
        foreach (string name in new[] { "income", "debt", "age", "late" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }

        Assert.Contains(method == "lime" ? "intercept" : "base value", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_efficient_and_the_same_for_the_same_seed()
    {
        var (code, output, _) = Run(Args("shap-kernel", "--json", "--seed", "7"));
        Assert.Equal(0, code);
        Assert.Equal(output, Run(Args("shap-kernel", "--json", "--seed", "7")).Out);
        using var document = JsonDocument.Parse(output);
        var row = document.RootElement.GetProperty("rows")[0];
        double reconstructed = row.GetProperty("baseValues")[0].GetDouble() + row.GetProperty("values")[0].EnumerateArray().Sum(v => v.GetDouble());
        double z = -1 + (Weights[0] * 30) + (Weights[1] * 30) + (Weights[2] * 40) + (Weights[3] * 3);
        Assert.Equal(1 / (1 + Math.Exp(-z)), reconstructed, 1e-6);
        Assert.Equal(4, row.GetProperty("standardErrors")[0].GetArrayLength());
    }

    [Fact]
    public void Writes_a_waterfall_svg()
    {
        var (code, _, _) = Run(Args("shap-exact", "--svg", Path("plot.svg")));
        Assert.Equal(0, code);
        var document = XDocument.Load(Path("plot.svg"));
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(4, document.Descendants(svg + "g").Count(g => (string?)g.Attribute("class") == "bar"));
    }

    [Fact]
    public void Counterfactuals_are_printed_with_their_quality()
    {
        var (code, output, _) = Run(Args("counterfactual", "--seed", "2", "--json"));
        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var row = document.RootElement.GetProperty("rows")[0];
        Assert.True(row.GetProperty("found").GetBoolean());
        foreach (var cf in row.GetProperty("counterfactuals").EnumerateArray())
        {
            Assert.True(cf.GetProperty("valid").GetBoolean());
            var values = cf.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double z = -1 + values.Zip(Weights, (x, w) => x * w).Sum();
            Assert.True(z >= 0, "the first row is rejected, so its counterfactuals must be accepted");
        }

        var text = Run(Args("counterfactual", "--seed", "2")).Out;
        Assert.Contains("validity 100", text, StringComparison.Ordinal);
        Assert.Contains("→", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Linear_shap_refuses_a_logistic_model_in_one_line()
    {
        var (code, _, error) = Run(Args("shap-linear"));
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("Linear SHAP needs a linear model", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_exits_2_with_one_line()
    {
        File.WriteAllLines(Path("wrong.csv"), ["income,debt,age", "1,2,3"]);
        File.WriteAllText(Path("bad.json"), "{\"format\":1}");
        string[][] cases =
        [
            ["explain", "--model", Path("missing.json"), "--background", Path("background.csv"), "--instance", Path("instance.csv"), "--method", "lime"],
            ["explain", "--model", Path("bad.json"), "--background", Path("background.csv"), "--instance", Path("instance.csv"), "--method", "lime"],
            ["explain", "--model", Path("model.json"), "--background", Path("wrong.csv"), "--instance", Path("instance.csv"), "--method", "lime"],
            Args("shap-magic"),
            Args("lime", "--output", "3"),
            Args("counterfactual", "--svg", Path("x.svg")),
            ["explain", "--model", Path("model.json")],
        ];
        foreach (var args in cases)
        {
            var (code, _, error) = Run(args);
            Assert.Equal(2, code);
            Assert.Single(error.Trim().Split('\n'));
            Assert.StartsWith("nexuszero:", error, StringComparison.Ordinal);
        }
    }
}
