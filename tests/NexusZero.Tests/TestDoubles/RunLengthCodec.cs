using NexusZero.Compression;

namespace NexusZero.Tests.TestDoubles;

/// <summary>
/// A deterministic run-length codec: (count 1..255, byte) pairs, runs split greedily at 255. Its decoder
/// also accepts non-canonical encodings (a run split early), which is what the canonical check must catch.
/// </summary>
internal sealed class RunLengthCodec(CompressionCodecId id = CompressionCodecId.Lz4) : ICompressionCodec
{
    public CompressionCodecId Id => id;

    public string Name => "rle";

    public int GetMaxCompressedLength(int inputLength) => 2 * inputLength;

    public bool TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        var i = 0;
        while (i < source.Length)
        {
            var run = 1;
            while (i + run < source.Length && run < 255 && source[i + run] == source[i])
            {
                run++;
            }

            if (bytesWritten + 2 > destination.Length)
            {
                bytesWritten = 0;
                return false;
            }

            destination[bytesWritten++] = (byte)run;
            destination[bytesWritten++] = source[i];
            i += run;
        }

        return true;
    }

    public byte[] Decompress(ReadOnlySpan<byte> source, int maxOutputLength)
    {
        if (source.Length % 2 != 0)
        {
            throw new FormatException("odd length");
        }

        var output = new List<byte>();
        for (var i = 0; i < source.Length; i += 2)
        {
            if (source[i] == 0)
            {
                throw new FormatException("zero run");
            }

            if (output.Count + source[i] > maxOutputLength)
            {
                throw new FormatException("over the limit");
            }

            output.AddRange(Enumerable.Repeat(source[i + 1], source[i]));
        }

        return [.. output];
    }
}
