using System.Buffers.Binary;
using System.IO.Hashing;

namespace NexusZero.Compression;

/// <summary>
/// Decodes a sequence of LZ4 frames held in memory: concatenated frames in order, skippable frames
/// skipped, every length checked against the input, the block maximum, the declared content size and
/// the caller's output limit before anything is allocated or written.
/// </summary>
internal static class Lz4FrameDecoder
{
    private const uint UncompressedFlag = 0x8000_0000;
    private const ulong MaxExpansion = 255;

    /// <summary>Decodes into <paramref name="destination"/>; false when the output does not fit.</summary>
    /// <param name="source">The frames.</param>
    /// <param name="destination">Receives the content.</param>
    /// <param name="strict">When set, only one frame whose FLG and BD bytes are exactly those these options write, with nothing around it.</param>
    /// <param name="bytesWritten">The content length.</param>
    /// <exception cref="FormatException">The input is malformed; the message names the defect.</exception>
    public static bool TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, Lz4FrameOptions? strict, out int bytesWritten)
    {
        var output = new Output(destination, null, destination.Length);
        return Run(source, ref output, strict, out bytesWritten);
    }

    /// <summary>Decodes into a new array of at most <paramref name="maxOutputLength"/> bytes.</summary>
    /// <exception cref="FormatException">The input is malformed or its content exceeds the limit.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> source, int maxOutputLength, Lz4FrameOptions? strict)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxOutputLength);
        var output = new Output(Span<byte>.Empty, [], maxOutputLength);
        Run(source, ref output, strict, out var length);
        var array = output.Array!;
        return array.Length == length ? array : array.AsSpan(0, length).ToArray();
    }

    private static bool Run(ReadOnlySpan<byte> source, ref Output output, Lz4FrameOptions? strict, out int bytesWritten)
    {
        bytesWritten = 0;
        if (source.IsEmpty)
        {
            throw new FormatException("LZ4 input is empty; expected a frame.");
        }

        var at = 0;
        var position = 0;
        var frames = 0;
        while (at < source.Length)
        {
            if (source.Length - at < 4)
            {
                throw new FormatException($"LZ4 input is truncated: {source.Length - at} bytes where a frame magic number was expected.");
            }

            var magic = BinaryPrimitives.ReadUInt32LittleEndian(source[at..]);
            if ((magic & Lz4FrameDescriptor.SkippableMagicMask) == Lz4FrameDescriptor.SkippableMagicBase)
            {
                if (strict is not null)
                {
                    throw new FormatException("Strict LZ4 decoding refuses skippable frames.");
                }

                at = SkipSkippable(source, at);
                continue;
            }

            if (magic != Lz4FrameDescriptor.Magic)
            {
                throw new FormatException(magic == Lz4FrameDescriptor.LegacyMagic
                    ? "Legacy LZ4 frames (magic 0x184C2102) are not supported."
                    : $"Bad LZ4 magic number 0x{magic:X8} at offset {at}.");
            }

            if (strict is not null && frames > 0)
            {
                throw new FormatException($"Strict LZ4 decoding accepts one frame; trailing bytes start at offset {at}.");
            }

            if (!DecodeFrame(source, ref at, ref output, ref position, strict))
            {
                return false;
            }

            frames++;
        }

        bytesWritten = position;
        return true;
    }

    private static int SkipSkippable(ReadOnlySpan<byte> source, int at)
    {
        if (source.Length - at < 8)
        {
            throw new FormatException("LZ4 input is truncated inside a skippable frame header.");
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(source[(at + 4)..]);
        if (size > (ulong)(source.Length - at - 8))
        {
            throw new FormatException($"LZ4 skippable frame declares {size} bytes but only {source.Length - at - 8} remain.");
        }

        return at + 8 + (int)size;
    }

    private static bool DecodeFrame(ReadOnlySpan<byte> source, ref int at, ref Output output, ref int position, Lz4FrameOptions? strict)
    {
        var descriptor = Lz4FrameDescriptor.Parse(source[(at + 4)..], out var descriptorLength);
        at += 4 + descriptorLength;
        if (strict is not null)
        {
            var expected = Lz4FrameDescriptor.For(strict, 0);
            if (descriptor.Flags != expected.Flags || descriptor.BlockDescriptor != expected.BlockDescriptor)
            {
                throw new FormatException(
                    $"Strict LZ4 decoding accepts only FLG 0x{expected.Flags:X2} BD 0x{expected.BlockDescriptor:X2}; the frame has FLG 0x{descriptor.Flags:X2} BD 0x{descriptor.BlockDescriptor:X2}.");
            }
        }

        if (descriptor.DictionaryId is { } dictionaryId)
        {
            throw new FormatException($"LZ4 frame needs dictionary 0x{dictionaryId:X8}; dictionaries are not supported.");
        }

        var frameStart = position;
        var blockMax = descriptor.BlockMaxBytes;

        // The frame's output may not pass `cap`: the declared content size when there is one, else the limit.
        var cap = output.Limit;
        if (descriptor.ContentSize is { } declared)
        {
            if (declared > (ulong)(output.Limit - frameStart))
            {
                return output.OverLimit($"LZ4 frame declares a content size of {declared} bytes, over the output limit of {output.Limit} bytes.");
            }

            // A compressed byte expands to at most 255 bytes (a run of match-length bytes), so a size the
            // rest of the input cannot hold is refused before it is allocated: a tiny frame cannot make
            // the decoder reserve its whole limit.
            var remaining = (ulong)(source.Length - at);
            if (declared > (remaining * MaxExpansion) + 64)
            {
                throw new FormatException($"LZ4 frame declares a content size of {declared} bytes, more than its remaining {remaining} bytes can encode.");
            }

            cap = frameStart + (int)declared;
            output.Ensure(cap);
        }

        while (true)
        {
            if (source.Length - at < 4)
            {
                throw new FormatException("LZ4 frame is truncated: a block header or the end mark is missing.");
            }

            var header = BinaryPrimitives.ReadUInt32LittleEndian(source[at..]);
            at += 4;
            if (header == 0)
            {
                break;
            }

            var uncompressed = (header & UncompressedFlag) != 0;
            var size = (int)(header & ~UncompressedFlag);
            if (size > blockMax)
            {
                throw new FormatException($"LZ4 block size {size} is over the declared block maximum of {blockMax} bytes.");
            }

            var checksumLength = descriptor.HasBlockChecksum ? 4 : 0;
            if (source.Length - at < size + checksumLength)
            {
                throw new FormatException($"LZ4 frame is truncated: a block of {size} bytes runs past the end of the input.");
            }

            var data = source.Slice(at, size);
            at += size;
            if (descriptor.HasBlockChecksum)
            {
                var stored = BinaryPrimitives.ReadUInt32LittleEndian(source[at..]);
                at += 4;
                if (stored != XxHash32.HashToUInt32(data))
                {
                    throw new FormatException("LZ4 block checksum mismatch.");
                }
            }

            var blockCap = (long)position + blockMax <= cap ? position + blockMax : cap;
            if (uncompressed)
            {
                if (position + size > blockCap)
                {
                    return Overflow(ref output, descriptor);
                }

                output.Ensure(position + size);
                data.CopyTo(output.Span[position..]);
                position += size;
                continue;
            }

            output.Ensure(blockCap);
            var windowStart = descriptor.IndependentBlocks ? position : frameStart;
            if (!Lz4BlockDecoder.TryDecode(data, output.Span[..blockCap], position, windowStart, out var end))
            {
                if (blockCap == (long)position + blockMax)
                {
                    throw new FormatException($"LZ4 block decodes to more than the declared block maximum of {blockMax} bytes.");
                }

                return Overflow(ref output, descriptor);
            }

            position = end;
        }

        if (descriptor.HasContentChecksum)
        {
            if (source.Length - at < 4)
            {
                throw new FormatException("LZ4 frame is truncated: the content checksum is missing.");
            }

            var stored = BinaryPrimitives.ReadUInt32LittleEndian(source[at..]);
            at += 4;
            if (stored != XxHash32.HashToUInt32(output.Span[frameStart..position]))
            {
                throw new FormatException("LZ4 content checksum mismatch.");
            }
        }

        if (descriptor.ContentSize is { } declaredSize && (ulong)(position - frameStart) != declaredSize)
        {
            throw new FormatException($"LZ4 content size mismatch: the frame declares {declaredSize} bytes and holds {position - frameStart}.");
        }

        return true;
    }

    private static bool Overflow(ref Output output, Lz4FrameDescriptor descriptor) =>
        descriptor.ContentSize is { } declared
            ? throw new FormatException($"LZ4 frame holds more than its declared content size of {declared} bytes.")
            : output.OverLimit($"LZ4 content exceeds the output limit of {output.Limit} bytes.");

    /// <summary>The output: a caller's span (fixed) or an array grown on demand up to the limit.</summary>
    private ref struct Output
    {
        public Span<byte> Span;
        public byte[]? Array;
        public readonly int Limit;

        public Output(Span<byte> span, byte[]? array, int limit)
        {
            Span = array ?? span;
            Array = array;
            Limit = limit;
        }

        /// <summary>A fixed output reports "too small" (false); a growing one refuses the input.</summary>
        public readonly bool OverLimit(string message) => Array is null ? false : throw new FormatException(message);

        /// <summary>Makes the output at least <paramref name="length"/> bytes long; the length never exceeds the limit.</summary>
        public void Ensure(int length)
        {
            if (length <= Span.Length || Array is null)
            {
                return;
            }

            var grown = (int)Math.Min(Limit, Math.Max(length, 2L * Array.Length));
            var next = new byte[grown];
            Array.AsSpan().CopyTo(next);
            Array = next;
            Span = next;
        }
    }
}
