namespace NexusZero.Cli.Commands;

/// <summary>
/// Reads through to another stream and fails once more than a limit has come out of it, so an endless
/// input (<c>/dev/zero</c>, a pipe that never closes) ends with one clear error instead of running forever.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long maxBytes, string what) : Stream
{
    /// <summary>The bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for at most one byte past the limit: enough to prove the input is too long.
        var wanted = (int)Math.Min(buffer.Length, maxBytes + 1 - BytesRead);
        var read = inner.Read(buffer[..wanted]);
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new FormatException($"{what} is longer than the limit of {maxBytes} bytes.");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
