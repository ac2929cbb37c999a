using System.Runtime.CompilerServices;

namespace NexusZero.Compression;

/// <summary>
/// Decodes one LZ4 block with every length and offset checked against the input, the output and
/// the window before any byte moves. Word-sized copies are used only where the check above them
/// proves the whole word lies inside both buffers.
/// </summary>
internal static unsafe class Lz4BlockDecoder
{
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
    /// <exception cref="FormatException">The block is malformed; the message names the defect.</exception>
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

        fixed (byte* s = source)
        fixed (byte* d = output)
        {
            var ip = s;
            var iend = s + source.Length;
            var op = d + outputStart;
            var oend = d + output.Length;
            var lowest = d + windowStart;
            while (true)
            {
                if (ip >= iend)
                {
                    throw new FormatException("LZ4 block is truncated: it ends where a sequence token was expected.");
                }

                int token = *ip++;
                long literalLength = token >> 4;
                if (literalLength == 15)
                {
                    literalLength += ReadLengthExtension(ref ip, iend, "literal");
                }

                if (literalLength > iend - ip)
                {
                    throw new FormatException($"LZ4 literal length {literalLength} runs past the end of the input block.");
                }

                if (literalLength > oend - op)
                {
                    return false;
                }

                var literals = (int)literalLength;
                if (literals <= 16 && iend - ip >= 16 && oend - op >= 16)
                {
                    Unsafe.CopyBlockUnaligned(op, ip, 16);
                }
                else
                {
                    Buffer.MemoryCopy(ip, op, literals, literals);
                }

                ip += literals;
                op += literals;
                if (ip == iend)
                {
                    outputEnd = (int)(op - d);
                    return true;
                }

                if (iend - ip < 2)
                {
                    throw new FormatException("LZ4 block is truncated inside a match offset.");
                }

                var offset = ip[0] | (ip[1] << 8);
                ip += 2;
                if (offset == 0)
                {
                    throw new FormatException("LZ4 match offset is zero.");
                }

                if (offset > op - lowest)
                {
                    throw new FormatException($"LZ4 match offset {offset} points before the start of the output window ({op - lowest} bytes available).");
                }

                long matchLength = token & 15;
                if (matchLength == 15)
                {
                    matchLength += ReadLengthExtension(ref ip, iend, "match");
                }

                matchLength += Lz4Block.MinMatch;
                if (matchLength > oend - op)
                {
                    return false;
                }

                CopyMatch(op, op - offset, (int)matchLength, offset, oend);
                op += matchLength;
            }
        }
    }

    private static long ReadLengthExtension(ref byte* ip, byte* iend, string what)
    {
        long total = 0;
        while (true)
        {
            if (ip >= iend)
            {
                throw new FormatException($"LZ4 block is truncated inside a {what} length.");
            }

            var value = *ip++;
            total += value;
            if (value != 255)
            {
                return total;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyMatch(byte* op, byte* match, int length, int offset, byte* oend)
    {
        // Chunks may overshoot the match end by less than a chunk; the test proves that overshoot
        // still lies inside the output. A chunk never reads bytes it has not yet written because
        // the offset is at least the chunk size.
        if (offset >= 16 && oend - op >= length + 16)
        {
            var end = op + length;
            do
            {
                Unsafe.CopyBlockUnaligned(op, match, 16);
                op += 16;
                match += 16;
            }
            while (op < end);
            return;
        }

        if (offset >= 8 && oend - op >= length + 8)
        {
            var end = op + length;
            do
            {
                Unsafe.CopyBlockUnaligned(op, match, 8);
                op += 8;
                match += 8;
            }
            while (op < end);
            return;
        }

        // Near the end of the output, or a pattern repeating with a short period: the bytes from
        // match to op + written repeat with period offset, so while written is a multiple of the
        // offset they can be copied whole, doubling each step, with source and target disjoint.
        var written = 0;
        var chunk = offset;
        while (written < length)
        {
            var n = Math.Min(chunk, length - written);
            Buffer.MemoryCopy(match, op + written, n, n);
            written += n;
            chunk = offset + written;
        }
    }
}
