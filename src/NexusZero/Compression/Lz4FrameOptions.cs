namespace NexusZero.Compression;

/// <summary>
/// What the LZ4 frame encoder writes. The same options always produce the same bytes for the same
/// input, and a strict decoder configured with them accepts only the frame descriptor they produce.
/// </summary>
public sealed record Lz4FrameOptions
{
    /// <summary>The defaults: fast level, 64 KB independent blocks, content size and content checksum, no block checksums.</summary>
    public static Lz4FrameOptions Default { get; } = new();

    /// <summary>The defaults with <see cref="Lz4CompressionLevel.High"/>.</summary>
    public static Lz4FrameOptions High { get; } = new() { Level = Lz4CompressionLevel.High };

    /// <summary>Match search effort.</summary>
    public Lz4CompressionLevel Level { get; init; } = Lz4CompressionLevel.Fast;

    /// <summary>The block maximum size written into the descriptor.</summary>
    public Lz4BlockMaxSize BlockMaxSize { get; init; } = Lz4BlockMaxSize.Max64KB;

    /// <summary>When true, blocks may refer to the previous 64 KB of earlier blocks (better ratio, sequential decoding).</summary>
    public bool LinkedBlocks { get; init; }

    /// <summary>When true, each block is followed by the xxHash32 of its stored bytes.</summary>
    public bool BlockChecksum { get; init; }

    /// <summary>When true, the frame ends with the xxHash32 of the whole content.</summary>
    public bool ContentChecksum { get; init; } = true;

    /// <summary>When true, the descriptor carries the content size (streams must then be told the length up front).</summary>
    public bool ContentSize { get; init; } = true;

    /// <summary>The block maximum size in bytes.</summary>
    public int BlockMaxBytes => Lz4FrameDescriptor.BlockMaxBytesOf(BlockMaxSize);
}
