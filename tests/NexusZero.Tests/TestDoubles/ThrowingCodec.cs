using NexusZero.Compression;

namespace NexusZero.Tests.TestDoubles;

/// <summary>A codec whose compressor always throws.</summary>
internal sealed class ThrowingCodec(CompressionCodecId id = CompressionCodecId.Lz4) : ICompressionCodec
{
    public CompressionCodecId Id => id;

    public string Name => "throwing";

    public int GetMaxCompressedLength(int inputLength) => inputLength;

    public bool TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten) =>
        throw new InvalidOperationException("codec exploded");

    public byte[] Decompress(ReadOnlySpan<byte> source, int maxOutputLength) =>
        throw new FormatException("codec exploded");
}
