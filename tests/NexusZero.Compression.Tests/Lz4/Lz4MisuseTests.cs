using NexusZero.Compression.Tests.Support;

namespace NexusZero.Compression.Tests.Lz4;

public sealed class Lz4MisuseTests
{
    [Fact]
    public void UndefinedOptionsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lz4Codec(Lz4FrameOptions.Default with { BlockMaxSize = (Lz4BlockMaxSize)3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lz4Codec(Lz4FrameOptions.Default with { Level = (Lz4CompressionLevel)5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lz4Codec.Fast.GetMaxCompressedLength(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lz4Codec.Fast.GetMaxCompressedLength(int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lz4Codec.Fast.Decompress([1], -1));
    }

    [Fact]
    public void WriterStreamHoldsTheCallerToTheDeclaredLength()
    {
        Assert.Throws<ArgumentException>(() => new Lz4FrameWriterStream(new MemoryStream()));

        var tooMuch = new Lz4FrameWriterStream(new MemoryStream(), contentLength: 3);
        Assert.Throws<InvalidOperationException>(() => tooMuch.Write([1, 2, 3, 4]));

        var tooLittle = new Lz4FrameWriterStream(new MemoryStream(), contentLength: 3);
        tooLittle.Write([1, 2]);
        Assert.Throws<InvalidOperationException>(tooLittle.Dispose);
    }

    [Fact]
    public void WriterStreamWithoutContentSizeNeedsNoLength()
    {
        var options = Lz4FrameOptions.Default with { ContentSize = false };
        var input = TestInputs.TextLike(100_000, 41);
        using var output = new MemoryStream();
        using (var writer = new Lz4FrameWriterStream(output, options, leaveOpen: true))
        {
            foreach (var b in input.AsSpan(0, 100).ToArray())
            {
                writer.WriteByte(b);
            }

            writer.Write(input, 100, input.Length - 100);
            writer.Flush();
        }

        Assert.Equal(new Lz4Codec(options).Compress(input), output.ToArray());
    }

    [Fact]
    public void StreamsRefuseTheWrongDirection()
    {
        using var writer = new Lz4FrameWriterStream(new MemoryStream(), contentLength: 0);
        Assert.False(writer.CanRead);
        Assert.Throws<NotSupportedException>(() => writer.Read(new byte[1], 0, 1));

        using var reader = new Lz4FrameReaderStream(new MemoryStream(Lz4Codec.Fast.Compress([1, 2, 3])));
        Assert.False(reader.CanWrite);
        Assert.Throws<NotSupportedException>(() => reader.Write([1], 0, 1));
        Assert.Equal(0, reader.Read(Span<byte>.Empty));
    }
}
