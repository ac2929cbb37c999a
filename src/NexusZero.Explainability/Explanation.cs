namespace NexusZero.Explainability;

/// <summary>
/// Attributions for a batch of rows, shaped like shap's Explanation: values (row × feature × output), base values
/// (row × output), the explained data, feature and output names, and a standard error per value when the method samples.
/// For SHAP methods base + Σ values = model output; for LIME the values are the surrogate's local contributions and
/// base + Σ values is the surrogate's prediction.
/// </summary>
public sealed class Explanation
{
    private readonly double[] _values;
    private readonly double[] _baseValues;
    private readonly double[] _data;
    private readonly double[]? _standardErrors;
    private readonly string[] _featureNames;
    private readonly string[] _outputNames;
    private readonly int[] _featureColumn;

    internal Explanation(
        string method,
        string[] featureNames,
        string[] outputNames,
        int[] featureColumn,
        int rows,
        int inputCount,
        double[] values,
        double[] baseValues,
        double[] data,
        double[]? standardErrors)
    {
        Method = method;
        _featureNames = featureNames;
        _outputNames = outputNames;
        _featureColumn = featureColumn;
        RowCount = rows;
        InputCount = inputCount;
        _values = values;
        _baseValues = baseValues;
        _data = data;
        _standardErrors = standardErrors;
    }

    /// <summary>The method that produced the values ("shap-exact", "shap-kernel", "lime", …).</summary>
    public string Method { get; }

    /// <summary>Number of explained rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of explained features (groups when groups were given).</summary>
    public int FeatureCount => _featureNames.Length;

    /// <summary>Number of model outputs explained.</summary>
    public int OutputCount => _outputNames.Length;

    /// <summary>Number of model input columns per row of <see cref="GetInstance"/>.</summary>
    public int InputCount { get; }

    /// <summary>Names of the explained features.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>Names of the outputs.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>True when the method sampled and reports a standard error per value.</summary>
    public bool HasStandardErrors => _standardErrors is not null;

    /// <summary>The attribution of a feature to an output for a row.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="feature">Feature index.</param>
    /// <param name="output">Output index.</param>
    /// <returns>The attribution.</returns>
    public double GetValue(int row, int feature, int output = 0) => _values[Index(row, feature, output)];

    /// <summary>All feature attributions of a row for one output (a copy).</summary>
    /// <param name="row">Row index.</param>
    /// <param name="output">Output index.</param>
    /// <returns>One value per feature.</returns>
    public double[] GetValues(int row, int output = 0)
    {
        var result = new double[FeatureCount];
        for (int f = 0; f < result.Length; f++)
        {
            result[f] = GetValue(row, f, output);
        }

        return result;
    }

    /// <summary>The base value (expected output over the background for SHAP, the intercept for LIME).</summary>
    /// <param name="row">Row index.</param>
    /// <param name="output">Output index.</param>
    /// <returns>The base value.</returns>
    public double GetBaseValue(int row, int output = 0)
    {
        CheckRowOutput(row, output);
        return _baseValues[(row * OutputCount) + output];
    }

    /// <summary>Base value plus the sum of the attributions: the model output for SHAP, the surrogate's for LIME.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="output">Output index.</param>
    /// <returns>The reconstructed output.</returns>
    public double GetReconstructedOutput(int row, int output = 0)
    {
        double sum = GetBaseValue(row, output);
        for (int f = 0; f < FeatureCount; f++)
        {
            sum += GetValue(row, f, output);
        }

        return sum;
    }

    /// <summary>The standard error of a value, or null when the method does not sample.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="feature">Feature index.</param>
    /// <param name="output">Output index.</param>
    /// <returns>The standard error or null.</returns>
    public double? GetStandardError(int row, int feature, int output = 0) =>
        _standardErrors is null ? null : _standardErrors[Index(row, feature, output)];

    /// <summary>The feature's value in the explained row, or NaN when the feature is a group of several columns.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="feature">Feature index.</param>
    /// <returns>The value or NaN.</returns>
    public double GetData(int row, int feature)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)RowCount, nameof(row));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)feature, (uint)FeatureCount, nameof(feature));
        int column = _featureColumn[feature];
        return column < 0 ? double.NaN : _data[(row * InputCount) + column];
    }

    /// <summary>The explained row's model inputs (a copy).</summary>
    /// <param name="row">Row index.</param>
    /// <returns>The inputs.</returns>
    public double[] GetInstance(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)RowCount, nameof(row));
        return _data.AsSpan(row * InputCount, InputCount).ToArray();
    }

    /// <summary>A new explanation with the same rows and features but other outputs, values and base values (no standard errors).</summary>
    internal Explanation WithValues(string method, string[] outputNames, double[] values, double[] baseValues) =>
        new(method, _featureNames, outputNames, _featureColumn, RowCount, InputCount, values, baseValues, _data, null);

    internal bool SameRowsAndFeaturesAs(Explanation other) =>
        other.RowCount == RowCount && other._featureNames.AsSpan().SequenceEqual(_featureNames)
        && other._data.AsSpan().SequenceEqual(_data);

    private int Index(int row, int feature, int output)
    {
        CheckRowOutput(row, output);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)feature, (uint)FeatureCount, nameof(feature));
        return (((row * FeatureCount) + feature) * OutputCount) + output;
    }

    private void CheckRowOutput(int row, int output)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)RowCount, nameof(row));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)output, (uint)OutputCount, nameof(output));
    }
}
