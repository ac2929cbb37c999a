namespace NexusZero.Compression;

/// <summary>
/// The high-compression LZ4 block compressor: hash chains over the 64 KB window searched up to a
/// fixed depth, with one step of lazy evaluation (a longer match one byte later wins). Slower than
/// <see cref="Lz4FastCompressor"/>, same format, same decoder speed. Deterministic.
/// </summary>
internal static unsafe class Lz4HighCompressor
{
    private const int HashLog = 15;
    private const int ChainSize = 1 << 16;

    /// <summary>Candidates examined per position; lz4's level 9 examines 256.</summary>
    public const int SearchDepth = 256;

    [ThreadStatic]
    private static int[]? s_head;

    [ThreadStatic]
    private static ushort[]? s_chain;

    /// <summary>As <see cref="Lz4FastCompressor.Compress"/>, with a deeper match search.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is smaller than the block bound.</exception>
    public static int Compress(ReadOnlySpan<byte> buffer, int start, Span<byte> destination)
    {
        var length = buffer.Length - start;
        if (destination.Length < Lz4Block.MaxCompressedLength(length))
        {
            throw new ArgumentException("Destination is smaller than the LZ4 block bound.", nameof(destination));
        }

        var head = s_head ??= new int[1 << HashLog];
        var chain = s_chain ??= new ushort[ChainSize];
        head.AsSpan().Fill(-1);
        fixed (byte* b = buffer)
        fixed (byte* d = destination)
        fixed (int* h = head)
        fixed (ushort* c = chain)
        {
            var state = new Matcher(b, h, c);
            return (int)(Run(ref state, start, buffer.Length, d) - d);
        }
    }

    private static byte* Run(ref Matcher m, int start, int end, byte* d)
    {
        var b = m.Buffer;
        var ip = b + start;
        var anchor = ip;
        var iend = b + end;
        var op = d;
        if (end - start < Lz4Block.MatchFindLimit + 1)
        {
            return Lz4Block.WriteLastLiterals(op, anchor, iend);
        }

        var mflimit = iend - Lz4Block.MatchFindLimit;
        var matchLimit = iend - Lz4Block.LastLiterals;
        while (ip <= mflimit)
        {
            var length = m.FindLongest(ip, matchLimit, out var match);
            if (length < Lz4Block.MinMatch)
            {
                ip++;
                continue;
            }

            // Lazy step: prefer a strictly longer match starting one byte later.
            while (ip + 1 <= mflimit)
            {
                var nextLength = m.FindLongest(ip + 1, matchLimit, out var nextMatch);
                if (nextLength <= length)
                {
                    break;
                }

                ip++;
                length = nextLength;
                match = nextMatch;
            }

            op = Lz4Block.WriteSequence(op, anchor, ip, (int)(ip - match), length);
            ip += length;
            anchor = ip;
        }

        return Lz4Block.WriteLastLiterals(op, anchor, iend);
    }

    /// <summary>Hash heads and 16-bit chain links over the buffer, filled up to the searched position.</summary>
    private ref struct Matcher
    {
        public readonly byte* Buffer;
        private readonly int* _head;
        private readonly ushort* _chain;
        private int _nextToInsert;

        public Matcher(byte* buffer, int* head, ushort* chain)
        {
            Buffer = buffer;
            _head = head;
            _chain = chain;
            _nextToInsert = 0;
        }

        private static int Hash(byte* p) => (int)((Lz4Block.Read32(p) * 2654435761U) >> (32 - HashLog));

        public int FindLongest(byte* ip, byte* matchLimit, out byte* bestMatch)
        {
            var position = (int)(ip - Buffer);
            while (_nextToInsert < position)
            {
                Insert(_nextToInsert++);
            }

            var best = 0;
            bestMatch = null;
            var candidate = _head[Hash(ip)];
            var sequence = Lz4Block.Read32(ip);
            for (var attempts = SearchDepth; attempts > 0 && candidate >= 0 && position - candidate <= Lz4Block.MaxDistance; attempts--)
            {
                var c = Buffer + candidate;

                // Checking the byte that would make the match longer first rejects most candidates cheaply.
                if (c[best] == ip[best] && Lz4Block.Read32(c) == sequence)
                {
                    var length = Lz4Block.MinMatch + Lz4Block.CountMatch(ip + Lz4Block.MinMatch, c + Lz4Block.MinMatch, matchLimit);
                    if (length > best)
                    {
                        best = length;
                        bestMatch = c;
                    }
                }

                var link = _chain[candidate & (ChainSize - 1)];
                if (link == 0)
                {
                    break;
                }

                candidate -= link;
            }

            return best;
        }

        private void Insert(int position)
        {
            var h = Hash(Buffer + position);
            var previous = _head[h];
            var distance = previous < 0 ? 0 : position - previous;

            // A zero link ends the chain; distances beyond the window end it too.
            _chain[position & (ChainSize - 1)] = distance > Lz4Block.MaxDistance ? (ushort)0 : (ushort)distance;
            _head[h] = position;
        }
    }
}
