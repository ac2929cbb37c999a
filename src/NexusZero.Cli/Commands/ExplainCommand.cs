using System.CommandLine;
using System.Text;
using NexusZero.Explainability;
using NexusZero.Explainability.Counterfactuals;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Lime;
using NexusZero.Explainability.Models;
using NexusZero.Explainability.Plots;
using NexusZero.Explainability.Shap;

namespace NexusZero.Cli.Commands;

/// <summary>
/// `nexuszero explain`: loads a JSON dense model or an ONNX model (a file ending in .onnx), a background CSV and an instance CSV, and prints attributions per
/// feature (or counterfactuals) as text or JSON, optionally writing a waterfall SVG of the first row.
/// </summary>
internal static class ExplainCommand
{
    /// <summary>A week: longer limits are mistakes, and TimeSpan.FromSeconds must not overflow.</summary>
    private const double MaxTimeoutSeconds = 7 * 24 * 3600;

    private static readonly string[] Methods = ["shap-exact", "shap-kernel", "shap-permutation", "shap-linear", "lime", "counterfactual"];

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model file: the JSON dense-model format (docs/formats.md), or an ONNX model when the name ends in .onnx (one float input; its first output is explained).", Required = true };
        var background = new Option<string>("--background") { Description = "CSV with a header row: background data (any number of rows up to the CSV limits; --background-rows of them are sampled).", Required = true };
        var backgroundRows = new Option<int>("--background-rows")
        {
            Description = $"Background rows sampled from --background (seeded by --seed; default {BackgroundData.DefaultMaxRows}, at most {BackgroundData.MaxRows}). Cost grows linearly with it.",
            DefaultValueFactory = _ => BackgroundData.DefaultMaxRows,
        };
        backgroundRows.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < 1 || value > BackgroundData.MaxRows)
            {
                result.AddError($"--background-rows {value} is outside 1..{BackgroundData.MaxRows}.");
            }
        });
        var timeout = new Option<double?>("--timeout") { Description = "Give up after this many seconds (exit 2, one line on stderr); default: no limit." };
        timeout.Validators.Add(result =>
        {
            double? value = result.GetValueOrDefault<double?>();
            if (value is { } seconds && (!double.IsFinite(seconds) || seconds <= 0 || seconds > MaxTimeoutSeconds))
            {
                result.AddError($"--timeout {seconds} must be a number of seconds in (0, {MaxTimeoutSeconds}].");
            }
        });
        var progress = new Option<bool>("--progress") { Description = "Report progress on stderr about once a second (on by default when stderr is a terminal)." };
        var instance = new Option<string>("--instance") { Description = "CSV with a header row: the rows to explain.", Required = true };
        var method = new Option<string>("--method") { Description = "Explanation method.", Required = true };
        method.Validators.Add(result =>
        {
            string? value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (value is not null && !Methods.Contains(value))
            {
                result.AddError($"--method '{value}' is not one of {string.Join(", ", Methods)}.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed for sampling (same seed, same output).", DefaultValueFactory = _ => 0 };
        var svg = new Option<string?>("--svg") { Description = "Write a waterfall plot of the first row to this SVG file." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var output = new Option<int>("--output") { Description = "Model output explained by LIME and plotted (default 0).", DefaultValueFactory = _ => 0 };
        var targetClass = new Option<int?>("--target-class") { Description = "Counterfactual target class (default: the other class for one output, the runner-up class otherwise)." };

        var command = new Command("explain", "Explain a model's output with SHAP, LIME or counterfactuals.")
        {
            model, background, backgroundRows, instance, method, seed, svg, json, output, targetClass, timeout, progress,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var request = new Request(
                    parse.GetValue(model)!, parse.GetValue(background)!, parse.GetValue(instance)!, parse.GetValue(method)!,
                    parse.GetValue(seed), parse.GetValue(svg), parse.GetValue(json), parse.GetValue(output), parse.GetValue(targetClass),
                    parse.GetValue(backgroundRows),
                    parse.GetValue(progress) || ExplainProgressWriter.IsTerminal(stderr) ? new ExplainProgressWriter(stderr) : null);

                // One deadline for the whole command (loading, sampling and every explainer call), not per call.
                using var deadline = new CancellationTokenSource();
                if (parse.GetValue(timeout) is { } seconds)
                {
                    deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
                }

                try
                {
                    stdout.Write(Run(request, deadline.Token));
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    stderr.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"nexuszero: explain: stopped at the time limit of {parse.GetValue(timeout)} s (--timeout); raise it, lower --background-rows, or explain fewer rows."));
                    return ExitCodes.UsageOrMalformed;
                }

                return ExitCodes.Success;
            }
            // ONNX Runtime refuses some models only when they run (an input that is not float, say): its one-line message names why.
            catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or InvalidOperationException or UnauthorizedAccessException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                string message = ex is ArgumentException { ParamName: not null } a ? a.Message.Replace($" (Parameter '{a.ParamName}')", "", StringComparison.Ordinal) : ex.Message;
                stderr.WriteLine($"nexuszero: explain: {message}");
                return ExitCodes.UsageOrMalformed;
            }
        });
        return command;
    }

    private static string Run(Request request, CancellationToken cancellationToken)
    {
        using var loaded = ExplainModel.Load(request.ModelPath);
        var model = loaded.Model;
        cancellationToken.ThrowIfCancellationRequested();
        var background = TabularCsv.Load(request.BackgroundPath);
        var instances = TabularCsv.Load(request.InstancePath);
        string[] names = [.. loaded.InputNames ?? background.Columns];
        CheckColumns(background, names, "background");
        CheckColumns(instances, names, "instance");
        if (names.Length != model.InputCount)
        {
            throw new FormatException($"The CSVs have {names.Length} columns but the model takes {model.InputCount} inputs.");
        }

        if ((uint)request.Output >= (uint)model.OutputCount)
        {
            throw new FormatException($"--output {request.Output} is outside the model's {model.OutputCount} output(s).");
        }

        var data = BackgroundData.Sample(background.Rows, request.BackgroundRows, request.Seed);
        var rows = instances.Rows;
        if (request.Method == "counterfactual")
        {
            if (request.SvgPath is not null)
            {
                throw new FormatException("--svg draws attributions; it is not available with --method counterfactual.");
            }

            var explainer = new CounterfactualExplainer(model, data, new CounterfactualOptions { Seed = request.Seed, FeatureNames = names, Progress = request.Progress });
            var results = new List<CounterfactualResult>();
            for (int r = 0; r < rows.Count; r++)
            {
                var target = CounterfactualTarget.Class(request.TargetClass ?? DefaultTarget(model, rows[r]));
                results.Add(explainer.Explain([rows[r]], target, cancellationToken)[0]);
            }

            return request.Json ? ExplainOutput.CounterfactualsJson(names, results) : ExplainOutput.CounterfactualsText(names, results);
        }

        IReadOnlyList<LimeExplanation>? lime = null;
        Explanation explanation;
        switch (request.Method)
        {
            case "shap-exact":
                explanation = new ExactShapExplainer(model, data, new ExplainerOptions { Seed = request.Seed, FeatureNames = names, Progress = request.Progress }).Explain(rows, cancellationToken);
                break;
            case "shap-kernel":
                explanation = new KernelShapExplainer(model, data, new KernelShapOptions { Seed = request.Seed, FeatureNames = names, Progress = request.Progress }).Explain(rows, cancellationToken);
                break;
            case "shap-permutation":
                explanation = new PermutationShapExplainer(model, data, new PermutationShapOptions { Seed = request.Seed, FeatureNames = names, Progress = request.Progress }).Explain(rows, cancellationToken);
                break;
            case "shap-linear":
                var dense = loaded.Dense ?? throw new FormatException("--method shap-linear reads a dense model's weights; it is not available for ONNX models (use shap-kernel, shap-permutation or shap-exact).");
                explanation = new LinearShapExplainer(dense, data, new ExplainerOptions { FeatureNames = names, Progress = request.Progress }).Explain(rows, cancellationToken);
                break;
            default:
                var limeExplainer = new LimeTabularExplainer(model, data, new LimeOptions { Seed = request.Seed, FeatureNames = names, OutputIndex = request.Output, Progress = request.Progress });
                lime = limeExplainer.ExplainDetailed(rows, cancellationToken);
                explanation = limeExplainer.ToExplanation(rows, lime);
                break;
        }

        int plotted = lime is null ? request.Output : 0;
        if (request.SvgPath is not null)
        {
            File.WriteAllText(request.SvgPath, SvgPlots.Waterfall(explanation, 0, plotted), new UTF8Encoding(false));
        }

        return request.Json ? ExplainOutput.AttributionsJson(explanation, lime) : ExplainOutput.AttributionsText(explanation, lime, model);
    }

    private static int DefaultTarget(IBatchModel model, double[] row)
    {
        var y = new double[model.OutputCount];
        model.Predict(row, 1, y);
        if (y.Length == 1)
        {
            return y[0] >= 0.5 ? 0 : 1;
        }

        var order = Enumerable.Range(0, y.Length).OrderByDescending(i => y[i]).ToArray();
        return order[1];
    }

    private static void CheckColumns(TabularCsv table, string[] names, string what)
    {
        if (table.Columns.Count != names.Length)
        {
            throw new FormatException($"The {what} CSV has {table.Columns.Count} columns but the model has {names.Length} inputs.");
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (table.Columns[i] != names[i])
            {
                throw new FormatException($"The {what} CSV column {i + 1} is '{table.Columns[i]}' but the model expects '{names[i]}'.");
            }
        }
    }

    private sealed record Request(
        string ModelPath, string BackgroundPath, string InstancePath, string Method, int Seed, string? SvgPath, bool Json, int Output, int? TargetClass,
        int BackgroundRows, IProgress<ExplainProgress>? Progress);
}
