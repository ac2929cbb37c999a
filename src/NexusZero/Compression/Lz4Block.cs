using System.Numerics;
using System.Runtime.CompilerServices;

namespace NexusZero.Compression;

/// <summary>
/// Constants and primitives of the LZ4 block format shared by the compressors and the decoder
/// (lz4_Block_format.md: sequences of token, literals, 2-byte offset, match length).
/// </summary>
internal static unsafe class Lz4Block
{
    /// <summary>The shortest match the format can express.</summary>
    public const int MinMatch = 4;

    /// <summary>The last 5 bytes of a block are always literals.</summary>
    public const int LastLiterals = 5;

    /// <summary>The last match must start at least 12 bytes before the end of the block.</summary>
    public const int MatchFindLimit = 12;

    /// <summary>The largest offset a 2-byte little-endian offset field holds.</summary>
    public const int MaxDistance = 65535;

    /// <summary>
    /// How much earlier data a linked block may refer to. Both the one-shot and the streaming encoder
    /// hand the compressor exactly this much history, which keeps their output identical.
    /// </summary>
    public const int HistoryLength = 65536;

    /// <summary>Worst-case compressed size of one block (lz4's LZ4_compressBound rule).</summary>
    public static int MaxCompressedLength(int inputLength) => inputLength + (inputLength / 255) + 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Read32(byte* p) => Unsafe.ReadUnaligned<uint>(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read64(byte* p) => Unsafe.ReadUnaligned<ulong>(p);

    /// <summary>How many bytes at <paramref name="p"/> equal those at <paramref name="match"/>, stopping at <paramref name="limit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountMatch(byte* p, byte* match, byte* limit)
    {
        var start = p;
        while (p + 8 <= limit)
        {
            var diff = Read64(p) ^ Read64(match);
            if (diff != 0)
            {
                // Little-endian: the lowest differing byte is the first mismatch.
                return (int)(p - start) + (BitOperations.TrailingZeroCount(diff) >> 3);
            }

            p += 8;
            match += 8;
        }

        while (p < limit && *p == *match)
        {
            p++;
            match++;
        }

        return (int)(p - start);
    }

    /// <summary>Writes a token-extension length (a run of 255s and a final byte below 255).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* WriteLengthExtension(byte* op, int remaining)
    {
        while (remaining >= 255)
        {
            *op++ = 255;
            remaining -= 255;
        }

        *op++ = (byte)remaining;
        return op;
    }

    /// <summary>Emits the final literals-only sequence.</summary>
    public static byte* WriteLastLiterals(byte* op, byte* anchor, byte* end)
    {
        var length = (int)(end - anchor);
        if (length >= 15)
        {
            *op++ = 15 << 4;
            op = WriteLengthExtension(op, length - 15);
        }
        else
        {
            *op++ = (byte)(length << 4);
        }

        Buffer.MemoryCopy(anchor, op, length, length);
        return op + length;
    }

    /// <summary>Emits one sequence: literals from <paramref name="anchor"/> to <paramref name="ip"/>, then a match.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* WriteSequence(byte* op, byte* anchor, byte* ip, int offset, int matchLength)
    {
        var literalLength = (int)(ip - anchor);
        var token = op++;
        int tokenValue;
        if (literalLength >= 15)
        {
            tokenValue = 15 << 4;
            op = WriteLengthExtension(op, literalLength - 15);
        }
        else
        {
            tokenValue = literalLength << 4;
        }

        // A short run is copied as one 8-byte word. The read stays inside the input because a match
        // starts at least 12 bytes before its end; the write stays inside the output because at
        // least 8 more bytes (offset, last token, 5 last literals) always follow these literals.
        if (literalLength <= 8)
        {
            Unsafe.CopyBlockUnaligned(op, anchor, 8);
        }
        else
        {
            Buffer.MemoryCopy(anchor, op, literalLength, literalLength);
        }

        op += literalLength;
        *op++ = (byte)offset;
        *op++ = (byte)(offset >> 8);

        var extra = matchLength - MinMatch;
        if (extra >= 15)
        {
            tokenValue |= 15;
            op = WriteLengthExtension(op, extra - 15);
        }
        else
        {
            tokenValue |= extra;
        }

        *token = (byte)tokenValue;
        return op;
    }
}
