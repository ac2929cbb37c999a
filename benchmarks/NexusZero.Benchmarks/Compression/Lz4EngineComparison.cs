using System.Diagnostics;
using K4os.Compression.LZ4;
using NexusZero.Compression;

namespace NexusZero.Benchmarks.Compression;

/// <summary>
/// Issue #13: the hand-written LZ4 block compressors against K4os.Compression.LZ4 on the same three corpora,
/// in one run (benchmarks/scripts/compare-lz4-engines.sh). Each corpus is cut into independent blocks
/// (64 KB, the envelope's default, and 1 MB, one block per corpus as lz4 -b1 compresses it); for each
/// operation the two engines run in alternating rounds and the fastest round of each is kept, so load
/// changes on a shared machine hit both alike. Prints MB/s and the K4os / hand-written ratio. The
/// decoder comparison ran at commit 23781a9, before K4os became the decoder (docs/benchmarks.md).
/// </summary>
public static class Lz4EngineComparison
{
    /// <summary>Runs the comparison; <paramref name="rounds"/> alternating rounds per engine and operation.</summary>
    public static void Run(int rounds)
    {
        Console.WriteLine($"{"corpus",-7} {"block",6} {"op",-9} {"ours MB/s",10} {"K4os MB/s",10} {"K4os/ours",9} {"ours size",10} {"K4os size",10}");
        foreach (var corpus in CompressionCorpus.Names)
        {
            var input = CompressionCorpus.Create(corpus);
            foreach (var blockBytes in new[] { 64 * 1024, 1 << 20 })
            {
                var blocks = Cut(input, blockBytes);
                var target = new byte[LZ4Codec.MaximumOutputSize(blockBytes)];
                Console.WriteLine($"{corpus,-7} {blockBytes / 1024,5}K same bytes: fast {SameBytes(blocks, LZ4Level.L00_FAST)}, high {SameBytes(blocks, LZ4Level.L09_HC)}");
                foreach (var (op, ours, theirs) in Operations(blocks, target))
                {
                    // Each timed sample repeats the operation for at least 20 ms, well above timer and scheduler noise.
                    var repeat = Calibrate(ours);
                    var best = new[] { double.MaxValue, double.MaxValue };
                    var sizes = new long[2];
                    for (var round = 0; round < rounds; round++)
                    {
                        for (var turn = 0; turn < 2; turn++)
                        {
                            // Alternate which engine goes first, so neither always finds the caches warm.
                            var engine = turn ^ (round & 1);
                            var run = engine == 0 ? ours : theirs;
                            var watch = Stopwatch.StartNew();
                            for (var i = 0; i < repeat; i++)
                            {
                                sizes[engine] = run();
                            }

                            best[engine] = Math.Min(best[engine], watch.Elapsed.TotalSeconds / repeat);
                        }
                    }

                    var mb = input.Length / 1e6;
                    Console.WriteLine($"{corpus,-7} {blockBytes / 1024,5}K {op,-9} {mb / best[0],10:F1} {mb / best[1],10:F1} {best[0] / best[1],9:F2} {sizes[0],10} {sizes[1],10}");
                }
            }
        }
    }

    // Whether K4os at this level writes exactly the blocks the hand-written compressor writes: what the
    // envelope's canonical re-compression check would need from a swap.
    private static bool SameBytes(byte[][] blocks, LZ4Level level)
    {
        foreach (var block in blocks)
        {
            var ours = new byte[LZ4Codec.MaximumOutputSize(block.Length)];
            var theirs = new byte[ours.Length];
            var n = level == LZ4Level.L00_FAST ? Lz4FastCompressor.Compress(block, 0, ours) : Lz4HighCompressor.Compress(block, 0, ours);
            var m = LZ4Codec.Encode(block, theirs, level);
            if (!ours.AsSpan(0, n).SequenceEqual(theirs.AsSpan(0, m)))
            {
                return false;
            }
        }

        return true;
    }

    private static int Calibrate(Func<long> run)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        while (watch.ElapsedMilliseconds < 20)
        {
            run();
            count++;
        }

        return count;
    }

    private static byte[][] Cut(byte[] input, int blockBytes) =>
        Enumerable.Range(0, (input.Length + blockBytes - 1) / blockBytes)
            .Select(i => input.AsSpan(i * blockBytes, Math.Min(blockBytes, input.Length - (i * blockBytes))).ToArray())
            .ToArray();

    private static IEnumerable<(string Op, Func<long> Ours, Func<long> Theirs)> Operations(byte[][] blocks, byte[] target)
    {
        yield return ("fast", () => Each(blocks, b => Lz4FastCompressor.Compress(b, 0, target)), () => Each(blocks, b => LZ4Codec.Encode(b, target, LZ4Level.L00_FAST)));
        yield return ("high", () => Each(blocks, b => Lz4HighCompressor.Compress(b, 0, target)), () => Each(blocks, b => LZ4Codec.Encode(b, target, LZ4Level.L09_HC)));
    }

    private static long Each(byte[][] blocks, Func<byte[], int> run)
    {
        long total = 0;
        foreach (var block in blocks)
        {
            var n = run(block);
            if (n < 0)
            {
                throw new InvalidOperationException("An engine failed on a corpus block.");
            }

            total += n;
        }

        return total;
    }
}
