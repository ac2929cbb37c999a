namespace NexusZero.Compression;

/// <summary>Which codecs <see cref="CompressionManager.ForStrategy"/> tries on a proof payload.</summary>
public enum CompressionStrategy
{
    /// <summary>Store payloads raw.</summary>
    None = 0,
}
