using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace NexusZero.Inference.Receipts;

/// <summary>
/// Appends the big-endian, length-prefixed fields of the receipt encodings (docs/formats.md, "Inference receipt"),
/// the same conventions as the consensus encodings. One writer per message; not thread-safe.
/// </summary>
internal sealed class ReceiptWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public ReceiptWriter(int initialCapacity = 256)
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

    public void WriteUInt16(int value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), checked((ushort)value));
        _buffer.Advance(2);
    }

    public void WriteUInt32(int value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), checked((uint)value));
        _buffer.Advance(4);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    /// <summary>An IEEE 754 binary64, big-endian; −0 is written as +0 so that each value has one encoding.</summary>
    public void WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value));

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    /// <summary>Bytes with a u32 length prefix.</summary>
    public void WriteBytes32(ReadOnlySpan<byte> bytes)
    {
        WriteUInt32(bytes.Length);
        WriteBytes(bytes);
    }

    /// <summary>A domain-separation label: one length byte, then the ASCII label.</summary>
    public void WriteLabel(ReadOnlySpan<byte> label)
    {
        WriteByte(checked((byte)label.Length));
        WriteBytes(label);
    }

    /// <summary>A UTF-8 string with a one-byte length prefix.</summary>
    public void WriteString8(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteByte(checked((byte)count));
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(count));
        _buffer.Advance(count);
    }
}
