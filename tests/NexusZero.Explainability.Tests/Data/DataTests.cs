using NexusZero.Explainability.Data;

namespace NexusZero.Explainability.Tests.Data;

public sealed class DataTests
{
    [Fact]
    public void Sampling_is_deterministic_capped_and_keeps_original_order()
    {
        var rows = TestModels.Rows(500, 3, seed: 1);
        var a = BackgroundData.Sample(rows, seed: 7);
        var b = BackgroundData.Sample(rows, seed: 7);
        var c = BackgroundData.Sample(rows, seed: 8);
        Assert.Equal(100, a.RowCount);
        Assert.Equal(a.ToRows(), b.ToRows());
        Assert.NotEqual(a.ToRows(), c.ToRows());
        var indexes = a.ToRows().Select(r => Array.FindIndex(rows, x => x.SequenceEqual(r))).ToArray();
        Assert.Equal(indexes.Order(), indexes);
        Assert.Equal(0.01, a.GetWeight(0), 1e-15);
        Assert.Equal(20, BackgroundData.Sample(rows.Take(20).ToArray()).RowCount);
    }

    [Fact]
    public void Sampling_and_kmeans_take_more_rows_than_an_explainer_accepts()
    {
        // The documented route for large data: Sample/KMeansSummary reduce it; only FromRows enforces MaxRows.
        var rows = Enumerable.Range(0, BackgroundData.MaxRows + 1).Select(i => new double[] { i, -i }).ToArray();
        Assert.Equal(BackgroundData.DefaultMaxRows, BackgroundData.Sample(rows).RowCount);
        Assert.Equal(7, BackgroundData.Sample(rows, maxRows: 7, seed: 3).RowCount);
        Assert.InRange(BackgroundData.KMeansSummary(rows, clusters: 3, maxIterations: 2).RowCount, 1, 3);
        Assert.Throws<ArgumentException>(() => BackgroundData.FromRows(rows));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackgroundData.Sample(rows, maxRows: BackgroundData.MaxRows + 1));
    }

    [Fact]
    public void KMeans_summary_weights_by_cluster_size_and_preserves_the_mean()
    {
        var rows = Enumerable.Range(0, 90).Select(i => i < 60 ? new double[] { 0 + (i % 3), 10 } : new double[] { 100 + (i % 2), -10 }).ToArray();
        var summary = BackgroundData.KMeansSummary(rows, clusters: 2, seed: 1);
        Assert.Equal(2, summary.RowCount);
        var weights = Enumerable.Range(0, 2).Select(summary.GetWeight).Order().ToArray();
        Assert.Equal(1.0 / 3, weights[0], 1e-12);
        var mean = summary.Mean();
        Assert.Equal(rows.Average(r => r[0]), mean[0], 1e-9);
        Assert.Equal(rows.Average(r => r[1]), mean[1], 1e-9);
    }

    [Fact]
    public void Rejects_bad_background()
    {
        Assert.Throws<ArgumentException>(() => BackgroundData.FromRows([]));
        Assert.Throws<ArgumentException>(() => BackgroundData.FromRows([[1, 2], [1]]));
        Assert.Throws<ArgumentException>(() => BackgroundData.FromRows([[double.NaN]]));
        Assert.Throws<ArgumentException>(() => BackgroundData.FromRows([[1]], [-1]));
    }

    [Fact]
    public void Feature_groups_must_partition_the_columns()
    {
        Assert.Throws<ArgumentException>(() => new FeatureGroups(["a", "b"], [[0], [0, 1]], 2));
        Assert.Throws<ArgumentException>(() => new FeatureGroups(["a"], [[0]], 2));
        Assert.Throws<ArgumentException>(() => new FeatureGroups(["a"], [[2]], 2));
        var groups = new FeatureGroups(["a", "b"], [[1], [0, 2]], 3);
        Assert.Equal([0, 2], groups.GetColumns(1));
    }

    [Fact]
    public void Csv_parses_numbers_in_invariant_culture_and_reports_bad_cells()
    {
        var table = TabularCsv.Parse("income, debt\n1.5,2e3\r\n\n-3,4\n");
        Assert.Equal(["income", "debt"], table.Columns);
        Assert.Equal([1.5, 2000], table.Rows[0]);
        Assert.Equal(2, table.Rows.Count);
        Assert.Contains("line 2, column 'b'", Assert.Throws<FormatException>(() => TabularCsv.Parse("a,b\n1,x")).Message, StringComparison.Ordinal);
        Assert.Contains("has 1 values", Assert.Throws<FormatException>(() => TabularCsv.Parse("a,b\n1")).Message, StringComparison.Ordinal);
        Assert.Contains("no data rows", Assert.Throws<FormatException>(() => TabularCsv.Parse("a,b\n")).Message, StringComparison.Ordinal);
        Assert.Contains("not a finite", Assert.Throws<FormatException>(() => TabularCsv.Parse("a\nNaN")).Message, StringComparison.Ordinal);
    }
}
