using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace NexusZero.Consensus.Canonical;

/// <summary>
/// Appends the big-endian, length-prefixed fields every consensus encoding is built from
/// (docs/formats.md, "Consensus"). One writer per message; not thread-safe.
/// </summary>
internal sealed class CanonicalWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public CanonicalWriter(int initialCapacity = 256)
    {
        _buffer = new ArrayBufferWriter<byte>(initialCapacity);
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    /// <summary>A domain-separation label: one length byte, then the ASCII label.</summary>
    public void WriteLabel(ReadOnlySpan<byte> label)
    {
        WriteByte(checked((byte)label.Length));
        WriteBytes(label);
    }

    /// <summary>A UTF-8 string with a one-byte length prefix (at most 255 bytes).</summary>
    public void WriteString8(string value)
    {
        var count = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteByte(checked((byte)count));
        var span = _buffer.GetSpan(count);
        System.Text.Encoding.UTF8.GetBytes(value, span);
        _buffer.Advance(count);
    }

    /// <summary>A UTF-8 string with a two-byte length prefix.</summary>
    public void WriteString16(string value)
    {
        var count = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteUInt16(checked((ushort)count));
        var span = _buffer.GetSpan(count);
        System.Text.Encoding.UTF8.GetBytes(value, span);
        _buffer.Advance(count);
    }

    /// <summary>Bytes with a two-byte length prefix.</summary>
    public void WriteBytes16(ReadOnlySpan<byte> bytes)
    {
        WriteUInt16(checked((ushort)bytes.Length));
        WriteBytes(bytes);
    }

    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
