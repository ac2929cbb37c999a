using System.Runtime.CompilerServices;

namespace NexusZero.Compression;

/// <summary>
/// The fast LZ4 block compressor: one hash-table probe per position, greedy matching and an
/// accelerating skip over incompressible stretches, the strategy of lz4's default level.
/// Deterministic: the output depends only on the buffer and the block start.
/// </summary>
internal static unsafe class Lz4FastCompressor
{
    // Small blocks without history use a 13-bit table over 4-byte hashes; larger inputs a 12-bit
    // table over 5-byte hashes, matching lz4's own table sizing so the ratios compare like for like.
    private const int SmallHashLog = 13;
    private const int LargeHashLog = 12;
    private const int SmallInputLimit = 65536 + Lz4Block.MatchFindLimit - 1;
    private const int SkipTrigger = 6;

    /// <summary>
    /// Compresses <c>buffer[start..]</c> into <paramref name="destination"/>; <c>buffer[..start]</c>
    /// (at most <see cref="Lz4Block.HistoryLength"/> bytes) is earlier data that matches may refer to.
    /// </summary>
    /// <param name="buffer">History followed by the block.</param>
    /// <param name="start">Where the block begins.</param>
    /// <param name="destination">At least the block bound long.</param>
    /// <param name="giveUpAt">
    /// A length at which the caller stores the block raw instead; once the output is certain to
    /// reach it, compression stops (skipping the copy of the remaining literals) and returns -1.
    /// Whenever the result is not -1 it and the bytes written are exactly those without a limit.
    /// </param>
    /// <returns>The compressed length, or -1 when it would be at least <paramref name="giveUpAt"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is smaller than the block bound.</exception>
    public static int Compress(ReadOnlySpan<byte> buffer, int start, Span<byte> destination, int giveUpAt = int.MaxValue)
    {
        var length = buffer.Length - start;
        if (destination.Length < Lz4Block.MaxCompressedLength(length))
        {
            throw new ArgumentException("Destination is smaller than the LZ4 block bound.", nameof(destination));
        }

        var small = start == 0 && length < SmallInputLimit;
        var hashLog = small ? SmallHashLog : LargeHashLog;
        Span<int> table = stackalloc int[1 << hashLog];
        table.Clear();
        fixed (byte* b = buffer)
        fixed (byte* d = destination)
        fixed (int* t = table)
        {
            var end = small
                ? Run<Hash4>(b, start, buffer.Length, d, t, giveUpAt)
                : Run<Hash5>(b, start, buffer.Length, d, t, giveUpAt);
            return end == null ? -1 : (int)(end - d);
        }
    }

    // Returns the output end, or null once the output is certain to reach giveUpAt bytes.
    private static byte* Run<THash>(byte* b, int start, int end, byte* d, int* table, long giveUpAt)
        where THash : struct, IPositionHash
    {
        var ip = b + start;
        var anchor = ip;
        var iend = b + end;
        var op = d;
        if (end - start < Lz4Block.MatchFindLimit + 1)
        {
            return Finish(d, op, anchor, iend, giveUpAt);
        }

        var mflimit = iend - Lz4Block.MatchFindLimit;
        var matchLimit = iend - Lz4Block.LastLiterals;
        var lowest = b;

        // Linked blocks: index the history so the first matches can reach into it. The 5-byte hash
        // reads 8 bytes, which the current block (at least 13 bytes) keeps in bounds.
        for (var h = b; h < b + start; h++)
        {
            table[THash.Of(h)] = (int)(h - b);
        }

        table[THash.Of(ip)] = (int)(ip - b);
        ip++;
        var forwardHash = THash.Of(ip);

        while (true)
        {
            byte* match;
            var forwardIp = ip;
            var step = 1;
            var searchBudget = 1 << SkipTrigger;
            do
            {
                var h = forwardHash;
                ip = forwardIp;
                forwardIp += step;
                step = searchBudget++ >> SkipTrigger;
                if (forwardIp > mflimit)
                {
                    return Finish(d, op, anchor, iend, giveUpAt);
                }

                match = b + table[h];
                forwardHash = THash.Of(forwardIp);
                table[h] = (int)(ip - b);
            }
            while (match + Lz4Block.MaxDistance < ip || Lz4Block.Read32(match) != Lz4Block.Read32(ip));

            // Extend the match backwards over literals that also match.
            while (ip > anchor && match > lowest && ip[-1] == match[-1])
            {
                ip--;
                match--;
            }

            // This sequence alone adds its literals, an offset and a token, and the last literals
            // (at least 5 bytes and a token) follow: past the limit, no need to copy the literals.
            if ((op - d) + (ip - anchor) + 3 >= giveUpAt)
            {
                return null;
            }

            while (true)
            {
                var matchLength = Lz4Block.MinMatch + Lz4Block.CountMatch(ip + Lz4Block.MinMatch, match + Lz4Block.MinMatch, matchLimit);
                op = Lz4Block.WriteSequence(op, anchor, ip, (int)(ip - match), matchLength);
                ip += matchLength;
                anchor = ip;
                if (ip > mflimit)
                {
                    return Finish(d, op, anchor, iend, giveUpAt);
                }

                table[THash.Of(ip - 2)] = (int)(ip - 2 - b);

                // A match often follows a match directly: test the current position before skipping.
                var h = THash.Of(ip);
                match = b + table[h];
                table[h] = (int)(ip - b);
                if (match + Lz4Block.MaxDistance >= ip && Lz4Block.Read32(match) == Lz4Block.Read32(ip))
                {
                    continue;
                }

                break;
            }

            ip++;
            forwardHash = THash.Of(ip);
        }
    }

    // Incompressible input ends in one long literal run; when it cannot beat the limit its copy is skipped.
    private static byte* Finish(byte* d, byte* op, byte* anchor, byte* iend, long giveUpAt)
    {
        var literals = iend - anchor;
        var tokenAndExtension = literals >= 15 ? 2 + ((literals - 15) / 255) : 1;
        return (op - d) + tokenAndExtension + literals >= giveUpAt ? null : Lz4Block.WriteLastLiterals(op, anchor, iend);
    }

    /// <summary>A hash of the bytes at a position; a type parameter so each variant gets its own compiled loop.</summary>
    private interface IPositionHash
    {
        static abstract int Of(byte* p);
    }

    /// <summary>4 bytes into a 13-bit table.</summary>
    private readonly struct Hash4 : IPositionHash
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Of(byte* p) => (int)((Lz4Block.Read32(p) * 2654435761U) >> (32 - SmallHashLog));
    }

    /// <summary>5 bytes (read as 8) into a 12-bit table.</summary>
    private readonly struct Hash5 : IPositionHash
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Of(byte* p) => (int)(((Lz4Block.Read64(p) << 24) * 889523592379UL) >> (64 - LargeHashLog));
    }
}
