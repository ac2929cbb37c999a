namespace NexusZero.Service;

/// <summary>A model to load at start-up.</summary>
public sealed class ModelSource
{
    /// <summary>The model id callers name: 1 to 64 characters of A–Z, a–z, 0–9, '.', '_' and '-'.</summary>
    public string Id { get; set; } = "";

    /// <summary>The ONNX file.</summary>
    public string OnnxPath { get; set; } = "";

    /// <summary>Optional CSV of background rows for the explainers (header = feature names); without it a single zero row.</summary>
    public string? BackgroundCsvPath { get; set; }
}
