using NexusZero.Groups.Bn254;

namespace NexusZero.Circuits.Circom;

/// <summary>
/// The container shared by iden3's .r1cs and .wtns files: 4-byte magic, u32 version, u32 section count,
/// then sections of (u32 type, u64 size, body), all little-endian. Parsed strictly: the listed section
/// types only, each once, every required one present, sizes within the file, no trailing bytes.
/// </summary>
internal static class CircomContainer
{
    public static Dictionary<uint, CircomSection> ReadSections(
        ReadOnlySpan<byte> data, ReadOnlySpan<byte> magic, uint version, ReadOnlySpan<uint> sectionTypes, string file)
    {
        var reader = new CircomSpanReader(data, file);
        if (!reader.ReadBytes(4, "magic").SequenceEqual(magic))
        {
            throw reader.Error($"magic is not \"{System.Text.Encoding.ASCII.GetString(magic)}\"");
        }

        var actualVersion = reader.ReadUInt32("version");
        if (actualVersion != version)
        {
            throw reader.Error($"version is {actualVersion}; only version {version} is supported");
        }

        var count = reader.ReadUInt32("section count");
        if (count != (uint)sectionTypes.Length)
        {
            throw reader.Error($"section count is {count}; expected exactly {sectionTypes.Length}");
        }

        var sections = new Dictionary<uint, CircomSection>(sectionTypes.Length);
        for (var i = 0; i < count; i++)
        {
            var type = reader.ReadUInt32($"section {i} type");
            var size = reader.ReadUInt64($"section {i} size");
            if (!sectionTypes.Contains(type))
            {
                throw reader.Error($"section {i} has unsupported type {type}");
            }

            if (sections.ContainsKey(type))
            {
                throw reader.Error($"section type {type} appears twice");
            }

            if (size > (ulong)reader.Remaining)
            {
                throw reader.Error($"section {i} (type {type}) size {size} exceeds the {reader.Remaining} bytes left");
            }

            sections[type] = new CircomSection(type, reader.Position, (int)size);
            reader.ReadBytes((int)size, $"section {i} body");
        }

        if (reader.Remaining != 0)
        {
            throw reader.Error($"{reader.Remaining} bytes follow the last section");
        }

        return sections;
    }

    /// <summary>Reads the field description (u32 byte size, prime) and refuses anything but BN254's scalar field.</summary>
    public static void ReadBn254Field(ref CircomSpanReader reader)
    {
        var size = reader.ReadUInt32("field size");
        if (size != FieldElement.ByteLength)
        {
            throw reader.Error($"field size is {size} bytes; the BN254 scalar field needs 32");
        }

        Span<byte> expected = stackalloc byte[FieldElement.ByteLength];
        Fr.Parameters.Modulus.WriteLittleEndian(expected);
        if (!reader.ReadBytes(FieldElement.ByteLength, "prime").SequenceEqual(expected))
        {
            throw reader.Error("prime is not the BN254 scalar field modulus");
        }
    }

    /// <summary>Writes the field description for BN254's scalar field.</summary>
    public static void WriteBn254Field(CircomSpanWriter writer)
    {
        writer.WriteUInt32(FieldElement.ByteLength);
        Span<byte> prime = stackalloc byte[FieldElement.ByteLength];
        Fr.Parameters.Modulus.WriteLittleEndian(prime);
        writer.WriteBytes(prime);
    }
}
