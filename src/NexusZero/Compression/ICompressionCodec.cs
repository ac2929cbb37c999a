namespace NexusZero.Compression;

/// <summary>
/// A lossless codec: the one interface the compression manager and the pipeline see, so an engine can
/// change behind it in one place (LZ4 blocks are decoded by K4os.Compression.LZ4 since issue #13).
/// Implementations are stateless and thread-safe.
/// </summary>
public interface ICompressionCodec
{
    /// <summary>The codec's envelope id.</summary>
    CompressionCodecId Id { get; }

    /// <summary>A short name, e.g. "lz4".</summary>
    string Name { get; }

    /// <summary>The largest output <see cref="TryCompress"/> can produce for an input of this length.</summary>
    int GetMaxCompressedLength(int inputLength);

    /// <summary>Compresses; false when <paramref name="destination"/> is too small.</summary>
    bool TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten);

    /// <summary>
    /// Decompresses at most <paramref name="maxOutputLength"/> bytes. Input that would expand beyond that
    /// limit is refused, never expanded.
    /// </summary>
    /// <exception cref="FormatException">The input is malformed or exceeds the limit; the message names the defect.</exception>
    byte[] Decompress(ReadOnlySpan<byte> source, int maxOutputLength);
}
