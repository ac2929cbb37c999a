using NexusZero.Compression;

namespace NexusZero.Tests.TestDoubles;

/// <summary>A codec whose output is always one byte longer than its input (a 0xEE prefix).</summary>
internal sealed class ExpandingCodec(CompressionCodecId id = CompressionCodecId.Brotli) : ICompressionCodec
{
    public CompressionCodecId Id => id;

    public string Name => "expanding";

    public int GetMaxCompressedLength(int inputLength) => inputLength + 1;

    public bool TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        destination[0] = 0xEE;
        source.CopyTo(destination[1..]);
        bytesWritten = source.Length + 1;
        return true;
    }

    public byte[] Decompress(ReadOnlySpan<byte> source, int maxOutputLength)
    {
        if (source.Length == 0 || source[0] != 0xEE)
        {
            throw new FormatException("missing prefix");
        }

        return source[1..].ToArray();
    }
}
