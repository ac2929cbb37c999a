using System.Buffers.Binary;

namespace NexusZero.Circuits.Circom;

/// <summary>
/// A forward reader over a bounded byte range of a circom file: every read first checks that the bytes
/// are there and otherwise throws a <see cref="FormatException"/> naming the field it was reading.
/// </summary>
internal ref struct CircomSpanReader
{
    private readonly ReadOnlySpan<byte> data;
    private readonly string file;
    private int position;

    public CircomSpanReader(ReadOnlySpan<byte> data, string file)
    {
        this.data = data;
        this.file = file;
        position = 0;
    }

    public readonly int Position => position;

    public readonly int Remaining => data.Length - position;

    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4, field));

    public ulong ReadUInt64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8, field));

    public ReadOnlySpan<byte> ReadBytes(int count, string field)
    {
        if (count < 0 || count > Remaining)
        {
            throw Error($"{field} needs {count} bytes but only {Remaining} remain");
        }

        var bytes = data.Slice(position, count);
        position += count;
        return bytes;
    }

    /// <summary>A canonical 32-byte little-endian field element.</summary>
    public FieldElement ReadFieldElement(string field)
    {
        var bytes = ReadBytes(FieldElement.ByteLength, field);
        return FieldElement.TryFromLittleEndian(bytes, out var value) ? value : throw Error($"{field} is not below the BN254 scalar field modulus");
    }

    public readonly FormatException Error(string message) => new($"{file}: {message}.");
}
