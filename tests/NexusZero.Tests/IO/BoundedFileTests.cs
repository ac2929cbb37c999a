using NexusZero.IO;
using Xunit;

namespace NexusZero.Tests.IO;

public sealed class BoundedFileTests
{
    [Fact]
    public void Reads_a_regular_file_at_the_limit()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[1000]);
            Assert.Equal(1000, BoundedFile.ReadAllBytes(path, 1000, "test file").Length);
            var error = Assert.Throws<FormatException>(() => BoundedFile.ReadAllBytes(path, 999, "test file"));
            Assert.Contains("Test file", error.Message);
            Assert.Contains("999", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Stops_at_the_limit_on_an_endless_special_file()
    {
        // /dev/zero reports length 0 and never ends: a length check followed by ReadAllBytes grows without bound.
        Assert.True(File.Exists("/dev/zero"), "this test needs /dev/zero (Linux)");
        var error = Assert.Throws<FormatException>(() => BoundedFile.ReadAllBytes("/dev/zero", 1 << 20, "key file"));
        Assert.Contains("/dev/zero", error.Message);
    }

    [Fact]
    public void Stops_at_the_limit_on_an_endless_stream()
    {
        using var endless = new EndlessStream();
        Assert.Throws<FormatException>(() => BoundedFile.ReadAllBytes(endless, 100_000, "input"));
        Assert.True(endless.BytesServed <= 100_001 + 64 * 1024);
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BoundedFile.ReadAllBytes("/nonexistent/x.json", 10, "model file"));
        Assert.Contains("Model file '/nonexistent/x.json'", error.Message);
    }

    [Fact]
    public void Text_must_be_utf8()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, (byte)'o', (byte)'k']);
            Assert.Equal("ok", BoundedFile.ReadAllText(path, 100, "csv file"));
            File.WriteAllBytes(path, [(byte)'o', 0xFF]);
            Assert.Throws<FormatException>(() => BoundedFile.ReadAllText(path, 100, "csv file"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesServed { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(7);
            BytesServed += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
