using System.Globalization;
using NexusZero.IO;

namespace NexusZero.Cli.Commands;

/// <summary>
/// The input row of `prove inference --input`: one line of comma-separated numbers, optionally after one header
/// line (so the instance CSV given to `explain` serves as well). Blank lines are ignored.
/// </summary>
internal static class InferenceInputCsv
{
    /// <summary>1 MiB: hundreds of thousands of values, far more than any model the circuits can hold.</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <summary>Reads the row in <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The file is too large, holds no row or several, or a value is not a finite number.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static double[] Read(string path)
    {
        var text = BoundedFile.ReadAllText(path, MaxFileBytes, "--input file");
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0)
        {
            throw new FormatException($"--input {path}: the file holds no row.");
        }

        if (lines.Length > 2 || (lines.Length == 2 && TryParse(lines[0], out _, out _)))
        {
            throw new FormatException($"--input {path}: one row of comma-separated numbers is proven at a time (after at most one header line); the file has {lines.Length} lines.");
        }

        return TryParse(lines[^1], out var values, out var error) ? values : throw new FormatException($"--input {path}: {error}");
    }

    private static bool TryParse(string line, out double[] values, out string? error)
    {
        var fields = line.Split(',');
        values = new double[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            if (!double.TryParse(fields[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                error = $"value {i + 1} ('{Truncated(fields[i].Trim())}') is not a finite number.";
                return false;
            }
        }

        error = null;
        return true;
    }

    // A malformed field is echoed for the operator, but never a whole line of a large file.
    private static string Truncated(string field) => field.Length <= 32 ? field : field[..32] + "…";
}
