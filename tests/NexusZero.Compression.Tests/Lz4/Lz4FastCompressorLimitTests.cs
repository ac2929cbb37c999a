using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Lz4;

/// <summary>
/// The give-up limit only saves work: below it the fast compressor's bytes are exactly those of an
/// unlimited run, and it gives up only when the unlimited output would reach the limit.
/// </summary>
public sealed class Lz4FastCompressorLimitTests
{
    public static TheoryData<string, int> Inputs => new()
    {
        { "random", 0 }, { "random", 1 }, { "random", 13 }, { "random", 5000 }, { "random", 70_000 },
        { "text", 20 }, { "text", 3000 }, { "text", 70_000 },
        { "mixed", 40_000 }, { "mixed", 150_000 },
        { "repetitive", 100 }, { "repetitive", 70_000 },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void LimitChangesNothingButWhetherItGivesUp(string kind, int length)
    {
        var input = kind switch
        {
            "random" => TestInputs.Random(length, length + 1),
            "text" => TestInputs.TextLike(length, 7),
            "mixed" => TestInputs.Mixed(length, 3),
            _ => TestInputs.Repetitive(length),
        };
        foreach (var start in new[] { 0, Math.Min(length, 9000) })
        {
            var bound = Lz4Block.MaxCompressedLength(length - start);
            var unlimited = new byte[bound];
            var full = Lz4FastCompressor.Compress(input, start, unlimited);
            foreach (var limit in new[] { 0, 1, full - 1, full, full + 1, length - start, bound + 1 })
            {
                var limited = new byte[bound];
                var result = Lz4FastCompressor.Compress(input, start, limited, limit);
                if (full >= limit)
                {
                    Assert.Equal(-1, result);
                }
                else
                {
                    Assert.Equal(full, result);
                    Assert.Equal(unlimited.AsSpan(0, full).ToArray(), limited.AsSpan(0, full).ToArray());
                }
            }
        }
    }
}
