namespace NexusZero.Compression;

/// <summary>Stable codec identifiers; the value is written into proof envelopes.</summary>
public enum CompressionCodecId : byte
{
    /// <summary>Stored as is.</summary>
    None = 0,
    /// <summary>LZ4 frame format.</summary>
    Lz4 = 1,
    /// <summary>Brotli (RFC 7932).</summary>
    Brotli = 2,
}
