using System.Buffers.Binary;
using System.Text;

namespace NexusZero.Inference.Receipts;

/// <summary>
/// Reads the fields <see cref="ReceiptWriter"/> writes. Every read checks the remaining length, and every
/// length prefix its limit, before taking anything, and throws <see cref="FormatException"/> naming the field:
/// nothing is allocated beyond what the input holds and the limit allows.
/// </summary>
internal ref struct ReceiptReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ReceiptReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Remaining => _data.Length - _position;

    public byte ReadByte(string field) => Take(1, field)[0];

    public int ReadUInt16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, field));

    public long ReadInt64(string field) => BinaryPrimitives.ReadInt64BigEndian(Take(8, field));

    /// <summary>A finite binary64 in its one canonical form (no NaN, no infinity, no −0).</summary>
    public double ReadDouble(string field)
    {
        var bits = ReadInt64(field);
        var value = BitConverter.Int64BitsToDouble(bits);
        if (!double.IsFinite(value))
        {
            throw new FormatException($"{field}: not a finite number.");
        }

        if (bits == long.MinValue)
        {
            throw new FormatException($"{field}: −0 is not canonical (written as +0).");
        }

        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count, string field) => Take(count, field);

    /// <summary>A u16 count in <paramref name="minimum"/> … <paramref name="maximum"/>.</summary>
    public int ReadCount16(string field, int minimum, int maximum)
    {
        var count = ReadUInt16(field);
        if (count < minimum || count > maximum)
        {
            throw new FormatException($"{field}: {count} is outside {minimum} … {maximum}.");
        }

        return count;
    }

    /// <summary>Bytes with a u32 length prefix of <paramref name="minimum"/> … <paramref name="maximum"/>, checked before they are taken.</summary>
    public ReadOnlySpan<byte> ReadBytes32(string field, int minimum, int maximum)
    {
        var length = BinaryPrimitives.ReadUInt32BigEndian(Take(4, field + " length"));
        if (length < (uint)minimum || length > (uint)maximum)
        {
            throw new FormatException($"{field}: length {length} is outside {minimum} … {maximum} bytes.");
        }

        return Take((int)length, field);
    }

    /// <summary>A UTF-8 string with a one-byte length prefix of at most <paramref name="maxBytes"/>.</summary>
    public string ReadString8(string field, int maxBytes)
    {
        var length = ReadByte(field);
        if (length > maxBytes)
        {
            throw new FormatException($"{field}: length {length} exceeds the limit of {maxBytes} bytes.");
        }

        try
        {
            return StrictUtf8.GetString(Take(length, field));
        }
        catch (DecoderFallbackException ex)
        {
            throw new FormatException($"{field}: not valid UTF-8.", ex);
        }
    }

    /// <summary>A domain label, which must be exactly <paramref name="expected"/>.</summary>
    public void ExpectLabel(ReadOnlySpan<byte> expected, string field)
    {
        var length = ReadByte(field);
        if (length != expected.Length || !Take(length, field).SequenceEqual(expected))
        {
            throw new FormatException($"{field}: expected the label \"{Encoding.ASCII.GetString(expected)}\".");
        }
    }

    public readonly void EnsureEnd(string what)
    {
        if (Remaining != 0)
        {
            throw new FormatException($"{what}: {Remaining} trailing bytes after the last field.");
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
