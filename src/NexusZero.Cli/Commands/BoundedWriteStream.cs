namespace NexusZero.Cli.Commands;

/// <summary>
/// Writes through to another stream and refuses the write that would take the total past a limit, so a
/// decompression bomb stops at the limit instead of filling the disk.
/// </summary>
internal sealed class BoundedWriteStream(Stream inner, long maxBytes, string what) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length > maxBytes - _written)
        {
            throw new FormatException($"{what} is longer than the limit of {maxBytes} bytes.");
        }

        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
