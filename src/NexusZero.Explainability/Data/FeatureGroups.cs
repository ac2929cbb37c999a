namespace NexusZero.Explainability.Data;

/// <summary>
/// A partition of the model's input columns into named features that are explained as one unit
/// (for example the columns of a one-hot encoded category). Every column belongs to exactly one group.
/// </summary>
public sealed class FeatureGroups
{
    private readonly string[] _names;
    private readonly int[][] _columns;

    /// <summary>Creates groups.</summary>
    /// <param name="names">One name per group.</param>
    /// <param name="columns">The input columns of each group.</param>
    /// <param name="inputCount">The model's input count; every column 0..inputCount−1 must appear exactly once.</param>
    /// <exception cref="ArgumentException">Counts differ, a group is empty, or a column is missing, repeated or out of range.</exception>
    public FeatureGroups(IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<int>> columns, int inputCount)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputCount);
        if (names.Count != columns.Count || names.Count == 0)
        {
            throw new ArgumentException($"Need one name per group and at least one group; got {names.Count} names and {columns.Count} groups.", nameof(names));
        }

        _names = [.. names];
        _columns = new int[columns.Count][];
        ColumnToGroup = new int[inputCount];
        Array.Fill(ColumnToGroup, -1);
        for (int g = 0; g < columns.Count; g++)
        {
            if (columns[g] is null || columns[g].Count == 0)
            {
                throw new ArgumentException($"Group '{_names[g]}' has no columns.", nameof(columns));
            }

            _columns[g] = [.. columns[g]];
            foreach (int c in _columns[g])
            {
                if ((uint)c >= (uint)inputCount)
                {
                    throw new ArgumentException($"Group '{_names[g]}' names column {c}, outside 0..{inputCount - 1}.", nameof(columns));
                }

                if (ColumnToGroup[c] >= 0)
                {
                    throw new ArgumentException($"Column {c} is in both '{_names[ColumnToGroup[c]]}' and '{_names[g]}'.", nameof(columns));
                }

                ColumnToGroup[c] = g;
            }
        }

        int missing = Array.IndexOf(ColumnToGroup, -1);
        if (missing >= 0)
        {
            throw new ArgumentException($"Column {missing} belongs to no group.", nameof(columns));
        }
    }

    /// <summary>Number of groups (the features an explanation reports).</summary>
    public int Count => _names.Length;

    /// <summary>Number of model input columns covered.</summary>
    public int InputCount => ColumnToGroup.Length;

    /// <summary>The group names.</summary>
    public IReadOnlyList<string> Names => _names;

    internal int[] ColumnToGroup { get; }

    /// <summary>One group per column, named after the columns.</summary>
    /// <param name="featureNames">The column names.</param>
    /// <returns>The singleton groups.</returns>
    public static FeatureGroups Singletons(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var columns = new IReadOnlyList<int>[featureNames.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = [i];
        }

        return new FeatureGroups(featureNames, columns, featureNames.Count);
    }

    /// <summary>The columns of group <paramref name="group"/>.</summary>
    /// <param name="group">The group index.</param>
    /// <returns>The column indexes.</returns>
    public IReadOnlyList<int> GetColumns(int group) => _columns[group];

    internal int[] ColumnsOf(int group) => _columns[group];
}
