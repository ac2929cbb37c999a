using System.Buffers.Binary;
using System.Text;

namespace NexusZero.Consensus.Canonical;

/// <summary>
/// Reads the fields <see cref="CanonicalWriter"/> writes. Every read checks the remaining length first and
/// throws <see cref="FormatException"/> naming the field, so a parser never allocates more than the input holds.
/// </summary>
internal ref struct CanonicalReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public CanonicalReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Remaining => _data.Length - _position;

    public byte ReadByte(string field) => Take(1, field)[0];

    public ushort ReadUInt16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, field));

    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));

    public ulong ReadUInt64(string field) => BinaryPrimitives.ReadUInt64BigEndian(Take(8, field));

    public ReadOnlySpan<byte> ReadBytes(int count, string field) => Take(count, field);

    public string ReadString8(string field, int maxBytes)
    {
        var length = ReadByte(field);
        return DecodeString(length, maxBytes, field);
    }

    public string ReadString16(string field, int maxBytes)
    {
        var length = ReadUInt16(field);
        return DecodeString(length, maxBytes, field);
    }

    public ReadOnlySpan<byte> ReadBytes16(string field, int maxBytes)
    {
        var length = ReadUInt16(field);
        if (length > maxBytes)
        {
            throw new FormatException($"{field}: length {length} exceeds the limit of {maxBytes} bytes.");
        }

        return Take(length, field);
    }

    public readonly void EnsureEnd(string what)
    {
        if (Remaining != 0)
        {
            throw new FormatException($"{what}: {Remaining} trailing bytes after the last field.");
        }
    }

    private string DecodeString(int length, int maxBytes, string field)
    {
        if (length > maxBytes)
        {
            throw new FormatException($"{field}: length {length} exceeds the limit of {maxBytes} bytes.");
        }

        var bytes = Take(length, field);
        try
        {
            return CanonicalWriter.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new FormatException($"{field}: not valid UTF-8.", ex);
        }
    }

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count < 0 || count > Remaining)
        {
            throw new FormatException($"{field}: needs {count} bytes but only {Remaining} remain.");
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
