using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using NexusZero.Compression;

namespace NexusZero.Cli.Commands;

/// <summary>
/// The files `nexuszero compress` writes: LZ4 as a bare LZ4 frame (so the `lz4` tool reads it),
/// Brotli and none inside a 5-byte header "NZC1" + codec id (docs/formats.md, "Compression").
/// </summary>
internal static class CompressedFile
{
    /// <summary>"NZC1": NexusZero compressed file, version 1.</summary>
    public static ReadOnlySpan<byte> ContainerMagic => "NZC1"u8;

    private const int ChunkLength = 64 * 1024;

    /// <param name="codec">lz4, lz4-high, brotli or none.</param>
    /// <param name="input">The content.</param>
    /// <param name="inputLength">The content's length when known ahead (a regular file); an LZ4 frame then records it, otherwise it has no content-size field.</param>
    /// <param name="output">Where the compressed file goes.</param>
    /// <exception cref="IOException">The input's length differs from <paramref name="inputLength"/> (it changed while being read).</exception>
    public static void Compress(string codec, Stream input, long? inputLength, Stream output)
    {
        switch (codec)
        {
            case "lz4":
            case "lz4-high":
                var options = codec == "lz4" ? Lz4FrameOptions.Default : Lz4FrameOptions.High;
                if (inputLength is null)
                {
                    options = options with { ContentSize = false };
                }

                try
                {
                    using var writer = new Lz4FrameWriterStream(output, options, inputLength, leaveOpen: true);
                    input.CopyTo(writer);
                }
                catch (InvalidOperationException)
                {
                    // The frame writer refuses content whose length differs from the one it was promised.
                    throw new IOException($"The input changed size while being read (it reported {inputLength} bytes).");
                }

                return;
            case "brotli":
                WriteContainerHeader(output, CompressionCodecId.Brotli);
                CompressBrotli(input, output);
                return;
            default:
                WriteContainerHeader(output, CompressionCodecId.None);
                input.CopyTo(output);
                return;
        }
    }

    /// <param name="input">The compressed file.</param>
    /// <param name="output">Where the content goes.</param>
    /// <param name="maxOutputLength">The most content produced; an LZ4 frame declaring more is refused before decoding.</param>
    /// <exception cref="FormatException">The input is not a file this command wrote, is malformed, or expands past <paramref name="maxOutputLength"/>.</exception>
    public static void Decompress(Stream input, Stream output, long maxOutputLength)
    {
        Span<byte> head = stackalloc byte[5];
        var got = input.ReadAtLeast(head, 5, throwOnEndOfStream: false);
        if (got < 4)
        {
            throw new FormatException("Input is too short to be a compressed file.");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(head);
        if (magic == 0x184D2204 || (magic & 0xFFFFFFF0) == 0x184D2A50)
        {
            using var reader = new Lz4FrameReaderStream(new PrefixedStream(head[..got].ToArray(), input), maxOutputLength, leaveOpen: true);
            reader.CopyTo(output);
            return;
        }

        if (!head[..4].SequenceEqual(ContainerMagic))
        {
            throw new FormatException($"Input is not a compressed file: unknown magic 0x{magic:X8} (expected an LZ4 frame or NZC1).");
        }

        if (got < 5)
        {
            throw new FormatException("Compressed file is truncated after its NZC1 magic.");
        }

        switch ((CompressionCodecId)head[4])
        {
            case CompressionCodecId.None:
                input.CopyTo(output);
                return;
            case CompressionCodecId.Brotli:
                DecompressBrotli(input, output);
                return;
            default:
                throw new FormatException($"Compressed file names codec id {head[4]}, which an NZC1 container does not carry (0 = none, 2 = brotli).");
        }
    }

    private static void WriteContainerHeader(Stream output, CompressionCodecId id)
    {
        output.Write(ContainerMagic);
        output.WriteByte((byte)id);
    }

    private static void CompressBrotli(Stream input, Stream output)
    {
        using var encoder = new BrotliEncoder(BrotliCodec.Quality, BrotliCodec.WindowBits);
        var source = ArrayPool<byte>.Shared.Rent(ChunkLength);
        var target = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(ChunkLength));
        try
        {
            while (true)
            {
                var read = input.ReadAtLeast(source.AsSpan(0, ChunkLength), ChunkLength, throwOnEndOfStream: false);
                var final = read < ChunkLength;
                var pending = source.AsSpan(0, read);
                OperationStatus status;
                do
                {
                    status = encoder.Compress(pending, target, out var consumed, out var written, final);
                    output.Write(target, 0, written);
                    pending = pending[consumed..];
                }
                while (status == OperationStatus.DestinationTooSmall || !pending.IsEmpty);

                if (final)
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(source);
            ArrayPool<byte>.Shared.Return(target);
        }
    }

    private static void DecompressBrotli(Stream input, Stream output)
    {
        using var decoder = new BrotliDecoder();
        var source = ArrayPool<byte>.Shared.Rent(ChunkLength);
        var target = ArrayPool<byte>.Shared.Rent(ChunkLength);
        try
        {
            var pending = 0;
            var ended = false;
            while (true)
            {
                if (!ended && pending < ChunkLength)
                {
                    var read = input.Read(source, pending, ChunkLength - pending);
                    ended = read == 0;
                    pending += read;
                }

                var status = decoder.Decompress(source.AsSpan(0, pending), target.AsSpan(0, ChunkLength), out var consumed, out var written);
                output.Write(target, 0, written);
                source.AsSpan(consumed, pending - consumed).CopyTo(source);
                pending -= consumed;
                switch (status)
                {
                    case OperationStatus.Done:
                        if (pending > 0 || input.ReadByte() >= 0)
                        {
                            throw new FormatException("Brotli stream is followed by trailing bytes.");
                        }

                        return;
                    case OperationStatus.NeedMoreData when ended:
                        throw new FormatException("Brotli stream is truncated.");
                    case OperationStatus.InvalidData:
                        throw new FormatException("Brotli stream is malformed.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(source);
            ArrayPool<byte>.Shared.Return(target);
        }
    }
}
