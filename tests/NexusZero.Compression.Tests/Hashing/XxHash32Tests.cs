using System.IO.Hashing;
using System.Text;
using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Hashing;

/// <summary>
/// The LZ4 frame checksum comes from System.IO.Hashing; these pin that package to the published vectors
/// and to the reference xxhsum tool, so a regression there fails here rather than corrupting frames.
/// </summary>
public sealed class XxHash32Tests
{
    // Published xxHash32 values (xxHash reference test suite and the xxhsum tool).
    public static TheoryData<string, uint, uint> Vectors => new()
    {
        { "", 0u, 0x02CC5D05u },
        { "", 0x9E3779B1u, 0x36B78AE7u },
        { "a", 0u, 0x550D7456u },
        { "abc", 0u, 0x32D153FFu },
        { "Nobody inspects the spammish repetition", 0u, 0xE2293B2Fu },
        { "The quick brown fox jumps over the lazy dog", 0u, 0xE85EA4DEu },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void MatchesPublishedVectors(string text, uint seed, uint expected)
    {
        var data = Encoding.ASCII.GetBytes(text);
        Assert.Equal(expected, XxHash32.HashToUInt32(data, unchecked((int)seed)));

        var incremental = new XxHash32(unchecked((int)seed));
        incremental.Append(data);
        Assert.Equal(expected, incremental.GetCurrentHashAsUInt32());
    }

    [Fact]
    public void IncrementalEqualsOneShotForEverySplit()
    {
        var data = TestInputs.Random(100, 7);
        for (var length = 0; length <= data.Length; length++)
        {
            var expected = XxHash32.HashToUInt32(data.AsSpan(0, length));
            for (var split = 0; split <= length; split += 3)
            {
                var hash = new XxHash32();
                hash.Append(data.AsSpan(0, split));
                hash.Append(data.AsSpan(split, length - split));
                Assert.Equal(expected, hash.GetCurrentHashAsUInt32());
            }
        }
    }

    [Fact]
    public void MatchesXxhsumOnEveryLengthShape()
    {
        // Lengths around the 16-byte stripe and 4-byte lane boundaries, plus a large one.
        int[] lengths = [0, 1, 3, 4, 5, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1000, 65537, 1 << 20];
        using var directory = new TempDirectory();
        foreach (var length in lengths)
        {
            var data = TestInputs.Random(length, length + 1);
            var path = directory.File($"x{length}.bin");
            File.WriteAllBytes(path, data);
            var result = ExternalTool.Run("xxhsum", ["-H0", path]);
            Assert.Equal(0, result.ExitCode);
            var reported = Convert.ToUInt32(result.StandardOutput.Split(' ', 2)[0], 16);
            Assert.Equal(reported, XxHash32.HashToUInt32(data));
        }
    }
}
