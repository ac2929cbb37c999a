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
    /// <summary>
    /// LZ4 frame format written by the high-compression encoder. The bytes decode like <see cref="Lz4"/>;
    /// the id is separate so a verifier knows which encoder to re-run for the canonical-encoding check.
    /// </summary>
    Lz4High = 3,
}
