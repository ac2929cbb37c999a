using System.Globalization;
using System.Text;
using NexusZero.Cli;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability.Tests.Cli;

/// <summary>`nexuszero explain` samples large backgrounds, honours --background-rows, stops at --timeout and reports progress.</summary>
public sealed class ExplainBudgetCommandTests : IDisposable
{
    private const int HeavyInputs = 200;
    private readonly string _directory = Directory.CreateTempSubdirectory("nz-explain-budget-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_background_larger_than_the_explainer_limit_is_sampled_as_documented()
    {
        // 100,001 rows: more than BackgroundData.MaxRows, within the CSV limits. The old command refused it.
        var names = new[] { "a", "b" };
        WriteCsv("background.csv", names, 100_001, seed: 1);
        WriteCsv("instance.csv", names, 1, seed: 2);
        File.WriteAllText(Path("model.json"), DenseModelJson.Serialize(DenseModel.Linear([1.5, -2], 0.5, names)));
        var (code, output, error) = Run("explain", "--model", Path("model.json"), "--background", Path("background.csv"), "--instance", Path("instance.csv"), "--method", "shap-exact");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains("base value", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Background_rows_choose_the_sample_size()
    {
        var names = new[] { "a", "b" };
        WriteCsv("background.csv", names, 500, seed: 1);
        WriteCsv("instance.csv", names, 1, seed: 2);
        File.WriteAllText(Path("model.json"), DenseModelJson.Serialize(DenseModel.Linear([1.5, -2], 0.5, names)));
        string[] common = ["explain", "--model", Path("model.json"), "--background", Path("background.csv"), "--instance", Path("instance.csv"), "--method", "shap-exact", "--json"];
        var hundred = Run(common);
        var fiveHundred = Run([.. common, "--background-rows", "500"]);
        Assert.Equal(0, hundred.Code);
        Assert.Equal(0, fiveHundred.Code);
        Assert.Equal(hundred.Out, Run([.. common, "--background-rows", "100"]).Out);
        Assert.NotEqual(hundred.Out, fiveHundred.Out);

        foreach (string bad in new[] { "0", "-3", "100001" })
        {
            var (code, _, error) = Run([.. common, "--background-rows", bad]);
            Assert.Equal(2, code);
            Assert.Single(error.Trim().Split('\n'));
            Assert.Contains("--background-rows", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Timeout_stops_a_long_run_with_exit_2_and_one_line()
    {
        WriteHeavyInputs();
        var started = DateTime.UtcNow;
        var (code, output, error) = Run(HeavyArgs("--timeout", "0.5"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("nexuszero: explain: stopped at the time limit of 0.5 s", error, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the run must stop near its limit");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("1e9")]
    public void Timeout_must_be_a_positive_number_of_seconds(string value)
    {
        WriteHeavyInputs();
        var (code, _, error) = Run(HeavyArgs("--timeout", value));
        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("--timeout", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_reported_on_stderr_for_long_runs()
    {
        WriteHeavyInputs();
        var (code, _, error) = Run(HeavyArgs("--timeout", "4", "--progress"));
        Assert.Equal(2, code);
        var lines = error.Trim().Split('\n');
        Assert.True(lines.Length >= 2, "at least one progress line before the time-limit line: " + error);
        Assert.Matches(@"^nexuszero: explain: \d+/3 row\(s\), \d+ model evaluations, \d+\.\d s", lines[0]);
        Assert.StartsWith("nexuszero: explain: stopped at the time limit", lines[^1], StringComparison.Ordinal);
    }

    private string Path(string name) => System.IO.Path.Combine(_directory, name);

    /// <summary>A 200-input MLP with 256 hidden units: Kernel SHAP on it takes far longer than the limits above.</summary>
    private void WriteHeavyInputs()
    {
        var names = Enumerable.Range(0, HeavyInputs).Select(i => "f" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var model = TestModels.Mlp(HeavyInputs, 256, 1, Activation.Relu, Activation.Identity, seed: 3);
        File.WriteAllText(Path("heavy.json"), DenseModelJson.Serialize(new DenseModel([.. model.Layers], names)));
        WriteCsv("heavy-background.csv", names, 100, seed: 4);
        WriteCsv("heavy-instance.csv", names, 3, seed: 5);
    }

    private string[] HeavyArgs(params string[] extra) =>
        ["explain", "--model", Path("heavy.json"), "--background", Path("heavy-background.csv"), "--instance", Path("heavy-instance.csv"), "--method", "shap-kernel", .. extra];

    private void WriteCsv(string name, string[] columns, int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(string.Join(',', columns)).Append('\n');
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                text.Append(c == 0 ? "" : ",").Append((random.NextDouble() * 10).ToString("F3", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        File.WriteAllText(Path(name), text.ToString());
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliRunner.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
