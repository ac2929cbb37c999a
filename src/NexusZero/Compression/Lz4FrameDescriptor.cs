using System.Buffers.Binary;
using System.IO.Hashing;

namespace NexusZero.Compression;

/// <summary>
/// The LZ4 frame header after the magic number: FLG, BD, optional content size, optional
/// dictionary id and the header checksum (lz4_Frame_format.md, "Frame Descriptor").
/// </summary>
internal readonly record struct Lz4FrameDescriptor(
    byte Flags,
    byte BlockDescriptor,
    ulong? ContentSize,
    uint? DictionaryId)
{
    /// <summary>The LZ4 frame magic number (little-endian on the wire).</summary>
    public const uint Magic = 0x184D2204;

    /// <summary>Skippable frames use 0x184D2A50 to 0x184D2A5F.</summary>
    public const uint SkippableMagicBase = 0x184D2A50;

    /// <summary>Masks the low nibble that varies across skippable magic numbers.</summary>
    public const uint SkippableMagicMask = 0xFFFFFFF0;

    /// <summary>The legacy frame magic, recognized only to name it in the error.</summary>
    public const uint LegacyMagic = 0x184C2102;

    /// <summary>The longest descriptor: FLG, BD, 8-byte content size, 4-byte dictionary id, checksum.</summary>
    public const int MaxLength = 15;

    private const byte VersionMask = 0b1100_0000;
    private const byte Version01 = 0b0100_0000;
    private const byte IndependenceFlag = 0b0010_0000;
    private const byte BlockChecksumFlag = 0b0001_0000;
    private const byte ContentSizeFlag = 0b0000_1000;
    private const byte ContentChecksumFlag = 0b0000_0100;
    private const byte FlagReservedBit = 0b0000_0010;
    private const byte DictionaryIdFlag = 0b0000_0001;
    private const byte BlockSizeMask = 0b0111_0000;

    /// <summary>True when blocks do not refer to earlier blocks.</summary>
    public bool IndependentBlocks => (Flags & IndependenceFlag) != 0;

    /// <summary>True when each block carries a checksum.</summary>
    public bool HasBlockChecksum => (Flags & BlockChecksumFlag) != 0;

    /// <summary>True when the frame ends with a content checksum.</summary>
    public bool HasContentChecksum => (Flags & ContentChecksumFlag) != 0;

    /// <summary>The block maximum size in bytes.</summary>
    public int BlockMaxBytes => BlockMaxBytesOf((Lz4BlockMaxSize)((BlockDescriptor & BlockSizeMask) >> 4));

    /// <summary>The encoded length, without the magic number.</summary>
    public int Length => 3 + (ContentSize.HasValue ? 8 : 0) + (DictionaryId.HasValue ? 4 : 0);

    /// <summary>Bytes per block for a size id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not one of the four defined sizes.</exception>
    public static int BlockMaxBytesOf(Lz4BlockMaxSize size) => size switch
    {
        Lz4BlockMaxSize.Max64KB => 64 * 1024,
        Lz4BlockMaxSize.Max256KB => 256 * 1024,
        Lz4BlockMaxSize.Max1MB => 1024 * 1024,
        Lz4BlockMaxSize.Max4MB => 4 * 1024 * 1024,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "LZ4 block maximum size must be 64 KB, 256 KB, 1 MB or 4 MB."),
    };

    /// <summary>The descriptor the encoder writes for these options.</summary>
    public static Lz4FrameDescriptor For(Lz4FrameOptions options, ulong? contentSize)
    {
        _ = BlockMaxBytesOf(options.BlockMaxSize);
        var flags = Version01;
        if (!options.LinkedBlocks)
        {
            flags |= IndependenceFlag;
        }

        if (options.BlockChecksum)
        {
            flags |= BlockChecksumFlag;
        }

        if (options.ContentSize)
        {
            flags |= ContentSizeFlag;
        }

        if (options.ContentChecksum)
        {
            flags |= ContentChecksumFlag;
        }

        return new Lz4FrameDescriptor(flags, (byte)((int)options.BlockMaxSize << 4), options.ContentSize ? contentSize : null, null);
    }

    /// <summary>Writes the magic number and the descriptor; returns the bytes written.</summary>
    public int WriteWithMagic(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        var descriptor = destination[4..];
        descriptor[0] = Flags;
        descriptor[1] = BlockDescriptor;
        var at = 2;
        if (ContentSize is { } size)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(descriptor[at..], size);
            at += 8;
        }

        if (DictionaryId is { } id)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(descriptor[at..], id);
            at += 4;
        }

        descriptor[at] = HeaderChecksum(descriptor[..at]);
        return 4 + at + 1;
    }

    /// <summary>The descriptor length, checksum included, that a FLG byte announces.</summary>
    public static int LengthFromFlags(byte flags) =>
        3 + ((flags & ContentSizeFlag) != 0 ? 8 : 0) + ((flags & DictionaryIdFlag) != 0 ? 4 : 0);

    /// <summary>Parses a descriptor starting at the FLG byte.</summary>
    /// <exception cref="FormatException">Unsupported version, reserved bits, undefined block size, truncated, or a bad header checksum.</exception>
    public static Lz4FrameDescriptor Parse(ReadOnlySpan<byte> data, out int consumed)
    {
        if (data.Length < 2)
        {
            throw new FormatException("LZ4 frame is truncated inside the frame descriptor.");
        }

        var flags = data[0];
        var bd = data[1];
        if ((flags & VersionMask) != Version01)
        {
            throw new FormatException($"LZ4 frame version {(flags & VersionMask) >> 6} is not supported (only version 01).");
        }

        if ((flags & FlagReservedBit) != 0)
        {
            throw new FormatException("LZ4 frame descriptor has the reserved FLG bit 1 set.");
        }

        if ((bd & ~BlockSizeMask) != 0)
        {
            throw new FormatException($"LZ4 frame descriptor has reserved BD bits set (BD = 0x{bd:X2}).");
        }

        var sizeId = (bd & BlockSizeMask) >> 4;
        if (sizeId < 4)
        {
            throw new FormatException($"LZ4 block maximum size id {sizeId} is undefined (4 to 7 are).");
        }

        consumed = LengthFromFlags(flags);
        if (data.Length < consumed)
        {
            throw new FormatException("LZ4 frame is truncated inside the frame descriptor.");
        }

        var at = 2;
        ulong? contentSize = null;
        if ((flags & ContentSizeFlag) != 0)
        {
            contentSize = BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
            at += 8;
        }

        uint? dictionaryId = null;
        if ((flags & DictionaryIdFlag) != 0)
        {
            dictionaryId = BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
            at += 4;
        }

        var expected = HeaderChecksum(data[..at]);
        if (data[at] != expected)
        {
            throw new FormatException($"LZ4 frame header checksum mismatch (read 0x{data[at]:X2}, computed 0x{expected:X2}).");
        }

        return new Lz4FrameDescriptor(flags, bd, contentSize, dictionaryId);
    }

    /// <summary>The second byte of the xxHash32 of the descriptor bytes before the checksum.</summary>
    private static byte HeaderChecksum(ReadOnlySpan<byte> descriptor) => (byte)(XxHash32.HashToUInt32(descriptor) >> 8);
}
