namespace NexusZero.Tests.Proofs;

/// <summary>Finds files under tests/NexusZero.Tests/Vectors by walking up from the test binaries.</summary>
internal static class VectorFile
{
    public static string PathOf(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Vectors", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Vector file Vectors/{relative} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Reads "key: value" lines, skipping blank lines and '#' comments.</summary>
    public static IReadOnlyDictionary<string, string> ReadFields(string relative)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(PathOf(relative)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            fields.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        return fields;
    }
}
