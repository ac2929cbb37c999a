using System.Buffers.Binary;
using System.IO.Hashing;

namespace NexusZero.Compression.Tests.Support;

/// <summary>Builds LZ4 frames byte by byte, including malformed ones.</summary>
internal sealed class FrameBuilder
{
    private readonly List<byte> _bytes = [];

    public static byte[] Descriptor(byte flags, byte bd, ulong? contentSize = null, uint? dictionaryId = null, bool badChecksum = false)
    {
        var descriptor = new List<byte> { flags, bd };
        if (contentSize is { } size)
        {
            descriptor.AddRange(BitConverter.GetBytes(size));
        }

        if (dictionaryId is { } id)
        {
            descriptor.AddRange(BitConverter.GetBytes(id));
        }

        var checksum = (byte)(XxHash32.HashToUInt32(descriptor.ToArray()) >> 8);
        descriptor.Add(badChecksum ? (byte)(checksum ^ 1) : checksum);
        return [.. descriptor];
    }

    public FrameBuilder Magic(uint magic = 0x184D2204)
    {
        return U32(magic);
    }

    public FrameBuilder Header(byte flags, byte bd = 0x40, ulong? contentSize = null, uint? dictionaryId = null, bool badChecksum = false)
    {
        Magic();
        _bytes.AddRange(Descriptor(flags, bd, contentSize, dictionaryId, badChecksum));
        return this;
    }

    public FrameBuilder Block(byte[] data, bool uncompressed = false, bool checksum = false, bool badChecksum = false)
    {
        U32((uint)data.Length | (uncompressed ? 0x8000_0000u : 0));
        _bytes.AddRange(data);
        if (checksum)
        {
            U32(XxHash32.HashToUInt32(data) ^ (badChecksum ? 1u : 0u));
        }

        return this;
    }

    public FrameBuilder U32(uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        _bytes.AddRange(buffer.ToArray());
        return this;
    }

    public FrameBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public FrameBuilder End() => U32(0);

    public byte[] ToArray() => [.. _bytes];
}
