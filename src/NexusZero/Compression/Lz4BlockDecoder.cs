using System.Buffers;
using K4os.Compression.LZ4;

namespace NexusZero.Compression;

/// <summary>
/// Decodes one LZ4 block with K4os.Compression.LZ4 (its bounds-checked decoder, a port of
/// LZ4_decompress_safe), never writing outside the output span it is given. What this layer adds:
/// the window a match may reach, and telling a malformed block from one that is merely too large for
/// the output, which K4os reports alike (a negative result).
/// </summary>
internal static class Lz4BlockDecoder
{
    /// <summary>The largest block the frame format allows (4 MB): the bound of the error-path scratch buffer.</summary>
    private const int LargestBlock = 4 * 1024 * 1024;

    /// <summary>
    /// Decodes <paramref name="source"/> into <c>output[outputStart..]</c>. Matches may refer back to
    /// <c>output[windowStart..]</c> (earlier blocks of a linked frame) and no further.
    /// </summary>
    /// <param name="source">One compressed block.</param>
    /// <param name="output">The output; its length is the most this block may produce.</param>
    /// <param name="outputStart">Where this block's output begins.</param>
    /// <param name="windowStart">The earliest byte a match may copy from.</param>
    /// <param name="outputEnd">Where this block's output ends, when the result is true.</param>
    /// <returns>False when the block would write past the end of <paramref name="output"/>.</returns>
    /// <exception cref="FormatException">The block is malformed.</exception>
    public static bool TryDecode(ReadOnlySpan<byte> source, Span<byte> output, int outputStart, int windowStart, out int outputEnd)
    {
        outputEnd = outputStart;
        if ((uint)outputStart > (uint)output.Length || (uint)windowStart > (uint)outputStart)
        {
            throw new ArgumentOutOfRangeException(nameof(outputStart));
        }

        if (source.IsEmpty)
        {
            throw new FormatException("LZ4 block is empty; a compressed block holds at least one token.");
        }

        // Offsets are at most 65535, so the last 64 KB of the window is all a match can reach.
        var dictionaryStart = Math.Max(windowStart, outputStart - Lz4Block.HistoryLength);
        ReadOnlySpan<byte> dictionary = output[dictionaryStart..outputStart];
        var target = output[outputStart..];
        var decoded = dictionary.IsEmpty ? LZ4Codec.Decode(source, target) : LZ4Codec.Decode(source, target, dictionary);
        if (decoded >= 0)
        {
            outputEnd = outputStart + decoded;
            return true;
        }

        if (DecodesPast(source, dictionary, target))
        {
            return false;
        }

        throw new FormatException(
            $"LZ4 block of {source.Length} bytes is malformed: a match offset outside the window, a length past the end of the block, or a sequence cut short.");
    }

    /// <summary>
    /// Whether a block the decoder refused is well formed as far as <paramref name="target"/> reaches
    /// and goes on past it. Runs only after a refusal, so the common path pays nothing; what it writes
    /// into <paramref name="target"/> is discarded by the caller.
    /// </summary>
    private static bool DecodesPast(ReadOnlySpan<byte> source, ReadOnlySpan<byte> dictionary, Span<byte> target)
    {
        var room = target.Length;
        if (room == 0)
        {
            // K4os refuses blocks that produce nothing, so a block with no room left always goes on.
            return true;
        }

        if (dictionary.IsEmpty)
        {
            // Partial decoding stops once the output is full: filling it means the block goes on.
            return LZ4Codec.PartialDecode(source, target) == room;
        }

        // K4os offers partial decoding only without a dictionary: decode in full into a scratch buffer
        // of the largest block the format allows, after a copy of the dictionary.
        var buffer = ArrayPool<byte>.Shared.Rent(dictionary.Length + LargestBlock);
        try
        {
            dictionary.CopyTo(buffer);
            var decoded = LZ4Codec.Decode(source, buffer.AsSpan(dictionary.Length, LargestBlock), buffer.AsSpan(0, dictionary.Length));
            return decoded > room;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
