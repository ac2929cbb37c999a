using System.Globalization;
using NexusZero.Explainability.Data;
using NexusZero.Explainability.Models;

namespace NexusZero.Explainability;

/// <summary>
/// What every explainer resolves once at construction: names, groups, the background and the model's mean output over
/// the background (the base value, computed once because the background never changes).
/// </summary>
internal sealed class ExplainerSetup
{
    private ExplainerSetup(IBatchModel model, BackgroundData background, ExplainerOptions options)
    {
        Model = model;
        Background = background;
        Options = options;
        Seed = options.Seed;
        Parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        InputNames = ResolveNames(options.FeatureNames, (model as DenseModel)?.InputNames, model.InputCount, "x", nameof(options.FeatureNames));
        OutputNames = ResolveNames(options.OutputNames, (model as DenseModel)?.OutputNames, model.OutputCount, "output", nameof(options.OutputNames));
        Groups = options.Groups ?? FeatureGroups.Singletons(InputNames);
        if (Groups.InputCount != model.InputCount)
        {
            throw new ArgumentException($"The feature groups cover {Groups.InputCount} columns but the model has {model.InputCount} inputs.", nameof(options));
        }

        FeatureNames = [.. Groups.Names];
        FeatureColumn = new int[Groups.Count];
        for (int g = 0; g < Groups.Count; g++)
        {
            FeatureColumn[g] = Groups.ColumnsOf(g).Length == 1 ? Groups.ColumnsOf(g)[0] : -1;
        }

        var outputs = new double[background.RowCount * model.OutputCount];
        ModelCall.Predict(model, background.Values, background.RowCount, outputs);
        BaseValue = new double[model.OutputCount];
        for (int b = 0; b < background.RowCount; b++)
        {
            for (int k = 0; k < BaseValue.Length; k++)
            {
                BaseValue[k] += background.Weights[b] * outputs[(b * model.OutputCount) + k];
            }
        }
    }

    public IBatchModel Model { get; }

    public ExplainerOptions Options { get; }

    public BackgroundData Background { get; }

    public FeatureGroups Groups { get; }

    public int Seed { get; }

    public int Parallelism { get; }

    public string[] InputNames { get; }

    public string[] OutputNames { get; }

    public string[] FeatureNames { get; }

    public int[] FeatureColumn { get; }

    public double[] BaseValue { get; }

    public int InputCount => Model.InputCount;

    public int OutputCount => Model.OutputCount;

    public int FeatureCount => Groups.Count;

    public static ExplainerSetup Create(IBatchModel model, BackgroundData background, ExplainerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(background);
        options ??= new ExplainerOptions();
        if (background.ColumnCount != model.InputCount)
        {
            throw new ArgumentException($"The background has {background.ColumnCount} columns but the model has {model.InputCount} inputs.", nameof(background));
        }

        return new ExplainerSetup(model, background, options);
    }

    /// <summary>Starts one call: its cancellation, its time limit and its progress.</summary>
    public ExplainRun StartRun(int rows, CancellationToken cancellationToken) => ExplainRun.Start(rows, Options, cancellationToken);

    /// <summary>Checks the rows to explain and flattens them row-major.</summary>
    public double[] Flatten(IReadOnlyList<double[]> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var data = new double[instances.Count * InputCount];
        for (int r = 0; r < instances.Count; r++)
        {
            var row = instances[r];
            if (row is null || row.Length != InputCount)
            {
                throw new ArgumentException($"Instance {r} must have {InputCount} values.", nameof(instances));
            }

            foreach (double v in row)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"Instance {r} holds a value that is not finite.", nameof(instances));
                }
            }

            row.CopyTo(data, r * InputCount);
        }

        return data;
    }

    public Explanation Build(string method, int rows, double[] values, double[] baseValues, double[] data, double[]? standardErrors) =>
        new(method, FeatureNames, OutputNames, FeatureColumn, rows, InputCount, values, baseValues, data, standardErrors);

    /// <summary>Base values repeated for every row.</summary>
    public double[] RepeatBase(int rows)
    {
        var result = new double[rows * OutputCount];
        for (int r = 0; r < rows; r++)
        {
            BaseValue.CopyTo(result, r * OutputCount);
        }

        return result;
    }

    private static string[] ResolveNames(IReadOnlyList<string>? given, IReadOnlyList<string>? fromModel, int count, string prefix, string parameter)
    {
        var names = given ?? fromModel;
        if (names is null)
        {
            return [.. Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture))];
        }

        if (names.Count != count)
        {
            throw new ArgumentException($"Expected {count} names but got {names.Count}.", parameter);
        }

        return [.. names];
    }
}
