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
                int offset;
                var literalCode = token >> 4;

                // Shortcut for the common sequence (fewer than 15 literals) far from both ends. With at
                // least 18 input bytes left, the 16-byte literal read stays in the input and the
                // literals (at most 14) are followed by a whole offset inside it, so this is never the
                // block's last sequence. With at least 32 output bytes left, the 16-byte literal write
                // and an 18-byte match write starting at most 14 bytes further stay in the output.
                // Every check below is one the general path makes too, so a block is accepted or
                // rejected alike whichever path reads it.
                if (literalCode != 15 && iend - ip >= 18 && oend - op >= 32)
                {
                    Unsafe.CopyBlockUnaligned(op, ip, 16);
                    ip += literalCode;
                    op += literalCode;
                    offset = ip[0] | (ip[1] << 8);
                    ip += 2;

                    // A short match (at most 18 bytes) whose offset is at least 8 and which lies inside
                    // the window: three chunks of 8, 8 and 2 bytes each read only bytes already written
                    // (the offset is at least the chunk size) and stay inside the 32 output bytes above.
                    if ((token & 15) != 15 && offset >= 8 && offset <= op - lowest)
                    {
                        var match = op - offset;
                        Unsafe.WriteUnaligned(op, Unsafe.ReadUnaligned<ulong>(match));
                        Unsafe.WriteUnaligned(op + 8, Unsafe.ReadUnaligned<ulong>(match + 8));
                        Unsafe.WriteUnaligned(op + 16, Unsafe.ReadUnaligned<ushort>(match + 16));
                        op += (token & 15) + Lz4Block.MinMatch;
                        continue;
                    }
                }
                else
                {
                    long literalLength = literalCode;
                    if (literalLength == 15)
                    {
                        literalLength += ReadLengthExtension(ref ip, iend, "literal");
                    }

                    if (literalLength > iend - ip)
                    {
                        throw LiteralPastInput(literalLength);
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
                    else if (iend - ip >= literals + 32 && oend - op >= literals + 32)
                    {
                        // Longer runs in 32-byte chunks: the last chunk overshoots the run by less
                        // than 32 bytes, which the test above proves lies inside both buffers.
                        var from = ip;
                        var to = op;
                        var stop = op + literals;
                        do
                        {
                            Unsafe.CopyBlockUnaligned(to, from, 32);
                            to += 32;
                            from += 32;
                        }
                        while (to < stop);
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

                    offset = ip[0] | (ip[1] << 8);
                    ip += 2;
                }

                if (offset == 0)
                {
                    throw new FormatException("LZ4 match offset is zero.");
                }

                if (offset > op - lowest)
                {
                    throw OffsetBeforeWindow(offset, op - lowest);
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

    // Exceptions are built out of line so the decoding loop carries no string formatting.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FormatException LiteralPastInput(long literalLength) =>
        new($"LZ4 literal length {literalLength} runs past the end of the input block.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FormatException OffsetBeforeWindow(int offset, long available) =>
        new($"LZ4 match offset {offset} points before the start of the output window ({available} bytes available).");

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
