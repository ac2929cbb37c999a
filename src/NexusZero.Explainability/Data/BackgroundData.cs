namespace NexusZero.Explainability.Data;

/// <summary>
/// The reference rows that stand in for "feature unknown" (interventional expectation), each with a weight.
/// Weights are normalized to sum to one. Build it with <see cref="Sample"/> (default: at most 100 rows,
/// chosen deterministically from a seed), <see cref="KMeansSummary"/> or <see cref="FromRows"/>.
/// </summary>
public sealed class BackgroundData
{
    /// <summary>Default cap on sampled background rows.</summary>
    public const int DefaultMaxRows = 100;

    /// <summary>
    /// Largest background an explainer accepts, to keep its cost bounded (every coalition or sample is evaluated against
    /// every background row). Larger data goes through <see cref="Sample"/> or <see cref="KMeansSummary"/>, which take any
    /// number of rows and return at most this many.
    /// </summary>
    public const int MaxRows = 100_000;

    private BackgroundData(double[] values, double[] weights, int columns)
    {
        Values = values;
        Weights = weights;
        ColumnCount = columns;
        RowCount = weights.Length;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns (model inputs).</summary>
    public int ColumnCount { get; }

    /// <summary>Row-major values, RowCount × ColumnCount.</summary>
    internal double[] Values { get; }

    /// <summary>Normalized weights, summing to one.</summary>
    internal double[] Weights { get; }

    /// <summary>Uses all given rows, with equal weights or the given ones.</summary>
    /// <param name="rows">The rows (all the same length, finite values).</param>
    /// <param name="weights">Optional non-negative weights, one per row, with a positive sum.</param>
    /// <returns>The background.</returns>
    /// <exception cref="ArgumentException">No rows, ragged or non-finite rows, too many rows, or bad weights.</exception>
    public static BackgroundData FromRows(IReadOnlyList<double[]> rows, IReadOnlyList<double>? weights = null)
    {
        int columns = Validate(rows);
        var values = new double[rows.Count * columns];
        for (int r = 0; r < rows.Count; r++)
        {
            rows[r].CopyTo(values, r * columns);
        }

        var w = new double[rows.Count];
        if (weights is null)
        {
            Array.Fill(w, 1.0 / rows.Count);
        }
        else
        {
            if (weights.Count != rows.Count)
            {
                throw new ArgumentException($"Got {weights.Count} weights for {rows.Count} rows.", nameof(weights));
            }

            double sum = 0;
            for (int r = 0; r < w.Length; r++)
            {
                if (!double.IsFinite(weights[r]) || weights[r] < 0)
                {
                    throw new ArgumentException($"Weight {r} must be finite and non-negative.", nameof(weights));
                }

                sum += weights[r];
            }

            if (sum <= 0)
            {
                throw new ArgumentException("Background weights must have a positive sum.", nameof(weights));
            }

            for (int r = 0; r < w.Length; r++)
            {
                w[r] = weights[r] / sum;
            }
        }

        return new BackgroundData(values, w, columns);
    }

    /// <summary>
    /// Takes at most <paramref name="maxRows"/> rows without replacement, chosen by a seeded shuffle and kept in their
    /// original order; all rows when there are no more than that. The data may have any number of rows.
    /// </summary>
    /// <param name="rows">The data.</param>
    /// <param name="maxRows">The cap (default 100, at most <see cref="MaxRows"/>).</param>
    /// <param name="seed">Seed of the selection.</param>
    /// <returns>The background with equal weights.</returns>
    /// <exception cref="ArgumentException">No rows, or ragged or non-finite rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRows"/> is not in 1..<see cref="MaxRows"/>.</exception>
    public static BackgroundData Sample(IReadOnlyList<double[]> rows, int maxRows = DefaultMaxRows, int seed = 0)
    {
        Validate(rows, limitRows: false);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRows, MaxRows);
        if (rows.Count <= maxRows)
        {
            return FromRows(rows);
        }

        var order = new int[rows.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var random = DeterministicRandom.ForRow(seed, 0, stream: 0xBAC6);
        for (int i = 0; i < maxRows; i++)
        {
            int j = i + random.Next(order.Length - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        Array.Sort(order, 0, maxRows);
        var chosen = new double[maxRows][];
        for (int i = 0; i < maxRows; i++)
        {
            chosen[i] = rows[order[i]];
        }

        return FromRows(chosen);
    }

    /// <summary>
    /// Summarizes the data by k-means (k-means++ seeding, Lloyd iterations): the centroids become the rows and the
    /// cluster sizes their weights. Fewer rows come back when clusters end up empty. The data may have any number of rows;
    /// the cost is rows × clusters × columns per iteration.
    /// </summary>
    /// <param name="rows">The data.</param>
    /// <param name="clusters">The number of clusters k.</param>
    /// <param name="seed">Seed of the initialization.</param>
    /// <param name="maxIterations">Cap on Lloyd iterations.</param>
    /// <returns>The weighted summary.</returns>
    public static BackgroundData KMeansSummary(IReadOnlyList<double[]> rows, int clusters, int seed = 0, int maxIterations = 100)
    {
        int columns = Validate(rows, limitRows: false);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusters);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clusters, MaxRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        var (centroids, counts) = KMeans.Fit(rows, columns, Math.Min(clusters, rows.Count), DeterministicRandom.ForRow(seed, 0, stream: 0x4B4D), maxIterations);
        var keptRows = new List<double[]>();
        var keptWeights = new List<double>();
        for (int c = 0; c < centroids.Length; c++)
        {
            if (counts[c] > 0)
            {
                keptRows.Add(centroids[c]);
                keptWeights.Add(counts[c]);
            }
        }

        return FromRows(keptRows, keptWeights);
    }

    /// <summary>The value at a row and column.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="column">Column index.</param>
    /// <returns>The value.</returns>
    public double GetValue(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)RowCount, nameof(row));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)ColumnCount, nameof(column));
        return Values[(row * ColumnCount) + column];
    }

    /// <summary>The normalized weight of a row.</summary>
    /// <param name="row">Row index.</param>
    /// <returns>The weight (all weights sum to one).</returns>
    public double GetWeight(int row) => Weights[row];

    /// <summary>The weighted mean of every column.</summary>
    /// <returns>One mean per column.</returns>
    public double[] Mean()
    {
        var mean = new double[ColumnCount];
        for (int r = 0; r < RowCount; r++)
        {
            for (int c = 0; c < ColumnCount; c++)
            {
                mean[c] += Weights[r] * Values[(r * ColumnCount) + c];
            }
        }

        return mean;
    }

    /// <summary>The rows as arrays (copies).</summary>
    /// <returns>The rows.</returns>
    public double[][] ToRows()
    {
        var rows = new double[RowCount][];
        for (int r = 0; r < RowCount; r++)
        {
            rows[r] = Values.AsSpan(r * ColumnCount, ColumnCount).ToArray();
        }

        return rows;
    }

    private static int Validate(IReadOnlyList<double[]> rows, bool limitRows = true)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Background data needs at least one row.", nameof(rows));
        }

        if (limitRows && rows.Count > MaxRows)
        {
            throw new ArgumentException($"Background data has {rows.Count} rows; the limit is {MaxRows}. Use Sample or KMeansSummary.", nameof(rows));
        }

        int columns = rows[0]?.Length ?? 0;
        if (columns == 0)
        {
            throw new ArgumentException("Background rows need at least one column.", nameof(rows));
        }

        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is null || rows[r].Length != columns)
            {
                throw new ArgumentException($"Background row {r} does not have {columns} values.", nameof(rows));
            }

            foreach (double v in rows[r])
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"Background row {r} holds a value that is not finite.", nameof(rows));
                }
            }
        }

        return columns;
    }
}
