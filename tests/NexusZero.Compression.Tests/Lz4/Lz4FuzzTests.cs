using System.Diagnostics;
using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Lz4;

/// <summary>
/// Seeded mutation fuzzing: every mutated or truncated frame either decodes to the original content
/// (all seeds use content checksums, so a silent change is caught) or raises FormatException.
/// </summary>
public sealed class Lz4FuzzTests
{
    private const int MutationsPerFrame = 1500;

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6, 7, 8 };

    private static (byte[] Content, byte[] Frame) Sample(int seed)
    {
        var random = new Random(seed);
        var content = (seed % 4) switch
        {
            0 => TestInputs.TextLike(random.Next(1, 20_000), seed),
            1 => TestInputs.Mixed(random.Next(1, 150_000), seed),
            2 => TestInputs.Repetitive(random.Next(1, 70_000)),
            _ => TestInputs.Random(random.Next(1, 3_000), seed),
        };
        var options = new Lz4FrameOptions
        {
            Level = (seed & 1) == 0 ? Lz4CompressionLevel.Fast : Lz4CompressionLevel.High,
            LinkedBlocks = (seed & 2) != 0,
            BlockChecksum = (seed & 4) != 0,
            ContentSize = seed % 3 != 0,
            ContentChecksum = true,
        };
        var frame = new Lz4Codec(options).Compress(content);
        if (seed % 5 == 0)
        {
            frame = [0x5E, 0x2A, 0x4D, 0x18, 2, 0, 0, 0, 9, 9, .. frame];
        }

        return (content, frame);
    }

    private static byte[] Mutate(byte[] frame, Random random)
    {
        var bytes = new List<byte>(frame);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes[at] = random.Next(2) == 0 ? (byte)0xFF : (byte)0x00;
                    break;
                case 3:
                    bytes.RemoveAt(at);
                    break;
                case 4:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 5:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    // Lengths live in the first bytes of headers: hit them harder.
                    var header = random.Next(Math.Min(bytes.Count, 32));
                    bytes[header] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedFramesDecodeCorrectlyOrThrowFormatException(int seed)
    {
        var (content, frame) = Sample(seed);
        var random = new Random(seed * 7919);
        var destination = new byte[content.Length + 1024];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < MutationsPerFrame; i++)
        {
            var mutated = Mutate(frame, random);
            Check(mutated, content, () => Lz4Codec.Fast.Decompress(mutated, 1 << 20));
            Check(mutated, content, () => Lz4Codec.Fast.TryDecompress(mutated, destination, out var n) ? destination[..n] : content);
            Check(mutated, content, () =>
            {
                using var reader = new Lz4FrameReaderStream(new MemoryStream(mutated), maxOutputLength: 1 << 20);
                using var output = new MemoryStream();
                reader.CopyTo(output);
                return output.ToArray();
            });
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"fuzzing took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryTruncationIsRejected(int seed)
    {
        var (content, frame) = Sample(seed);
        var step = Math.Max(1, frame.Length / 600);
        for (var length = 0; length < frame.Length; length += (length < 64 ? 1 : step))
        {
            var cut = frame[..length];
            if (seed % 5 == 0 && length == 10)
            {
                // Only the leading skippable frame: a complete, empty stream.
                Assert.Empty(Lz4Codec.Fast.Decompress(cut, 1 << 20));
                continue;
            }

            Assert.Throws<FormatException>(() => Lz4Codec.Fast.Decompress(cut, 1 << 20));
            using var reader = new Lz4FrameReaderStream(new MemoryStream(cut));
            Assert.Throws<FormatException>(() => reader.CopyTo(Stream.Null));
        }

        Assert.Equal(content, Lz4Codec.Fast.Decompress(frame, 1 << 20));
    }

    [Fact]
    public void RandomBlocksNeverWriteOutsideTheOutput()
    {
        // Guard bytes around the output slice catch any write past either end.
        var random = new Random(42);
        var arena = new byte[4096 + 64];
        for (var i = 0; i < 20_000; i++)
        {
            var source = new byte[random.Next(1, 64)];
            random.NextBytes(source);
            if (random.Next(2) == 0)
            {
                source[0] = (byte)(source[0] & 0x3F);
            }

            var length = random.Next(0, 4096);
            var start = random.Next(0, length + 1);
            arena.AsSpan().Fill(0xA5);
            var output = arena.AsSpan(32, length);
            try
            {
                if (Lz4BlockDecoder.TryDecode(source, output, start, random.Next(0, start + 1), out var end))
                {
                    Assert.InRange(end, start, length);
                }
            }
            catch (FormatException)
            {
            }

            Assert.All(arena[..32], b => Assert.Equal(0xA5, b));
            Assert.All(arena[(32 + length)..], b => Assert.Equal(0xA5, b));
        }
    }

    private static void Check(byte[] mutated, byte[] content, Func<byte[]> decode)
    {
        byte[] output;
        try
        {
            output = decode();
        }
        catch (FormatException)
        {
            return;
        }

        Assert.True(content.AsSpan().SequenceEqual(output), $"mutated frame ({Convert.ToHexString(mutated.AsSpan(0, Math.Min(mutated.Length, 24)))}...) decoded to different content");
    }
}
