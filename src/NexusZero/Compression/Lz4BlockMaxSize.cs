namespace NexusZero.Compression;

/// <summary>The block maximum sizes of the LZ4 frame format; the value is the BD byte's size id.</summary>
public enum Lz4BlockMaxSize
{
    /// <summary>64 KB blocks.</summary>
    Max64KB = 4,

    /// <summary>256 KB blocks.</summary>
    Max256KB = 5,

    /// <summary>1 MB blocks.</summary>
    Max1MB = 6,

    /// <summary>4 MB blocks.</summary>
    Max4MB = 7,
}
