namespace NexusZero.Compression;

/// <summary>What <see cref="CompressionManager.Compress"/> produced.</summary>
/// <param name="Codec">The codec of <paramref name="Output"/>; <see cref="CompressionCodecId.None"/> when stored raw.</param>
/// <param name="Output">The bytes to store: compressed, or a copy of the input.</param>
/// <param name="OriginalSize">Input length in bytes.</param>
/// <param name="OutputSize">Output length in bytes; strictly below <paramref name="OriginalSize"/> unless raw.</param>
/// <param name="Elapsed">Time spent trying codecs.</param>
/// <param name="Warning">Why the payload stayed raw although codecs were tried (one failed or none shrank it); null otherwise.</param>
public sealed record CompressionOutcome(
    CompressionCodecId Codec,
    byte[] Output,
    int OriginalSize,
    int OutputSize,
    TimeSpan Elapsed,
    string? Warning)
{
    /// <summary><see cref="OutputSize"/> / <see cref="OriginalSize"/>; 1.0 for raw or empty input, smaller is better.</summary>
    public double Ratio => OriginalSize == 0 ? 1.0 : (double)OutputSize / OriginalSize;
}
