using System.Globalization;
using NexusZero.IO;

namespace NexusZero.Explainability.Data;

/// <summary>
/// A numeric CSV table: one header line of column names, then rows of numbers in invariant culture
/// (comma separated, '.' decimal point). Format and limits: docs/formats.md.
/// </summary>
public sealed class TabularCsv
{
    /// <summary>Largest accepted file, checked before reading.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Most data rows accepted.</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>Most columns accepted.</summary>
    public const int MaxColumns = 4096;

    private TabularCsv(string[] columns, double[][] rows)
    {
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The header names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The data rows.</summary>
    public IReadOnlyList<double[]> Rows { get; }

    /// <summary>Reads a CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FormatException">The file is not a numeric table with a header.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TabularCsv Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Bounded whatever the file claims: /dev/zero, a pipe or a /proc entry stops at the limit.
        return Parse(BoundedFile.ReadAllText(path, MaxFileBytes, "CSV file"), path);
    }

    /// <summary>Parses CSV text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="source">A name for error messages.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FormatException">The text is not a numeric table with a header.</exception>
    public static TabularCsv Parse(string text, string source = "CSV")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        int lineNumber = 0;
        string[]? header = null;
        var rows = new List<double[]>();
        foreach (string raw in lines)
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            string[] cells = line.Split(',');
            if (header is null)
            {
                if (cells.Length > MaxColumns)
                {
                    throw new FormatException($"{source}: {cells.Length} columns; the limit is {MaxColumns}.");
                }

                header = [.. cells.Select(c => c.Trim().Trim('"'))];
                if (header.Any(h => h.Length == 0))
                {
                    throw new FormatException($"{source}: the header has an empty column name.");
                }

                continue;
            }

            if (cells.Length != header.Length)
            {
                throw new FormatException($"{source}: line {lineNumber} has {cells.Length} values; the header has {header.Length} columns.");
            }

            if (rows.Count >= MaxRows)
            {
                throw new FormatException($"{source}: more than {MaxRows} rows.");
            }

            var row = new double[cells.Length];
            for (int c = 0; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out row[c]) || !double.IsFinite(row[c]))
                {
                    throw new FormatException($"{source}: line {lineNumber}, column '{header[c]}': '{cells[c].Trim()}' is not a finite number.");
                }
            }

            rows.Add(row);
        }

        if (header is null)
        {
            throw new FormatException($"{source}: empty; expected a header line and at least one row.");
        }

        if (rows.Count == 0)
        {
            throw new FormatException($"{source}: no data rows after the header.");
        }

        return new TabularCsv(header, [.. rows]);
    }
}
