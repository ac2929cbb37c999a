namespace NexusZero.Compression;

/// <summary>How hard the LZ4 compressor searches for matches. Both levels write the same format.</summary>
public enum Lz4CompressionLevel
{
    /// <summary>One hash probe per position (like lz4's default level 1): fastest.</summary>
    Fast = 0,

    /// <summary>Hash chains searched 256 deep with lazy matching (like lz4's level 9): smaller, slower.</summary>
    High = 1,
}
