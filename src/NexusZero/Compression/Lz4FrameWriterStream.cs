using System.IO.Hashing;

namespace NexusZero.Compression;

/// <summary>
/// A write-only stream that LZ4-frames what is written to it, holding at most one block (plus 64 KB
/// of history for linked blocks) in memory. The bytes equal those of <see cref="Lz4Codec.TryCompress"/>
/// with the same options. <see cref="Flush"/> does not cut a block short, so that equality holds;
/// the frame is completed on dispose.
/// </summary>
public sealed class Lz4FrameWriterStream : Stream
{
    private readonly Stream _inner;
    private readonly Lz4FrameOptions _options;
    private readonly long? _contentLength;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer;
    private readonly byte[] _output;
    private readonly XxHash32? _contentHash;
    private int _blockStart;
    private int _filled;
    private long _written;
    private bool _headerWritten;
    private bool _finished;

    /// <summary>Starts a frame over <paramref name="inner"/>.</summary>
    /// <param name="inner">Receives the frame.</param>
    /// <param name="options">Frame options; null means <see cref="Lz4FrameOptions.Default"/>.</param>
    /// <param name="contentLength">The exact number of bytes that will be written; required when the options carry the content size.</param>
    /// <param name="leaveOpen">Keep <paramref name="inner"/> open on dispose.</param>
    /// <exception cref="ArgumentException">The options carry the content size and no length was given, or the stream is not writable.</exception>
    public Lz4FrameWriterStream(Stream inner, Lz4FrameOptions? options = null, long? contentLength = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!inner.CanWrite)
        {
            throw new ArgumentException("The inner stream is not writable.", nameof(inner));
        }

        _options = options ?? Lz4FrameOptions.Default;
        if (_options.ContentSize && contentLength is null)
        {
            throw new ArgumentException("These options write the content size; pass contentLength.", nameof(contentLength));
        }

        if (contentLength is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(contentLength));
        }

        _inner = inner;
        _contentLength = contentLength;
        _leaveOpen = leaveOpen;
        _blockStart = 0;
        var history = _options.LinkedBlocks ? Lz4Block.HistoryLength : 0;
        _buffer = new byte[history + _options.BlockMaxBytes];
        _output = new byte[4 + Lz4Block.MaxCompressedLength(_options.BlockMaxBytes) + 4];
        _contentHash = _options.ContentChecksum ? new XxHash32() : null;
    }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => !_finished;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_contentLength is { } expected && _written + buffer.Length > expected)
        {
            throw new InvalidOperationException($"More than the declared {expected} bytes were written.");
        }

        _written += buffer.Length;
        _contentHash?.Append(buffer);
        var blockMax = _options.BlockMaxBytes;
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(blockMax - _filled, buffer.Length);
            buffer[..take].CopyTo(_buffer.AsSpan(_blockStart + _filled));
            _filled += take;
            buffer = buffer[take..];

            // A full block is emitted only once more input arrives, so the last block is never empty.
            if (_filled == blockMax && !buffer.IsEmpty)
            {
                EmitBlock();
            }
        }
    }

    /// <inheritdoc />
    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Flushes the inner stream; a partial block stays buffered (see the class remarks).</summary>
    public override void Flush() => _inner.Flush();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing && !_finished)
            {
                _finished = true;
                if (_contentLength is { } expected && _written != expected)
                {
                    throw new InvalidOperationException($"The frame declares {expected} bytes but {_written} were written.");
                }

                if (_filled > 0)
                {
                    EmitBlock();
                }

                WriteHeaderOnce();
                var end = Lz4FrameEncoder.WriteEnd(_output, _contentHash?.GetCurrentHashAsUInt32());
                _inner.Write(_output, 0, end);
                _inner.Flush();
                if (!_leaveOpen)
                {
                    _inner.Dispose();
                }
            }
        }
        finally
        {
            base.Dispose(disposing);
        }
    }

    private void WriteHeaderOnce()
    {
        if (_headerWritten)
        {
            return;
        }

        _headerWritten = true;
        var descriptor = Lz4FrameDescriptor.For(_options, _contentLength is { } length ? (ulong)length : null);
        var written = descriptor.WriteWithMagic(_output);
        _inner.Write(_output, 0, written);
    }

    private void EmitBlock()
    {
        WriteHeaderOnce();
        var end = _blockStart + _filled;
        var written = Lz4FrameEncoder.TryEncodeBlock(_buffer.AsSpan(0, end), _blockStart, _output, _options);
        _inner.Write(_output, 0, written);
        _filled = 0;
        if (!_options.LinkedBlocks)
        {
            return;
        }

        // Keep the last 64 KB as history for the next block, at the front of the buffer.
        var keep = Math.Min(end, Lz4Block.HistoryLength);
        _buffer.AsSpan(end - keep, keep).CopyTo(_buffer);
        _blockStart = keep;
    }
}
