using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace NexusZero.Compression;

/// <summary>
/// Writes LZ4 frames: descriptor, blocks (stored raw when compression does not shrink them), end
/// mark, content checksum. Shared by the one-shot codec and <see cref="Lz4FrameWriterStream"/>,
/// which feed it identical block buffers so that both produce identical bytes.
/// </summary>
internal static class Lz4FrameEncoder
{
    private const uint UncompressedFlag = 0x8000_0000;

    /// <summary>The largest frame these options can produce for an input of this length.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The bound does not fit in an int.</exception>
    public static int MaxFrameLength(int inputLength, Lz4FrameOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        var blockMax = options.BlockMaxBytes;
        long blocks = (inputLength + (long)blockMax - 1) / blockMax;
        var perBlock = 4 + (options.BlockChecksum ? 4 : 0);
        var total = 4 + Lz4FrameDescriptor.MaxLength + (blocks * perBlock) + inputLength + 4 + (options.ContentChecksum ? 4 : 0);
        if (total > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(inputLength), inputLength, "Input is too large for a one-shot LZ4 frame; use Lz4FrameWriterStream.");
        }

        return (int)total;
    }

    /// <summary>Compresses <paramref name="source"/> into one frame; false when <paramref name="destination"/> is too small.</summary>
    public static bool TryEncode(ReadOnlySpan<byte> source, Span<byte> destination, Lz4FrameOptions options, out int bytesWritten)
    {
        bytesWritten = 0;
        var descriptor = Lz4FrameDescriptor.For(options, (ulong)source.Length);
        if (destination.Length < 4 + descriptor.Length)
        {
            return false;
        }

        var at = descriptor.WriteWithMagic(destination);
        var blockMax = options.BlockMaxBytes;
        for (var blockStart = 0; blockStart < source.Length; blockStart += blockMax)
        {
            var blockEnd = (int)Math.Min((long)blockStart + blockMax, source.Length);
            var historyStart = options.LinkedBlocks ? Math.Max(0, blockStart - Lz4Block.HistoryLength) : blockStart;
            var written = TryEncodeBlock(source[historyStart..blockEnd], blockStart - historyStart, destination[at..], options);
            if (written < 0)
            {
                return false;
            }

            at += written;
        }

        var trailer = options.ContentChecksum ? 8 : 4;
        if (destination.Length - at < trailer)
        {
            return false;
        }

        at += WriteEnd(destination[at..], options.ContentChecksum ? XxHash32.HashToUInt32(source) : null);
        bytesWritten = at;
        return true;
    }

    /// <summary>
    /// Writes one block (header, data, optional checksum) for <c>buffer[start..]</c>, with
    /// <c>buffer[..start]</c> as linked history. Returns the bytes written, or -1 when it does not fit.
    /// </summary>
    public static int TryEncodeBlock(ReadOnlySpan<byte> buffer, int start, Span<byte> destination, Lz4FrameOptions options)
    {
        var block = buffer[start..];
        var checksumLength = options.BlockChecksum ? 4 : 0;
        var bound = Lz4Block.MaxCompressedLength(block.Length);
        byte[]? scratch = null;
        try
        {
            // Compress in place when the destination has room for the worst case, else via a rented buffer.
            Span<byte> target;
            if (destination.Length - 4 >= bound)
            {
                target = destination[4..];
            }
            else
            {
                scratch = ArrayPool<byte>.Shared.Rent(bound);
                target = scratch;
            }

            var compressed = options.Level switch
            {
                Lz4CompressionLevel.Fast => Lz4FastCompressor.Compress(buffer, start, target, giveUpAt: block.Length),
                Lz4CompressionLevel.High => Lz4HighCompressor.Compress(buffer, start, target),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Level, "Unknown LZ4 compression level."),
            };

            int stored;
            uint header;
            if (compressed >= 0 && compressed < block.Length)
            {
                stored = compressed;
                header = (uint)compressed;
                if (destination.Length < 4 + stored + checksumLength)
                {
                    return -1;
                }

                if (scratch is not null)
                {
                    target[..compressed].CopyTo(destination[4..]);
                }
            }
            else
            {
                // Does not shrink: stored raw, flagged by the high bit of the block size.
                stored = block.Length;
                header = (uint)block.Length | UncompressedFlag;
                if (destination.Length < 4 + stored + checksumLength)
                {
                    return -1;
                }

                block.CopyTo(destination[4..]);
            }

            BinaryPrimitives.WriteUInt32LittleEndian(destination, header);
            if (options.BlockChecksum)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(destination[(4 + stored)..], XxHash32.HashToUInt32(destination.Slice(4, stored)));
            }

            return 4 + stored + checksumLength;
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>Writes the end mark and, when given, the content checksum; returns the bytes written.</summary>
    public static int WriteEnd(Span<byte> destination, uint? contentChecksum)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, 0);
        if (contentChecksum is { } checksum)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], checksum);
            return 8;
        }

        return 4;
    }
}
