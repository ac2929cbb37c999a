using System.Buffers.Binary;
using System.IO.Hashing;

namespace NexusZero.Compression;

/// <summary>
/// A read-only stream that decodes LZ4 frames from an inner stream one block at a time: memory stays
/// within two blocks plus 64 KB of history whatever the input. Concatenated frames are decoded in order,
/// skippable frames skipped. Malformed input raises a <see cref="FormatException"/> naming the defect.
/// In strict mode it accepts exactly what <see cref="Lz4Codec.Decompress(ReadOnlySpan{byte}, int, bool)"/>
/// accepts with <c>strict</c>: one frame whose FLG and BD bytes are those the given options write, no
/// skippable frames, nothing after the frame.
/// </summary>
public sealed class Lz4FrameReaderStream : Stream
{
    private const uint UncompressedFlag = 0x8000_0000;

    private readonly Stream _inner;
    private readonly long _maxOutputLength;
    private readonly bool _leaveOpen;
    private readonly Lz4FrameDescriptor? _strict;
    private readonly byte[] _header = new byte[4 + Lz4FrameDescriptor.MaxLength];
    private byte[] _compressed = [];
    private byte[] _window = [];
    private Lz4FrameDescriptor _descriptor;
    private XxHash32? _contentHash;
    private bool _inFrame;
    private bool _atEnd;
    private int _frames;
    private int _readPosition;
    private int _windowEnd;
    private long _frameOutput;
    private long _totalOutput;

    /// <summary>Decodes the frames in <paramref name="inner"/>.</summary>
    /// <param name="inner">The frames.</param>
    /// <param name="maxOutputLength">The most content this stream will produce before refusing the input.</param>
    /// <param name="leaveOpen">Keep <paramref name="inner"/> open on dispose.</param>
    /// <param name="strict">
    /// When set, accept only one frame whose descriptor is exactly what these options write, with no
    /// skippable frame and no byte after it (the form a proof envelope accepts). Trailing bytes are
    /// refused by the read that reaches the end of the frame's content, so read until it returns 0.
    /// </param>
    /// <exception cref="ArgumentException">The stream is not readable, or the limit is negative.</exception>
    public Lz4FrameReaderStream(Stream inner, long maxOutputLength = long.MaxValue, bool leaveOpen = false, Lz4FrameOptions? strict = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(maxOutputLength);
        if (!inner.CanRead)
        {
            throw new ArgumentException("The inner stream is not readable.", nameof(inner));
        }

        _inner = inner;
        _maxOutputLength = maxOutputLength;
        _leaveOpen = leaveOpen;
        _strict = strict is null ? null : Lz4FrameDescriptor.For(strict, 0);
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    /// <exception cref="FormatException">The input is malformed or exceeds the output limit.</exception>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    /// <exception cref="FormatException">The input is malformed or exceeds the output limit.</exception>
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_readPosition == _windowEnd)
        {
            if (_atEnd || !DecodeNext())
            {
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _windowEnd - _readPosition);
        _window.AsSpan(_readPosition, count).CopyTo(buffer);
        _readPosition += count;
        return count;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Decodes the next block (reading frame headers and trailers on the way); false at the end of input.</summary>
    private bool DecodeNext()
    {
        while (true)
        {
            if (!_inFrame)
            {
                if (!StartFrame())
                {
                    _atEnd = true;
                    return false;
                }

                continue;
            }

            ReadExactly(_header.AsSpan(0, 4), "a block header or the end mark");
            var header = BinaryPrimitives.ReadUInt32LittleEndian(_header);
            if (header == 0)
            {
                EndFrame();
                continue;
            }

            DecodeBlock(header);
            return true;
        }
    }

    private bool StartFrame()
    {
        var got = _inner.ReadAtLeast(_header.AsSpan(0, 4), 4, throwOnEndOfStream: false);
        if (got == 0)
        {
            return _frames == 0 ? throw new FormatException("LZ4 input is empty; expected a frame.") : false;
        }

        if (_strict is not null && _frames > 0)
        {
            throw new FormatException("Strict LZ4 decoding accepts one frame; bytes follow its end.");
        }

        if (got < 4)
        {
            throw new FormatException($"LZ4 input is truncated: {got} bytes where a frame magic number was expected.");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(_header);
        if ((magic & Lz4FrameDescriptor.SkippableMagicMask) == Lz4FrameDescriptor.SkippableMagicBase)
        {
            if (_strict is not null)
            {
                throw new FormatException("Strict LZ4 decoding refuses skippable frames.");
            }

            ReadExactly(_header.AsSpan(0, 4), "a skippable frame header");
            Skip(BinaryPrimitives.ReadUInt32LittleEndian(_header));
            _frames++;
            return true;
        }

        if (magic != Lz4FrameDescriptor.Magic)
        {
            throw new FormatException(magic == Lz4FrameDescriptor.LegacyMagic
                ? "Legacy LZ4 frames (magic 0x184C2102) are not supported."
                : $"Bad LZ4 magic number 0x{magic:X8}.");
        }

        ReadExactly(_header.AsSpan(0, 2), "the frame descriptor");
        var length = Lz4FrameDescriptor.LengthFromFlags(_header[0]);
        ReadExactly(_header.AsSpan(2, length - 2), "the frame descriptor");
        _descriptor = Lz4FrameDescriptor.Parse(_header.AsSpan(0, length), out _);
        if (_strict is { } expected && (_descriptor.Flags != expected.Flags || _descriptor.BlockDescriptor != expected.BlockDescriptor))
        {
            throw new FormatException(
                $"Strict LZ4 decoding accepts only FLG 0x{expected.Flags:X2} BD 0x{expected.BlockDescriptor:X2}; the frame has FLG 0x{_descriptor.Flags:X2} BD 0x{_descriptor.BlockDescriptor:X2}.");
        }
        if (_descriptor.DictionaryId is { } dictionaryId)
        {
            throw new FormatException($"LZ4 frame needs dictionary 0x{dictionaryId:X8}; dictionaries are not supported.");
        }

        if (_descriptor.ContentSize is { } declared && declared > (ulong)(_maxOutputLength - _totalOutput))
        {
            throw new FormatException($"LZ4 frame declares a content size of {declared} bytes, over the output limit of {_maxOutputLength} bytes.");
        }

        var blockMax = _descriptor.BlockMaxBytes;
        var history = _descriptor.IndependentBlocks ? 0 : Lz4Block.HistoryLength;
        if (_compressed.Length < blockMax + 4)
        {
            _compressed = new byte[blockMax + 4];
        }

        if (_window.Length < history + blockMax)
        {
            _window = new byte[history + blockMax];
        }

        _readPosition = 0;
        _windowEnd = 0;
        _frameOutput = 0;
        _contentHash = _descriptor.HasContentChecksum ? new XxHash32() : null;
        _inFrame = true;
        _frames++;
        return true;
    }

    private void DecodeBlock(uint header)
    {
        var blockMax = _descriptor.BlockMaxBytes;
        var size = (int)(header & ~UncompressedFlag);
        if (size > blockMax)
        {
            throw new FormatException($"LZ4 block size {size} is over the declared block maximum of {blockMax} bytes.");
        }

        var checksumLength = _descriptor.HasBlockChecksum ? 4 : 0;
        ReadExactly(_compressed.AsSpan(0, size + checksumLength), "a block");
        var data = _compressed.AsSpan(0, size);
        if (_descriptor.HasBlockChecksum && BinaryPrimitives.ReadUInt32LittleEndian(_compressed.AsSpan(size)) != XxHash32.HashToUInt32(data))
        {
            throw new FormatException("LZ4 block checksum mismatch.");
        }

        // Linked blocks keep the previous 64 KB in front of the new block; independent ones start afresh.
        var start = 0;
        if (!_descriptor.IndependentBlocks)
        {
            var keep = Math.Min(_windowEnd, Lz4Block.HistoryLength);
            _window.AsSpan(_windowEnd - keep, keep).CopyTo(_window);
            start = keep;
        }

        var limitRemaining = _maxOutputLength - _totalOutput;
        var contentRemaining = (_descriptor.ContentSize is { } declared ? (long)declared : long.MaxValue) - _frameOutput;
        var cap = (int)Math.Min(start + blockMax, start + Math.Min(limitRemaining, contentRemaining));
        FormatException Overflow() => contentRemaining <= limitRemaining
            ? new FormatException($"LZ4 frame holds more than its declared content size of {_descriptor.ContentSize} bytes.")
            : new FormatException($"LZ4 content exceeds the output limit of {_maxOutputLength} bytes.");

        int end;
        if ((header & UncompressedFlag) != 0)
        {
            if (start + size > cap)
            {
                throw Overflow();
            }

            data.CopyTo(_window.AsSpan(start));
            end = start + size;
        }
        else if (!Lz4BlockDecoder.TryDecode(data, _window.AsSpan(0, cap), start, _descriptor.IndependentBlocks ? start : 0, out end))
        {
            throw cap == start + blockMax && blockMax <= Math.Min(limitRemaining, contentRemaining)
                ? new FormatException($"LZ4 block decodes to more than the declared block maximum of {blockMax} bytes.")
                : Overflow();
        }

        _contentHash?.Append(_window.AsSpan(start, end - start));
        _frameOutput += end - start;
        _totalOutput += end - start;
        _readPosition = start;
        _windowEnd = end;
    }

    private void EndFrame()
    {
        if (_contentHash is not null)
        {
            ReadExactly(_header.AsSpan(0, 4), "the content checksum");
            if (BinaryPrimitives.ReadUInt32LittleEndian(_header) != _contentHash.GetCurrentHashAsUInt32())
            {
                throw new FormatException("LZ4 content checksum mismatch.");
            }
        }

        if (_descriptor.ContentSize is { } declared && (ulong)_frameOutput != declared)
        {
            throw new FormatException($"LZ4 content size mismatch: the frame declares {declared} bytes and holds {_frameOutput}.");
        }

        _inFrame = false;
        _readPosition = 0;
        _windowEnd = 0;
    }

    private void Skip(uint length)
    {
        var scratch = _compressed.Length >= 4096 ? _compressed : (_compressed = new byte[64 * 1024]);
        long left = length;
        while (left > 0)
        {
            var got = _inner.Read(scratch, 0, (int)Math.Min(left, scratch.Length));
            if (got == 0)
            {
                throw new FormatException($"LZ4 skippable frame is truncated: {left} of {length} bytes missing.");
            }

            left -= got;
        }
    }

    private void ReadExactly(Span<byte> buffer, string what)
    {
        if (_inner.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw new FormatException($"LZ4 input is truncated inside {what}.");
        }
    }
}
