using System.Globalization;

namespace NexusZero.VerifiableInference;

/// <summary>
/// The embedded Wine data (Data/README.md): the 13 → 10 → 3 MLP as ONNX, standardized background rows for the
/// explainer and a few standardized wines to classify.
/// </summary>
internal static class SampleData
{
    public static byte[] Model() => Read("wine-mlp.onnx");

    public static (string[] Header, double[][] Rows) Background() => Csv("wine-background.csv");

    public static (string[] Header, double[][] Rows) Instances() => Csv("wine-instances.csv");

    private static (string[] Header, double[][] Rows) Csv(string name)
    {
        var lines = System.Text.Encoding.UTF8.GetString(Read(name)).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var rows = lines[1..].Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return (lines[0].Split(','), rows);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(SampleData).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
