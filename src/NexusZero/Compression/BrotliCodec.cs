using System.IO.Compression;

namespace NexusZero.Compression;

/// <summary>
/// Brotli (RFC 7932) through System.IO.Compression with a fixed quality and window, so the same input
/// always gives the same bytes. Decoding is bounded by the caller's output limit.
/// </summary>
public sealed class BrotliCodec : ICompressionCodec
{
    /// <summary>The quality every stream is written with (0 to 11).</summary>
    public const int Quality = 9;

    /// <summary>The window (log2 of bytes) every stream is written with.</summary>
    public const int WindowBits = 22;

    private const int ChunkLength = 64 * 1024;

    private BrotliCodec()
    {
    }

    /// <summary>The shared instance.</summary>
    public static BrotliCodec Instance { get; } = new();

    /// <inheritdoc />
    public CompressionCodecId Id => CompressionCodecId.Brotli;

    /// <inheritdoc />
    public string Name => "brotli";

    /// <inheritdoc />
    public int GetMaxCompressedLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return BrotliEncoder.GetMaxCompressedLength(inputLength);
    }

    /// <inheritdoc />
    public bool TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten) =>
        BrotliEncoder.TryCompress(source, destination, out bytesWritten, Quality, WindowBits);

    /// <summary>Compresses into a new array.</summary>
    public byte[] Compress(ReadOnlySpan<byte> source)
    {
        var buffer = new byte[GetMaxCompressedLength(source.Length)];
        if (!TryCompress(source, buffer, out var written))
        {
            throw new InvalidOperationException("Brotli output exceeded its computed bound.");
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    /// <inheritdoc />
    public byte[] Decompress(ReadOnlySpan<byte> source, int maxOutputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxOutputLength);
        using var decoder = new BrotliDecoder();
        // One byte of headroom over the limit: the decoder can only tell "more output follows" by writing it.
        var capacity = Math.Min((long)maxOutputLength + 1, Array.MaxLength);
        var output = new byte[Math.Min(capacity, Math.Max(ChunkLength, source.Length * 4L))];
        var written = 0;
        while (true)
        {
            var status = decoder.Decompress(source, output.AsSpan(written), out var consumed, out var produced);
            source = source[consumed..];
            written += produced;
            switch (status)
            {
                case System.Buffers.OperationStatus.Done:
                    if (written > maxOutputLength)
                    {
                        throw new FormatException($"Brotli content exceeds the output limit of {maxOutputLength} bytes.");
                    }

                    if (!source.IsEmpty)
                    {
                        throw new FormatException($"Brotli stream is followed by {source.Length} trailing bytes.");
                    }

                    return written == output.Length ? output : output.AsSpan(0, written).ToArray();
                case System.Buffers.OperationStatus.DestinationTooSmall:
                    if (output.Length >= capacity)
                    {
                        throw new FormatException($"Brotli content exceeds the output limit of {maxOutputLength} bytes.");
                    }

                    Array.Resize(ref output, (int)Math.Min(capacity, 2L * output.Length));
                    break;
                case System.Buffers.OperationStatus.NeedMoreData:
                    throw new FormatException("Brotli stream is truncated.");
                default:
                    throw new FormatException("Brotli stream is malformed.");
            }
        }
    }
}
