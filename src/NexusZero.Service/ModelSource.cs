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

    /// <summary>
    /// Optional Groth16 proving-key file (NZG16PK, docs/formats.md): read at start-up when it exists, otherwise written
    /// there after the local setup. Point every instance that shares a cache at the same file so that they all prove
    /// under one verifying key; without it each start runs its own setup and publishes a new verifying key.
    /// </summary>
    public string? ProvingKeyPath { get; set; }
}
