using NexusZero.IO;

namespace NexusZero.Circuits.Circom;

/// <summary>
/// A strict reader for iden3's .wtns format version 2 (docs/formats.md, "circom .wtns"): section 1 (field
/// and nWitness) and section 2 (the values, 32-byte little-endian, canonical), BN254's scalar field only.
/// </summary>
public static class CircomWitnessReader
{
    private const int HeaderBytes = 4 + 32 + 4;
    private const string FileName = "wtns";

    private static ReadOnlySpan<uint> SectionTypes => [1, 2];

    /// <summary>Reads a .wtns file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Bounds; <see cref="CircomReadLimits.Default"/> when null.</param>
    /// <returns>The witness in wire order.</returns>
    /// <exception cref="FormatException">The file is malformed, over a limit, or not over BN254's scalar field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static FieldElement[] ReadFile(string path, CircomReadLimits? limits = null)
    {
        limits ??= CircomReadLimits.Default;
        return Read(BoundedFile.ReadAllBytes(path, limits.MaxFileBytes, "wtns file"), limits);
    }

    /// <summary>Reads the bytes of a .wtns file.</summary>
    /// <param name="data">The whole file.</param>
    /// <param name="limits">Bounds; <see cref="CircomReadLimits.Default"/> when null.</param>
    /// <returns>The witness in wire order.</returns>
    /// <exception cref="FormatException">The bytes are malformed, over a limit, or not over BN254's scalar field.</exception>
    public static FieldElement[] Read(ReadOnlySpan<byte> data, CircomReadLimits? limits = null)
    {
        limits ??= CircomReadLimits.Default;
        if (data.Length > limits.MaxFileBytes)
        {
            throw new FormatException($"{FileName}: the file is {data.Length} bytes, over the limit of {limits.MaxFileBytes}.");
        }

        var sections = CircomContainer.ReadSections(data, "wtns"u8, 2, SectionTypes, FileName);
        var headerBody = data.Slice(sections[1].Offset, sections[1].Length);
        var header = new CircomSpanReader(headerBody, FileName);
        if (headerBody.Length != HeaderBytes)
        {
            throw header.Error($"header section is {headerBody.Length} bytes; it must be {HeaderBytes}");
        }

        CircomContainer.ReadBn254Field(ref header);
        var count = header.ReadUInt32("nWitness");
        if (count < 1 || count > (uint)limits.MaxWires)
        {
            throw header.Error($"nWitness is {count}; it must be 1 … {limits.MaxWires}");
        }

        var valuesBody = data.Slice(sections[2].Offset, sections[2].Length);
        var values = new CircomSpanReader(valuesBody, FileName);
        if (valuesBody.Length != (long)count * FieldElement.ByteLength)
        {
            throw values.Error($"witness section is {valuesBody.Length} bytes; nWitness = {count} needs {(long)count * FieldElement.ByteLength}");
        }

        var witness = new FieldElement[count];
        for (var i = 0; i < witness.Length; i++)
        {
            witness[i] = values.ReadFieldElement($"witness value {i}");
        }

        return witness;
    }
}
