using System.Buffers.Binary;

namespace NexusZero.Circuits.Circom;

/// <summary>Little-endian writing for the iden3 containers, into a growable buffer.</summary>
internal sealed class CircomSpanWriter
{
    private readonly MemoryStream stream = new();

    public void WriteUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    public void WriteUInt64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => stream.Write(bytes);

    public void WriteFieldElement(FieldElement value)
    {
        Span<byte> bytes = stackalloc byte[FieldElement.ByteLength];
        value.WriteLittleEndian(bytes);
        stream.Write(bytes);
    }

    /// <summary>Writes a section header and body.</summary>
    public void WriteSection(uint type, CircomSpanWriter body)
    {
        WriteUInt32(type);
        WriteUInt64((ulong)body.stream.Length);
        body.stream.WriteTo(stream);
    }

    public byte[] ToArray() => stream.ToArray();
}
