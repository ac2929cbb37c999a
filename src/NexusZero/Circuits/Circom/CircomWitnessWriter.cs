namespace NexusZero.Circuits.Circom;

/// <summary>Writes a witness as an iden3 .wtns file, version 2 (docs/formats.md): sections 1 and 2, canonical little-endian values.</summary>
public static class CircomWitnessWriter
{
    /// <summary>Encodes the witness.</summary>
    /// <param name="witness">The values in wire order (at least the constant one).</param>
    /// <returns>The file's bytes.</returns>
    /// <exception cref="ArgumentException">The witness is empty.</exception>
    public static byte[] Write(ReadOnlySpan<FieldElement> witness)
    {
        if (witness.IsEmpty)
        {
            throw new ArgumentException("A witness holds at least the constant one.", nameof(witness));
        }

        var header = new CircomSpanWriter();
        CircomContainer.WriteBn254Field(header);
        header.WriteUInt32((uint)witness.Length);
        var values = new CircomSpanWriter();
        foreach (var value in witness)
        {
            values.WriteFieldElement(value);
        }

        var file = new CircomSpanWriter();
        file.WriteBytes("wtns"u8);
        file.WriteUInt32(2);
        file.WriteUInt32(2);
        file.WriteSection(1, header);
        file.WriteSection(2, values);
        return file.ToArray();
    }
}
